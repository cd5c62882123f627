import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../src/core/context';
import { insertDocument, type NewDocumentRow } from '../../../src/core/documents/store';
import { SAMPLE_CHECK_ID } from '../../../src/engine/documents/actions';
import type { DocumentRecord } from '../../../src/shared/api';
import { base64, personInput } from '../../helpers/fleet';
import { OWNER, tempCore } from '../../helpers/temp-core';
import { write } from '../../../src/core/db/writes';
import { CredentialEvents } from '../../../src/core/auth/credential-events';

/**
 * Issue 10 #12: a reviewer's decision must agree with what the document is. The core decides what each stored
 * document allows, refuses the rest with the same reason in words, and bounds every field (no OCR here: rows are
 * stored as the reader would have stored them).
 */
describe('what a reviewer may do with a document', () => {
  const core = tempCore();
  afterAll(() => core.dispose());
  const ctx: ServiceContext = {
    state: core.state,
    events: core.events,
    credentials: new CredentialEvents(),
    db: () => core.state.requireDatabase().db,
    sqlite: () => core.state.requireDatabase().sqlite,
    onClose: () => undefined,
  };
  let personId = '';
  const store = (row: Partial<NewDocumentRow>) =>
    write(ctx.sqlite(), () =>
      insertDocument(ctx, {
      personId,
      fileHash: 'c'.repeat(64),
      fileName: 'scan.png',
      byteSize: 1,
      type: 'passport',
      kind: 'passport',
      status: 'review',
      reasons: [],
      checks: [],
      fields: {},
      readFields: {},
      mrz: null,
      ocrText: '',
      confidence: 0.93,
      expiresOn: null,
      ...row,
    })).id;
  const get = async (id: string) => (await core.call('documents.get', { id })).document;
  /** A refused call leaves the document and its history exactly as they were. */
  async function refused(id: string, call: () => Promise<unknown>, code: string, message: RegExp | string) {
    const before = await core.call('documents.get', { id });
    await expect(call()).rejects.toMatchObject({ code, message: typeof message === 'string' ? message : expect.stringMatching(message) });
    expect(await core.call('documents.get', { id })).toEqual(before);
  }
  /** Words a captain reads: no identifiers in brackets, no snake_case, no camelCase. */
  const inWords = (text: string | null) => {
    expect(text).toBeTruthy();
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][a-zA-Z]*\b/);
  };

  beforeAll(async () => {
    personId = (await core.call('people.create', personInput({ surname: 'Dubois', givenNames: 'Chloé Anne', dateOfBirth: '1983-04-22', email: null }))).id;
  });

  it('a text file renamed .png is stored for review, and can be rejected or archived, never accepted', async () => {
    const upload = await core.call('documents.upload', { personId, fileName: 'notes.png', contentBase64: base64('Shopping list: rope, shackles, fenders\n') });
    const document = upload.document;
    expect(document).toMatchObject({ status: 'review', reasons: ['unsupported_type'], confidence: null });
    expect(document.actions.accept.allowed).toBe(false);
    expect(document.actions.accept.reason).toMatch(/Nothing could be read from this file \(unsupported file type/);
    expect(document.actions.correct).toEqual({ allowed: false, reason: 'Nothing was read from this file, so there are no fields to correct.' });
    inWords(document.actions.accept.reason);
    await refused(document.id, () => core.call('documents.accept', { id: document.id }), 'CONFLICT', document.actions.accept.reason!);
    await refused(document.id, () => core.call('documents.correct', { id: document.id, fields: { surname: 'Dubois' } }), 'CONFLICT', /no fields to correct/);
    expect(await core.call('documents.reject', { id: document.id, reason: 'Not a scan' })).toMatchObject({ status: 'rejected', decidedBy: OWNER.displayName });
    expect((await core.call('documents.archive', { id: document.id })).archivedAt).not.toBeNull();
  });

  it('every way a file cannot be read, and a document that was not recognised, refuse acceptance', async () => {
    const unreadable = (message: string, reason: 'unreadable' | 'unsupported_type') =>
      store({ type: 'unknown', kind: null, reasons: [reason], checks: [{ id: 'file', ok: false, message }] });
    for (const id of [
      unreadable('The file is empty (0 bytes).', 'unreadable'),
      unreadable('The image cannot be decoded (VipsJpeg: premature end of input file).', 'unreadable'),
      unreadable('The PDF has no pages.', 'unreadable'),
      unreadable('Unsupported file type: expected a JPEG, PNG, WebP, TIFF, GIF or BMP image, or a PDF.', 'unsupported_type'),
    ]) {
      const { actions } = await get(id);
      expect(actions.accept.allowed, id).toBe(false);
      expect(actions.accept.reason).toMatch(/^Nothing could be read from this file \((the file is empty|the image cannot be decoded|the pdf has no pages|unsupported file type)/i);
      expect(actions.reject.allowed).toBe(true);
      await refused(id, () => core.call('documents.accept', { id }), 'CONFLICT', actions.accept.reason!);
    }
    const unknown = store({ type: 'unknown', kind: null, reasons: ['unknown_type'], checks: [{ id: 'document_type', ok: false, message: 'Not recognised as a passport, seaman’s book, STCW certificate or seafarer medical' }] });
    const { actions } = await get(unknown);
    expect(actions.accept.reason).toMatch(/not recognised as a passport/);
    await refused(unknown, () => core.call('documents.accept', { id: unknown }), 'CONFLICT', /not recognised/);
  });

  it('a document the rules reject cannot be accepted as it stands, and says why in the checks’ own words', async () => {
    const expired = store({
      status: 'rejected',
      reasons: ['expired', 'name_mismatch', 'dob_mismatch'],
      checks: [
        { id: 'expiry', ok: false, message: 'Expired on 2025-10-12 (41 days before 2025-11-22)', rejects: true },
        { id: 'name', ok: false, message: 'The name differs' },
      ],
    });
    const { actions } = await get(expired);
    expect(actions.accept).toEqual({ allowed: false, reason: 'The checks reject it: Expired on 2025-10-12 (41 days before 2025-11-22). If a field was misread, correct it first; otherwise reject it.' });
    expect(actions.correct.allowed).toBe(true);
    await refused(expired, () => core.call('documents.accept', { id: expired }), 'CONFLICT', actions.accept.reason!);
    // Stored before checks said which of them rejects: the rejecting reasons, in words, never the codes.
    const older = store({ status: 'rejected', reasons: ['medical_unfit', 'name_mismatch'], checks: [{ id: 'medical_fitness', ok: false, message: 'The holder is certified unfit for sea service' }] });
    const reason = (await get(older)).actions.accept.reason;
    expect(reason).toBe('The checks reject it: unfit for sea service. If a field was misread, correct it first; otherwise reject it.');
    inWords(reason);
  });

  it('a document a reviewer rejected can still be accepted; a verified one only rejected', async () => {
    const id = store({ status: 'review', reasons: ['name_mismatch'] });
    await core.call('documents.reject', { id, reason: 'Looks like someone else' });
    expect((await get(id)).actions).toMatchObject({ accept: { allowed: true }, reject: { allowed: false, reason: 'It is already rejected.' } });
    const accepted = await core.call('documents.accept', { id, note: 'Married name' });
    expect(accepted.actions).toMatchObject({ accept: { allowed: false, reason: 'It is already verified.' }, reject: { allowed: true } });
  });

  it('a sample record shows no OCR confidence and has no scan to read again or correct against', async () => {
    const id = store({ status: 'verified', confidence: 1, checks: [{ id: SAMPLE_CHECK_ID, ok: true, message: 'Sample record of the synthetic fleet: entered, not read from a scan' }] });
    const document = await get(id);
    expect(document.confidence).toBeNull();
    expect(document.actions.reread).toEqual({ allowed: false, reason: 'A sample record has no scan to read again.' });
    await expect(core.call('documents.reverify', { id })).rejects.toMatchObject({ code: 'CONFLICT', message: 'A sample record has no scan to read again.' });
  });

  it('OCR confidence is shown only where OCR produced it, and never beside a failed check', async () => {
    const digit = { id: 'mrz_document_number', ok: false, message: 'Check digit of the document number "C4X7K2M91" reads 3, which does not match' };
    const confident = { id: 'confidence', ok: true, message: 'OCR confidence 100% on the machine-readable zone' };
    const failedBeside = await get(store({ confidence: 1, reasons: ['mrz_check_digit'], checks: [digit, confident] }));
    expect(failedBeside.confidence).toBeNull();
    expect(failedBeside.checks.map((c) => c.id)).toEqual(['mrz_document_number']);
    const clean = await get(store({ status: 'verified', confidence: 0.97, checks: [{ ...digit, ok: true }, confident] }));
    expect(clean.confidence).toBe(0.97);
    const low = { id: 'confidence', ok: false, message: 'OCR confidence 41% on the page text is below 55%' };
    expect((await get(store({ confidence: 0.41, reasons: ['low_confidence'], checks: [low] }))).confidence).toBe(0.41);
    // Read from the MRZ's printed shapes: no OCR confidence to show.
    expect((await get(store({ status: 'verified', checks: [{ id: 'mrz_glyphs', ok: true, message: 'All 88 MRZ characters read from their OCR-B shapes' }] }))).confidence).toBeNull();
  });

  it('archived: nothing but restore', async () => {
    const id = store({});
    const archived = await core.call('documents.archive', { id });
    for (const action of ['accept', 'reject', 'correct', 'reread'] as const) expect(archived.actions[action]).toEqual({ allowed: false, reason: 'The document is archived; restore it first.' });
  });

  it('bounds every field: a 20,000-character certificate number is refused in words and nothing is stored', async () => {
    const id = store({ type: 'stcw_certificate', kind: 'pst', fields: { certificateNumber: 'NMT/AVI11/2025/0227' } });
    await expect(core.call('documents.correct', { id, fields: { certificateNumber: '7'.repeat(20_000) } })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'fields.certificateNumber', message: 'A certificate number can be at most 40 characters long' }] },
    });
    for (const [field, value] of [
      ['surname', 'x'.repeat(101)],
      ['givenNames', 'x'.repeat(101)],
      ['nationality', 'x'.repeat(61)],
      ['documentNumber', 'x'.repeat(31)],
      ['issuingState', 'x'.repeat(61)],
      ['certificateType', 'x'.repeat(121)],
      ['stcwReference', 'x'.repeat(21)],
      ['restrictions', ['x'.repeat(201)]],
      ['restrictions', Array.from({ length: 11 }, (_, i) => `Restriction ${i}`)],
    ] as const) {
      await refused(id, () => core.call('documents.correct', { id, fields: { [field]: value } }), 'VALIDATION', /at most/i);
    }
    expect((await core.call('documents.get', { id })).history).toEqual([]);
    // The person a document is checked against is bounded the same way.
    await expect(core.call('documents.verify', { fileName: 'scan.png', contentBase64: '', person: { surname: 'x'.repeat(101), givenNames: '', dateOfBirth: '1983-04-22' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'person.surname', message: 'A surname can be at most 100 characters long' }] },
    });
  });

  it('a correction to another field never makes a doubtful MRZ glyph go away', async () => {
    const id = store({
      mrz: ['P<DEUDUBOIS<<CHLOE<ANNE<<<<<<<<<<<<<<<<<<<<<<<', 'C4X7K2M913DEU8304224F3310123<<<<<<<<<<<<<<04'],
      fields: { surname: 'DUBOS', givenNames: 'CHLOE ANNE', dateOfBirth: '1983-04-22', documentNumber: 'C4X7K2M91', nationality: 'DEU', issuingState: 'DEU', expiryDate: '2033-10-12' },
      reasons: ['low_confidence', 'name_mismatch'],
      checks: [{ id: 'mrz_glyphs', ok: false, message: 'Printed MRZ characters could be read either way (line 2 col 14: 8 or B); a person must compare them' }],
    });
    const corrected = await core.call('documents.correct', { id, fields: { surname: 'DUBOIS' } });
    expect(corrected).toMatchObject({ status: 'review', reasons: ['low_confidence'] });
    expect(corrected.checks.find((c) => c.id === 'mrz_glyphs')?.ok).toBe(false);
  });

  it('names corrected fields in words in the checks', async () => {
    const id = store({ mrz: ['P<DEUDUBOIS<<CHLOE<ANNE<<<<<<<<<<<<<<<<<<<<<<<', 'C4X7K2M913DEU8304224F3310123<<<<<<<<<<<<<<04'], fields: { surname: 'DUBOIS', givenNames: 'CHLOE ANNE', dateOfBirth: '1983-04-22', documentNumber: 'C4X7K2M91', nationality: 'DEU', issuingState: 'DEU', expiryDate: '2033-10-12' } });
    const corrected: DocumentRecord = await core.call('documents.correct', { id, fields: { documentNumber: 'C4X7K2M92', expiryDate: '2033-10-11' } });
    const message = corrected.checks.find((c) => c.id === 'reviewer_corrections')!.message;
    expect(message).toBe('A reviewer corrected the document number, expiry date, which the MRZ check digits cover; a person must accept the document');
    inWords(message);
  });
});
