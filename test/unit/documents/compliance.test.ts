import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../src/core/context';
import { complianceMatrix, expiringCertificates } from '../../../src/core/documents/compliance';
import { insertDocument, listDocuments } from '../../../src/core/documents/store';
import { needingAttention } from '../../../src/engine/documents/attention';
import type { CertificateCell, ComplianceRow } from '../../../src/shared/api';
import { personInput, vesselWithPosition } from '../../helpers/fleet';
import { tempCore } from '../../helpers/temp-core';
import { write } from '../../../src/core/db/writes';
import { CredentialEvents } from '../../../src/core/auth/credential-events';

/** The register/matrix/bell queries over stored rows (no OCR): dates relative to a fixed day. */
describe('compliance over stored documents', () => {
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
  const asOf = '2026-06-01';
  let vesselId = '';
  let personId = '';
  const store = (kind: string, status: 'verified' | 'review' | 'rejected', expiresOn: string | null) =>
    write(ctx.sqlite(), () =>
      insertDocument(ctx, {
      personId,
      fileHash: 'b'.repeat(64),
      fileName: `${kind}.jpg`,
      byteSize: 1,
      type: kind === 'passport' ? 'passport' : kind === 'eng1' ? 'eng1_medical' : 'stcw_certificate',
      kind,
      status,
      reasons: [],
      checks: [],
      fields: {},
      readFields: {},
      mrz: null,
      ocrText: '',
      confidence: 1,
      expiresOn,
    }));

  beforeAll(async () => {
    // A Chief Stew on 4:2 since 2026-05-01: onboard until 2026-05-28, leave, back on 2026-06-12 to 2026-07-09.
    const { vessel, position } = await vesselWithPosition(core);
    vesselId = vessel.id;
    personId = (await core.call('people.create', personInput())).id;
    await core.call('assignments.create', { personId, positionId: position.id, startDate: '2026-05-01', endDate: null, rotation: '4:2' });
    store('passport', 'verified', '2030-01-01');
    store('eng1', 'verified', '2026-07-01'); // before the tour ends
    store('eng1', 'rejected', '2028-01-01'); // does not count
    store('pst', 'verified', '2026-06-20');
    store('pst', 'verified', '2031-01-01'); // the renewal supersedes
    store('fpff', 'verified', '2026-08-15');
    store('efa', 'review', null);
    store('pssr', 'verified', null);
  });

  it('the matrix: tour from the rotation, expiring during the tour first, renewals supersede, rejected ignored', () => {
    const matrix = complianceMatrix(ctx, vesselId, asOf);
    const [row] = matrix.rows;
    expect(row!.tour).toEqual({ start: '2026-06-12', end: '2026-07-09' });
    const state = Object.fromEntries(row!.cells.map((c) => [c.kind, c.state]));
    expect(state).toEqual({ passport: 'valid', eng1: 'expires_during_tour', pst: 'valid', fpff: 'expires_90', efa: 'in_review', pssr: 'valid', psa: 'missing' });
  });

  it('the summary: every required certificate that is not simply valid, worst first', () => {
    const { attention } = complianceMatrix(ctx, vesselId, asOf);
    expect(attention.map((item) => [item.kind, item.state])).toEqual([
      ['psa', 'missing'],
      ['eng1', 'expires_during_tour'],
      ['fpff', 'expires_90'],
      ['efa', 'in_review'],
    ]);
    expect(attention[1]).toMatchObject({ personName: 'Joanna Smith', positionTitle: 'Chief Stew', expiresOn: '2026-07-01' });
  });

  it('the bell: only certificates that need renewing, with their window', () => {
    const items = expiringCertificates(ctx, asOf).items;
    expect(items.map((i) => [i.kind, i.window, i.daysLeft])).toEqual([
      ['eng1', 30, 30],
      ['fpff', 90, 75],
    ]);
  });

  it('the queue filters by status, person and vessel', () => {
    const base = { offset: 0, limit: 100, archived: 'exclude' as const, sort: 'added' as const, descending: true };
    expect(listDocuments(ctx, { ...base, status: 'review' }).total).toBe(1);
    expect(listDocuments(ctx, { ...base, status: 'all', vesselId }).total).toBe(8);
    expect(listDocuments(ctx, { ...base, status: 'verified', personId }).rows.every((r) => r.status === 'verified')).toBe(true);
    expect(listDocuments(ctx, { ...base, status: 'all', personId: 'nobody' }).total).toBe(0);
  });

  it('the queue sorts by a column as it reads (a status or type by its word), the newest first among equals', () => {
    const list = (sort: 'added' | 'file' | 'type' | 'status', descending: boolean) =>
      listDocuments(ctx, { offset: 0, limit: 100, archived: 'exclude', status: 'all', personId, sort, descending }).rows;
    expect(list('added', true).map((r) => r.fileName)).toEqual(['pssr.jpg', 'efa.jpg', 'fpff.jpg', 'pst.jpg', 'pst.jpg', 'eng1.jpg', 'eng1.jpg', 'passport.jpg']);
    expect(list('file', false).map((r) => r.fileName)).toEqual(['efa.jpg', 'eng1.jpg', 'eng1.jpg', 'fpff.jpg', 'passport.jpg', 'pssr.jpg', 'pst.jpg', 'pst.jpg']);
    // "Needs review", "Rejected", "Verified": the words' order (the identifiers would put rejected before review).
    expect(list('status', false).map((r) => r.status).slice(0, 2)).toEqual(['review', 'rejected']);
    expect(list('status', true)[0]!.status).toBe('verified');
    // "ENG1 medical", "Passport", "STCW certificate".
    expect(list('type', false).map((r) => r.type)).toEqual(['eng1_medical', 'eng1_medical', 'passport', 'stcw_certificate', 'stcw_certificate', 'stcw_certificate', 'stcw_certificate', 'stcw_certificate']);
    // Equal files: the newer first.
    const pst = list('file', false).filter((r) => r.fileName === 'pst.jpg');
    expect(pst[0]!.createdAt >= pst[1]!.createdAt).toBe(true);
  });
});

