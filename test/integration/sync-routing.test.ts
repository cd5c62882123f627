import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../src/shared/sync/tables';
import { personInput, vesselInput } from '../helpers/fleet';
import { testServer, type TestServer } from '../helpers/sync-server';
import { tempCore, type TempCore } from '../helpers/temp-core';

/**
 * What the office enters for a vessel reaches that vessel's laptop (docs/sync.md#tenants): the office creates two
 * vessels, their positions, crew with their assignments, a candidate for a requisition, a photo, a document, and
 * fleet settings, then a laptop is enrolled into one vessel. It receives that vessel and all of it — the crew's
 * files carried into its feed — and the fleet's settings, nothing of the other vessel; what it edits aboard
 * reaches the office; crew the office assigns later arrive at its next sync.
 */
let server: TestServer;
const office = tempCore();
const aboard = tempCore();
const ids = { aurora: '', borealis: '', ana: '', ben: '', cleo: '', dan: '', auroraStew: '', borealisDeck: '', anaDocument: '' };

const sqliteOf = (core: TempCore): Database.Database => core.state.requireDatabase().sqlite;
const idsIn = (core: TempCore, table: string): string[] => (sqliteOf(core).prepare(`SELECT id FROM "${table}" ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
const count = (core: TempCore, table: string, personId: string): number =>
  (sqliteOf(core).prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${table === 'people' ? 'id' : 'person_id'} = ?`).get(personId) as { n: number }).n;

/** Every row the laptop holds is owned by or carried into one of its feeds, as the server records them. */
async function expectOnlyItsFeeds(core: TempCore): Promise<void> {
  const { tenants } = await core.call('sync.status', {});
  const rows = await server.store.query<{ tbl: string; row_id: string }>(
    'SELECT tbl, row_id FROM sync_rows WHERE owner_feed = ANY($1) UNION SELECT tbl, row_id FROM sync_carries WHERE feed = ANY($1)',
    [tenants],
  );
  const allowed = new Set(rows.map((r) => `${r.tbl}/${r.row_id}`));
  const held = Object.keys(SYNCED_TABLES).flatMap((table) => idsIn(core, table).map((id) => `${table}/${id}`));
  expect(held.filter((row) => !allowed.has(row))).toEqual([]);
}

beforeAll(async () => {
  server = await testServer({ orgName: 'Oceanic Yacht Management' });
  await office.call('sync.enrol', { serverUrl: server.url, code: await server.code(), name: 'Office PC' });
  // The tests sync by hand, in steps; no automatic sync comes between them.
  await office.call('sync.setInterval', { minutes: 1440 });

  const aurora = await office.call('vessels.create', vesselInput({ name: 'M/Y Aurora', imoNumber: '9074729' }));
  const borealis = await office.call('vessels.create', vesselInput({ name: 'M/Y Borealis', imoNumber: '9176187' }));
  const stew = await office.call('positions.create', { vesselId: aurora.id, department: 'interior', title: 'Chief Stew', headcount: 1, rotation: '4:2', employmentKind: 'rotational' });
  const deck = await office.call('positions.create', { vesselId: borealis.id, department: 'deck', title: 'Deckhand', headcount: 2, rotation: '4:2', employmentKind: 'rotational' });
  const ana = await office.call('people.create', personInput({ givenNames: 'Ana', surname: 'Marin', email: 'ana@example.org' }));
  const ben = await office.call('people.create', personInput({ givenNames: 'Ben', surname: 'Okafor', email: 'ben@example.org' }));
  const cleo = await office.call('people.create', personInput({ givenNames: 'Cleo', surname: 'Laurent', email: 'cleo@example.org' }));
  const dan = await office.call('people.create', personInput({ givenNames: 'Dan', surname: 'Kowalski', email: 'dan@example.org' }));
  await office.call('assignments.create', { personId: ana.id, positionId: stew.id, startDate: '2026-01-01' });
  await office.call('assignments.create', { personId: ben.id, positionId: deck.id, startDate: '2026-01-01' });
  await office.call('visas.add', { personId: ana.id, kind: 'b1b2', expiresOn: '2029-05-01' });
  const { default: sharp } = await import('sharp');
  const png = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#336699' } }).png().toBuffer();
  await office.call('people.setPhoto', { id: ana.id, contentBase64: png.toString('base64') });
  // Cleo applies for a Borealis requisition: a candidate of that vessel, not of Aurora.
  const requisition = await office.call('requisitions.create', { positionId: deck.id, title: 'Deckhand', startDate: '2027-03-01', places: 1, requirements: {} });
  await office.call('applications.create', { requisitionId: requisition.id, personId: cleo.id, source: 'direct' });
  await office.call('documents.setRequirements', { vesselId: aurora.id, title: 'Chief Stew', kinds: ['passport', 'eng1'] });
  const settings = await office.call('assessments.settings', {});
  await office.call('assessments.updateSettings', { ...settings, minGroupSize: 6 });
  expect((await office.call('sync.now', {})).lastError).toBeNull();
  Object.assign(ids, { aurora: aurora.id, borealis: borealis.id, ana: ana.id, ben: ben.id, cleo: cleo.id, dan: dan.id, auroraStew: stew.id, borealisDeck: deck.id });

  await aboard.call('sync.enrol', { serverUrl: server.url, code: await server.code(aurora.id), name: 'Aurora bridge' });
  await aboard.call('sync.setInterval', { minutes: 1440 });
}, 120_000);
afterAll(async () => {
  await office.dispose();
  await aboard.dispose();
  await server.close();
});

