import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputs } from '../fixtures/documents/bad-inputs';
import { documentImage, PASSPORT_HOLDER } from '../helpers/document-images';
import { base64, personInput, vesselWithPosition } from '../helpers/fleet';
import { OWNER, tempCore } from '../helpers/temp-core';

/** Issue 4 phase 2 through the API: upload, queue, correction, decisions with their author, matrix, bad input. */
describe('stored documents', () => {
  const core = tempCore();
  afterAll(() => core.dispose());
  let personId = '';
  let vesselId = '';
  let passport: Buffer;

  beforeAll(async () => {
    passport = await documentImage('passport-letter-in-date');
    const { vessel, position } = await vesselWithPosition(core, { department: 'deck', title: 'Deckhand', rotation: null, employmentKind: 'permanent' });
    vesselId = vessel.id;
    const person = await core.call('people.create', personInput({ ...PASSPORT_HOLDER, email: null }));
    personId = person.id;
    await core.call('assignments.create', { personId, positionId: position.id, startDate: '2026-01-01', endDate: null, rotation: null });
  }, 60_000);

  it('uploads a passport as a task, keeps what OCR read, and recognises the same file again', async () => {
    const first = await core.call('documents.upload', { personId, fileName: 'passport.png', contentBase64: passport.toString('base64') }, { taskId: 'upload-1' });
    expect(first.duplicate).toBe(false);
    expect(first.document).toMatchObject({ type: 'passport', kind: 'passport', status: 'review', personName: 'Jörg Peter Müller-Lüdenscheid' });
    expect(first.document.reasons).toContain('corrected_by_ocr');
    expect(first.document.fileHash).toMatch(/^[0-9a-f]{64}$/);
    const again = await core.call('documents.upload', { personId, fileName: 'copy of passport.png', contentBase64: passport.toString('base64') });
    expect(again).toMatchObject({ duplicate: true, document: { id: first.document.id } });
    const detail = await core.call('documents.get', { id: first.document.id });
    expect(detail.ocrText).toMatch(/P<DEU/);
    expect(detail.history.map((h) => h.action)).toEqual(['upload']);
    const preview = await core.call('documents.preview', { id: first.document.id });
    expect(preview.dataUrl).toMatch(/^data:image\/jpeg;base64,/);
  }, 120_000);

  it('a corrected check-digit-covered field stays in review until a person accepts it; the matrix follows', async () => {
    const [row] = (await core.call('documents.list', { personId, status: 'review' })).rows;
    const before = await core.call('documents.compliance', { vesselId });
    expect(before.rows[0]!.cells.find((c) => c.kind === 'passport')).toMatchObject({ required: true, state: 'in_review' });
    expect(before.rows[0]!.cells.find((c) => c.kind === 'eng1')).toMatchObject({ state: 'missing' });

    const corrected = await core.call('documents.correct', { id: row!.id, fields: { documentNumber: 'C4X7K2M91', surname: 'Müller-Lüdenscheid', expiryDate: '2033-10-11' } });
    expect(corrected.status).toBe('review');
    expect(corrected.reasons).toContain('corrected_by_reviewer');
    expect(corrected.fields.expiryDate).toBe('2033-10-11');
    expect(corrected.readFields.expiryDate).toBe('2033-10-12');
    expect(corrected.expiresOn).toBe('2033-10-11');

    const accepted = await core.call('documents.accept', { id: row!.id, note: 'Checked against the passport itself' });
    expect(accepted).toMatchObject({ status: 'verified', decidedBy: OWNER.displayName });
    const history = (await core.call('documents.get', { id: row!.id })).history;
    expect(history.map((h) => [h.action, h.field, h.author])).toEqual([
      ['upload', null, OWNER.displayName],
      ['correct', 'surname', OWNER.displayName],
      ['correct', 'expiryDate', OWNER.displayName],
      ['accept', null, OWNER.displayName],
    ]);
    const after = await core.call('documents.compliance', { vesselId });
    expect(after.rows[0]!.cells.find((c) => c.kind === 'passport')).toMatchObject({ state: 'valid', expiresOn: '2033-10-11', documentId: row!.id });
    const register = await core.call('documents.register', { personId });
    expect(register.positions).toEqual(['Deckhand']);
    expect(register.entries.find((e) => e.kind === 'passport')?.state).toBe('valid');
  });

  it('rejects with a reason; a rejected certificate does not count', async () => {
    const upload = await core.call('documents.upload', { personId, fileName: 'pst.png', contentBase64: (await documentImage('stcw-pst-valid')).toString('base64') });
    expect(upload.document).toMatchObject({ type: 'stcw_certificate', kind: 'pst', status: 'review' });
    expect(upload.document.reasons).toContain('name_mismatch');
    await expect(core.call('documents.reject', { id: upload.document.id, reason: '  ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    const rejected = await core.call('documents.reject', { id: upload.document.id, reason: 'Belongs to another crew member' });
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: OWNER.displayName });
    const matrix = await core.call('documents.compliance', { vesselId });
    expect(matrix.rows[0]!.cells.find((c) => c.kind === 'pst')?.state).toBe('missing');
  }, 120_000);

  it('a vessel sets its own requirements for a position, and resets them to the defaults for the position (docs/domain.md#requirements-by-position)', async () => {
    const before = await core.call('documents.requirements', { vesselId });
    expect(before.positions).toEqual([expect.objectContaining({ title: 'Deckhand', overridden: false })]);
    expect(before.positions[0]!.kinds).not.toContain('aff');
    const set = await core.call('documents.setRequirements', { vesselId, title: 'deckhand', kinds: [...before.positions[0]!.kinds, 'aff'] });
    expect(set.positions[0]).toMatchObject({ overridden: true, kinds: expect.arrayContaining(['aff']) });
    const matrix = await core.call('documents.compliance', { vesselId });
    expect(matrix.rows[0]!.cells.find((c) => c.kind === 'aff')).toMatchObject({ required: true, state: 'missing' });
    expect((await core.call('documents.register', { personId })).entries.find((e) => e.kind === 'aff')?.required).toBe(true);
    await expect(core.call('documents.setRequirements', { vesselId, title: 'Chief Engineer', kinds: [] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await core.call('documents.setRequirements', { vesselId, title: 'Deckhand', kinds: null });
    expect((await core.call('documents.compliance', { vesselId })).kinds).not.toContain('aff');
  });

  it('archives and restores (undo) a document', async () => {
    const [row] = (await core.call('documents.list', { personId, status: 'rejected' })).rows;
    await core.call('documents.archive', { id: row!.id });
    expect((await core.call('documents.list', { personId, status: 'all' })).total).toBe(1);
    await core.call('documents.restore', { id: row!.id });
    expect((await core.call('documents.list', { personId, status: 'all' })).total).toBe(2);
  });

  it('bad input: each file is stored in review with a clear message; nothing else in the queue changes', async () => {
    const queueBefore = await core.call('documents.list', { status: 'all' });
    const bad = await badInputs(passport);
    const results = await Promise.all(
      bad.map((file) => core.call('documents.upload', { personId, fileName: file.file, contentBase64: base64(file.bytes) })),
    );
    for (const [index, result] of results.entries()) {
      expect(result.document.status, bad[index]!.case).toBe('review');
      expect(result.document.checks[0]!.message.length, bad[index]!.case).toBeGreaterThan(10);
    }
    expect(results.find((r) => r.document.fileName === 'empty.png')!.document.checks[0]!.message).toMatch(/empty/);
    expect(results.find((r) => r.document.fileName === 'notes.docx')!.document.reasons).toEqual(['unsupported_type']);
    expect(results.find((r) => r.document.fileName === 'no-pages.pdf')!.document.checks[0]!.message).toMatch(/no pages/);
    const empty = await core.call('documents.preview', { id: results.find((r) => r.document.fileName === 'empty.png')!.document.id });
    expect(empty).toEqual({ dataUrl: null, message: expect.stringMatching(/empty/) });
    const queueAfter = await core.call('documents.list', { status: 'all' });
    expect(queueAfter.total).toBe(queueBefore.total + bad.length);
    for (const row of queueBefore.rows) expect(queueAfter.rows).toContainEqual(row);
  }, 300_000);
});