describe('what needs attention, worst first', () => {
  const cell = (kind: CertificateCell['kind'], state: CertificateCell['state'], expiresOn: string | null, required = true): CertificateCell => ({ kind, required, state, expiresOn, daysLeft: null, documentId: null });
  const row = (personName: string, positionTitle: string, cells: CertificateCell[]): ComplianceRow => ({ personId: personName, personName, positionTitle, assignmentState: 'current', tour: null, cells });

  it("puts a 2nd Officer's CoC expiring during the tour ahead of every day-count warning, and what is invalid today ahead of it", () => {
    const rows = [
      row('Ana Ruiz', 'Captain', [cell('eng1', 'expires_30', '2026-12-20'), cell('coc', 'valid', '2029-01-01'), cell('aff', 'missing', null, false)]),
      row('Ben Ode', '2nd Officer', [cell('eng1', 'expires_90', '2027-02-01'), cell('coc', 'expires_during_tour', '2027-01-10')]),
      row('Cai Lund', 'Deckhand', [cell('pst', 'expired', '2026-11-01'), cell('efa', 'in_review', null), cell('psa', 'missing', null)]),
      row('Dee Moss', 'Deckhand', [cell('pst', 'expires_during_tour', '2026-12-30'), cell('fpff', 'expires_60', '2027-01-15')]),
    ];
    expect(needingAttention(rows).map((item) => `${item.state} ${item.kind} ${item.personName}`)).toEqual([
      'expired pst Cai Lund',
      'missing psa Cai Lund',
      'expires_during_tour pst Dee Moss',
      'expires_during_tour coc Ben Ode',
      'expires_30 eng1 Ana Ruiz',
      'expires_60 fpff Dee Moss',
      'expires_90 eng1 Ben Ode',
      'in_review efa Cai Lund',
    ]);
  });
});
