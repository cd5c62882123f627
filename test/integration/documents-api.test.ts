import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import type { CliIo } from '../../src/cli/io';
import { verificationResultSchema, type TaskProgress } from '../../src/shared/api';
import { loadCorpus, type Corpus } from '../fixtures/documents/corpus';
import { tempCore } from '../helpers/temp-core';
import { testIoParts } from '../helpers/cli-io';

let corpus: Corpus;
const file = (caseId: string, variant = 'clean') => join(corpus.dir, corpus.entries.find((e) => e.case === caseId && e.variant === variant)!.file);

beforeAll(async () => {
  corpus = await loadCorpus({ size: 'test' });
}, 600_000);

describe('documents.verify through the core', () => {
  const core = tempCore();
  afterAll(() => core.dispose());

  it('verifies a passport as a task with progress events', async () => {
    const progress: TaskProgress[] = [];
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (event === 'task.progress') progress.push(payload as TaskProgress);
    });
    const envelope = await core.dispatch(
      'documents.verify',
      { fileName: 'passport.png', contentBase64: readFileSync(file('passport-valid-1')).toString('base64'), asOf: corpus.asOf, person: corpus.entries[0]!.person! },
      { taskId: 'verify-1' },
    );
    unsubscribe();
    expect(envelope.ok).toBe(true);
    const result = verificationResultSchema.parse((envelope as { data: unknown }).data);
    expect(result).toMatchObject({ file: 'passport.png', type: 'passport', status: 'verified' });
    expect(progress.at(-1)).toMatchObject({ taskId: 'verify-1', method: 'documents.verify', done: 4, total: 4 });
  });

  it('cancels a running verification', async () => {
    const pending = core.dispatch('documents.verify', { fileName: 'cert.png', contentBase64: readFileSync(file('eng1-valid')).toString('base64') }, { taskId: 'verify-2' });
    await new Promise((r) => setTimeout(r, 50));
    expect(await core.call('tasks.cancel', { taskId: 'verify-2' })).toEqual({ cancelled: true });
    const envelope = await pending;
    expect(envelope).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    // The pool recovers: the next document is read as usual.
    const next = await core.call('documents.verify', { fileName: 'again.png', contentBase64: readFileSync(file('stcw-efa-valid')).toString('base64'), asOf: corpus.asOf });
    expect(next.type).toBe('stcw_certificate');
  });

  it('rejects bad input with a clear validation error', async () => {
    const envelope = await core.dispatch('documents.verify', { fileName: 'x.png', contentBase64: 'not base64!', asOf: '2026-13-45x' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const paths = ((envelope as { error: { details: { issues: Array<{ path: string }> } } }).error.details.issues).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['contentBase64', 'asOf']));
  });
});

function bufferIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), progress: () => undefined, interrupted: new Promise(() => undefined), ...testIoParts() };
}

describe('harmony verify', () => {
  it('prints the JSON array of issue 4 and exits 1 when any document is not verified', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harmony-verify-'));
    const personFile = join(dir, 'person.json');
    const person = corpus.entries.find((e) => e.case === 'passport-valid-1')!.person!;
    writeFileSync(personFile, JSON.stringify(person));
    const io = bufferIo();
    const code = await runCli(['verify', file('passport-valid-1'), join(corpus.dir, 'empty.png'), join(dir, 'missing.jpg'), '--person', personFile, '--as-of', corpus.asOf, '--json'], io);
    expect(code).toBe(1);
    const results = JSON.parse(io.stdout.join('\n')) as unknown[];
    expect(results).toHaveLength(3);
    const [passport, empty, missing] = results.map((r) => verificationResultSchema.strict().parse(r));
    expect(Object.keys(passport!)).toEqual(['file', 'type', 'fields', 'mrz', 'checks', 'status', 'reasons', 'confidence', 'ms']);
    expect(passport).toMatchObject({ type: 'passport', status: 'verified', fields: { dateOfBirth: person.dateOfBirth, sex: 'M' } });
    expect(passport!.mrz).toHaveLength(2);
    expect(empty).toMatchObject({ status: 'review', reasons: ['unreadable'] });
    expect(missing).toMatchObject({ status: 'review', reasons: ['unreadable'] });
    expect(missing!.checks[0]!.message).toMatch(/does not exist/);
  });

  it('prints a readable report and exits 0 when all are verified', async () => {
    const io = bufferIo();
    expect(await runCli(['verify', file('stcw-efa-valid'), '--as-of', corpus.asOf], io)).toBe(0);
    const report = io.stdout.join('\n');
    expect(report).toMatch(/VERIFIED \(STCW certificate, OCR confidence \d+%/);
    expect(report).toMatch(/✓ Elementary First Aid does not expire/);
    // Fields and checks in words, never the contract's identifiers.
    expect(report).toMatch(/Certificate number: \S+/);
    expect(report).toMatch(/✓ Read the surname, certificate number, certificate, date of issue/);
    expect(report).not.toMatch(/certificateNumber|dateOfIssue|stcw_certificate/);
    expect(report).toMatch(/1 document\(s\): 1 verified, 0 need review, 0 rejected/);
  });

  it('exits 2 on wrong usage, naming what is wrong', async () => {
    const io = bufferIo();
    expect(await runCli(['verify'], io)).toBe(2);
    expect(await runCli(['verify', 'a.png', '--as-of', '22/11/2026'], io)).toBe(2);
    const bad = join(mkdtempSync(join(tmpdir(), 'harmony-verify-')), 'person.json');
    writeFileSync(bad, JSON.stringify({ givenNames: 'X' }));
    expect(await runCli(['verify', 'a.png', '--person', bad], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--as-of must be a real date[\s\S]*surname/);
  });
});
