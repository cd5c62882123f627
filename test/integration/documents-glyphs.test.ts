import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentVerifier } from '../../src/core/documents/verifier';
import type { VerificationResult } from '../../src/shared/api';
import { AS_OF } from '../fixtures/documents/corpus';
import { heldOutCases } from '../fixtures/documents/held-out';
import { passportSvg } from '../fixtures/documents/templates';
import { applyVariant } from '../fixtures/documents/variants';

/**
 * The held-out forgery the OCR-B shapes exist for (issue 4 safety target): a look-alike letter printed in an
 * MRZ date (`O` for `0`, …), which the generic `eng` legacy model reads as the digit, so every check digit
 * passes. Read by the OCR-B template reader (the default), and by OCR alone with the glyph check (the fallback
 * for bands the reader cannot cut into cells). Rendered here on its own (a few seconds) rather than from the
 * held-out corpus.
 */
const forgery = heldOutCases(AS_OF).find((c) => c.id === 'held-passport-letter-in-date')!;
const genuine = heldOutCases(AS_OF).find((c) => c.id === 'held-passport-valid-1')!;
/** The forged column: where the forgery's line 2 differs from the genuine passport's. */
const column = [...forgery.mrz![1]].findIndex((char, i) => char !== genuine.mrz![1][i]);
const results = new Map<string, VerificationResult>();
const verifiers = { shapes: new DocumentVerifier({ textWorkers: 1, mrzWorkers: 1 }), ocr: new DocumentVerifier({ textWorkers: 1, mrzWorkers: 1, mrzReader: 'ocr' }) };

beforeAll(async () => {
  const page = await sharp(Buffer.from(passportSvg(forgery.passport!))).png().toBuffer();
  for (const variant of ['clean', 'noisy'] as const) {
    const { bytes } = await applyVariant(page, variant, 11);
    for (const [reader, verifier] of Object.entries(verifiers)) {
      results.set(`${reader} ${variant}`, await verifier.verify(bytes, { fileName: `letter-in-date-${variant}`, person: forgery.person ?? undefined, asOf: AS_OF }));
    }
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(Object.values(verifiers).map((verifier) => verifier.close()));
});

describe('a look-alike letter printed in an MRZ date', () => {
  it.each(['shapes clean', 'shapes noisy', 'ocr clean', 'ocr noisy'])('is never verified (%s)', (key) => {
    const result = results.get(key)!;
    expect(result.status).not.toBe('verified');
    expect(result.checks.filter((c) => !c.ok).length).toBeGreaterThan(0);
  });

  it.each(['clean', 'noisy'])('is read as the letter by the OCR-B reader, and the swap to a digit goes to review (%s)', (variant) => {
    const result = results.get(`shapes ${variant}`)!;
    const letter = forgery.mrz![1][column]!;
    const corrections = result.checks.find((c) => c.id === 'ocr_corrections')!;
    expect(corrections.ok).toBe(false);
    expect(corrections.message).toContain(`line 2 col ${column + 1}: ${letter}→`);
    expect(result.reasons).toContain('corrected_by_ocr');
  });

  it('is named by the glyph check when OCR read the letter as the digit (clean capture)', () => {
    const glyphs = results.get('ocr clean')!.checks.find((c) => c.id === 'mrz_glyphs')!;
    expect(glyphs.ok).toBe(false);
    expect(glyphs.message).toMatch(/line 2 col \d+: read \d, looks like [A-Z]/);
    expect(results.get('ocr clean')!.reasons).toContain('mrz_format');
  });
});