describe('records the office enters for a vessel', () => {
  it('reach the laptop of that vessel, enrolled afterwards: the vessel, its positions, its crew and their assignments', async () => {
    expect((await aboard.call('sync.now', {})).lastError).toBeNull();
    expect(idsIn(aboard, 'vessels')).toEqual([ids.aurora]);
    expect(idsIn(aboard, 'positions')).toEqual([ids.auroraStew]);
    expect(idsIn(aboard, 'people')).toEqual([ids.ana]);
    const crew = await aboard.call('vessels.get', { id: ids.aurora, asOf: '2026-03-01' });
    expect(crew.currentCrew.map((c) => c.personId)).toEqual([ids.ana]);
    expect((await aboard.call('people.get', { id: ids.ana })).person).toMatchObject({ givenNames: 'Ana', surname: 'Marin' });
    expect(count(aboard, 'person_visas', ids.ana)).toBe(1);
    await expectOnlyItsFeeds(aboard);
  });

  it('bring the vessel’s requirements and the fleet’s settings, and a crew member’s photo', async () => {
    const requirements = await aboard.call('documents.requirements', { vesselId: ids.aurora });
    expect(requirements.positions.find((p) => p.title === 'Chief Stew')).toMatchObject({ kinds: ['passport', 'eng1'] });
    expect((await aboard.call('assessments.settings', {})).minGroupSize).toBe(6);
    expect((await aboard.call('sync.now', {})).attachments).toEqual({ toUpload: 0, toDownload: 0, problem: null });
    expect((await aboard.call('people.photo', { id: ids.ana })).dataUrl).toBe((await office.call('people.photo', { id: ids.ana })).dataUrl);
  });

  it('leave out the other vessel, its crew, its requisition and its candidates', async () => {
    for (const [table, id] of [['vessels', ids.borealis], ['positions', ids.borealisDeck], ['people', ids.ben], ['people', ids.cleo], ['people', ids.dan]] as const) {
      expect(idsIn(aboard, table), `${table} ${id}`).not.toContain(id);
    }
    expect(idsIn(aboard, 'requisitions')).toEqual([]);
    expect(idsIn(aboard, 'applications')).toEqual([]);
  });

  it('take back what is edited aboard: a carried crew member’s details and a new row of their file', async () => {
    const ana = (await aboard.call('people.get', { id: ids.ana })).person;
    await aboard.call('people.update', { ...personInput({ givenNames: 'Ana', surname: 'Marin', email: 'ana@example.org' }), id: ana.id, phone: '+385 91 000 0000' });
    await aboard.call('visas.add', { personId: ids.ana, kind: 'schengen', expiresOn: '2030-01-01' });
    expect((await aboard.call('sync.now', {})).lastError).toBeNull();
    expect((await office.call('sync.now', {})).lastError).toBeNull();
    expect((await office.call('people.get', { id: ids.ana })).person.phone).toBe('+385 91 000 0000');
    expect(count(office, 'person_visas', ids.ana)).toBe(2);
  });

  it('carry a person the office assigns later, with what their file already holds, and the office’s later edits of them', async () => {
    await office.call('visas.add', { personId: ids.dan, kind: 'c1d', expiresOn: '2028-02-01' });
    await office.call('assignments.create', { personId: ids.dan, positionId: ids.auroraStew, startDate: '2026-06-01' });
    await office.call('people.update', { ...personInput({ givenNames: 'Dan', surname: 'Kowalski', email: 'dan@example.org' }), id: ids.dan, phone: '+48 600 000 000' });
    expect((await office.call('sync.now', {})).lastError).toBeNull();
    expect((await aboard.call('sync.now', {})).lastError).toBeNull();
    expect((await aboard.call('people.get', { id: ids.dan })).person.phone).toBe('+48 600 000 000');
    expect(count(aboard, 'person_visas', ids.dan)).toBe(1);
    expect(idsIn(aboard, 'people')).toEqual([ids.ana, ids.dan].sort());
    await expectOnlyItsFeeds(aboard);
  });

  it('keep what the vessel creates aboard in its own feed, which the office reads', async () => {
    const eve = await aboard.call('people.create', personInput({ givenNames: 'Eve', surname: 'Sato', email: 'eve@example.org' }));
    await aboard.call('assignments.create', { personId: eve.id, positionId: ids.auroraStew, startDate: '2026-07-01' });
    expect((await aboard.call('sync.now', {})).lastError).toBeNull();
    const [owner] = await server.store.query<{ owner_feed: string }>("SELECT owner_feed FROM sync_rows WHERE tbl = 'people' AND row_id = $1", [eve.id]);
    expect(owner!.owner_feed).toBe(`vessel:${ids.aurora}`);
    await office.call('sync.now', {});
    expect((await office.call('people.get', { id: eve.id })).person.surname).toBe('Sato');
  });
});
