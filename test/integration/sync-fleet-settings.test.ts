import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevices } from '../../src/server/admin';
import { personInput, vesselInput } from '../helpers/fleet';
import { testServer, type TestServer } from '../helpers/sync-server';
import { addUser, tempCore } from '../helpers/temp-core';

/**
 * Fleet settings travel with sync, changes name their user, sync's own actions are audited, and the server keeps
 * each laptop's audit head (docs/sync.md#fleet-settings, #who-made-a-change; docs/security.md#the-audit-head-on-the-server).
 */
let server: TestServer;
const a = tempCore();
const b = tempCore();

beforeAll(async () => {
  server = await testServer();
  await a.call('sync.enrol', { serverUrl: server.url, code: await server.code(), name: 'Office PC' });
  await b.call('sync.enrol', { serverUrl: server.url, code: await server.code(), name: 'Aurora laptop' });
}, 60_000);
afterAll(async () => {
  await a.dispose();
  await b.dispose();
  await server.close();
});

const syncBoth = async () => {
  await a.call('sync.now', {});
  await b.call('sync.now', {});
  await a.call('sync.now', {});
};

async function vesselWithStew(name: string, imoNumber: string) {
  const vessel = await a.call('vessels.create', vesselInput({ name, imoNumber }));
  await a.call('positions.create', { vesselId: vessel.id, department: 'interior', title: 'Chief Stew', headcount: 1, rotation: '4:2', employmentKind: 'rotational' });
  await a.call('positions.create', { vesselId: vessel.id, department: 'deck', title: 'Deckhand', headcount: 2, rotation: '4:2', employmentKind: 'rotational' });
  return vessel;
}

const kindsOf = async (core: typeof a, vesselId: string, title: string) =>
  (await core.call('documents.requirements', { vesselId })).positions.find((p) => p.title === title)!;

describe('fleet settings in synced tables', () => {
  it('two laptops edit different vessels’ requirements and both edits survive a sync, on both', async () => {
    const aurora = await vesselWithStew('M/Y Aurora', '9074729');
    const borealis = await vesselWithStew('M/Y Borealis', '9176187');
    await syncBoth();
    await a.call('documents.setRequirements', { vesselId: aurora.id, title: 'Chief Stew', kinds: ['passport', 'eng1'] });
    await b.call('documents.setRequirements', { vesselId: borealis.id, title: 'Deckhand', kinds: ['passport', 'pst'] });
    await syncBoth();
    for (const core of [a, b]) {
      expect(await kindsOf(core, aurora.id, 'Chief Stew')).toMatchObject({ kinds: ['passport', 'eng1'], overridden: true });
      expect(await kindsOf(core, borealis.id, 'Deckhand')).toMatchObject({ kinds: ['passport', 'pst'], overridden: true });
      expect((await kindsOf(core, aurora.id, 'Deckhand')).overridden).toBe(false);
    }
  });

  it('the later of two edits of one vessel’s title wins everywhere, and a reset to the defaults travels too', async () => {
    const vessel = await vesselWithStew('M/Y Cassiopeia', '9231212');
    await syncBoth();
    await a.call('documents.setRequirements', { vesselId: vessel.id, title: 'Chief Stew', kinds: ['passport'] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.call('documents.setRequirements', { vesselId: vessel.id, title: 'Chief Stew', kinds: ['passport', 'eng1'] });
    await syncBoth();
    expect((await kindsOf(a, vessel.id, 'Chief Stew')).kinds).toEqual(['passport', 'eng1']);
    expect((await kindsOf(b, vessel.id, 'Chief Stew')).kinds).toEqual(['passport', 'eng1']);
    // A sets the value it had before again: a new edit, newer than B's, so it wins (it is not lost as "no change").
    await a.call('documents.setRequirements', { vesselId: vessel.id, title: 'Chief Stew', kinds: ['passport'] });
    await syncBoth();
    expect((await kindsOf(b, vessel.id, 'Chief Stew')).kinds).toEqual(['passport']);
    await b.call('documents.setRequirements', { vesselId: vessel.id, title: 'Chief Stew', kinds: null });
    await syncBoth();
    expect((await kindsOf(a, vessel.id, 'Chief Stew')).overridden).toBe(false);
  });

  it('two laptops change different validity rules and both changes survive', async () => {
    const before = await a.call('assessments.settings', {});
    await a.call('assessments.updateSettings', { ...before, thresholds: { ...before.thresholds, longstring: { questionable: 0.05, invalid: 0.2 } } });
    const onB = await b.call('assessments.settings', {});
    await b.call('assessments.updateSettings', { ...onB, minGroupSize: 7, thresholds: { ...onB.thresholds, irv: { questionable: 0.2, invalid: 0.1 } } });
    await syncBoth();
    for (const core of [a, b]) {
      const settings = await core.call('assessments.settings', {});
      expect(settings.minGroupSize).toBe(7);
      expect(settings.thresholds.longstring).toEqual({ questionable: 0.05, invalid: 0.2 });
      expect(settings.thresholds.irv).toEqual({ questionable: 0.2, invalid: 0.1 });
    }
  });
});

describe('who made a change', () => {
  it('the conflict list names the user and computer of both edits', async () => {
    const captain = await addUser(b, { role: 'captain', username: 'captain@aurora' });
    const base = personInput({ surname: 'Smith', email: 'smith@example.org' });
    const person = await a.call('people.create', base);
    await syncBoth();
    await a.call('people.update', { ...base, id: person.id, phone: '+44 1111' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await captain.call('people.update', { ...base, id: person.id, phone: '+44 2222' });
    await syncBoth();
    const [conflict] = await a.call('sync.conflicts', {});
    expect(conflict).toMatchObject({
      label: 'Joanna Smith — phone',
      keptValue: '+44 2222',
      lostValue: '+44 1111',
      keptBy: 'captain@aurora on Aurora laptop',
      lostBy: 'owner on this computer',
      who: 'changed by captain@aurora on Aurora laptop, over the edit by owner on this computer',
    });
    // The server keeps the user with the change.
    const [entry] = await server.store.query<{ user_id: string; user_name: string }>(
      "SELECT user_id, user_name FROM feed_entries WHERE tbl = 'people' AND row_id = $1 AND col = 'phone' ORDER BY seq DESC LIMIT 1",
      [person.id],
    );
    expect(entry).toEqual({ user_id: captain.user.id, user_name: 'captain@aurora' });
  });
});

describe('sync in the audit log', () => {
  it('records the enrolment, the interval, Sync now and an edit put back, with who did them', async () => {
    await a.call('sync.setInterval', { minutes: 30 });
    const base = personInput({ surname: 'Lee', email: 'lee@example.org' });
    const person = await a.call('people.create', base);
    await syncBoth();
    await a.call('people.update', { ...base, id: person.id, email: 'lee-a@example.org' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.call('people.update', { ...base, id: person.id, email: 'lee-b@example.org' });
    await syncBoth();
    const conflict = (await a.call('sync.conflicts', {})).find((c) => c.rowId === person.id)!;
    await a.call('sync.reverse', { id: conflict.id });

    const entries = async (action: 'sync_enrolled' | 'sync_interval_changed' | 'sync_requested' | 'sync_put_back') => (await a.call('audit.search', { action })).entries;
    expect((await entries('sync_enrolled'))[0]).toMatchObject({ actor: { kind: 'user', name: 'Olivia Owner' }, note: expect.stringContaining(`Enrolled with ${server.url}`) });
    expect((await entries('sync_interval_changed'))[0]).toMatchObject({ note: 'Sync every 30 minutes (was every 15)' });
    expect((await entries('sync_requested')).length).toBeGreaterThan(3);
    expect((await entries('sync_put_back'))[0]).toMatchObject({ rowId: person.id, note: 'Joanna Lee — e-mail: put back "lee-a@example.org" over "lee-b@example.org"' });
    expect(await a.call('audit.verify', {})).toMatchObject({ intact: true });
  });
});

describe('the audit head on the server', () => {
  it('arrives with each push, and a device whose chain went back is flagged, not refused', async () => {
    await a.call('people.create', personInput({ surname: 'Head', email: 'head@example.org' }));
    await a.call('sync.now', {});
    const sqlite = a.state.requireDatabase().sqlite;
    const tail = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    const deviceId = (await a.call('sync.status', {})).deviceId!;
    const listed = (await listDevices(server.store)).find((d) => d.id === deviceId)!;
    // The push carries the head as it was when the batch left; Sync now's own entry is appended before it.
    expect(listed.auditHead).toMatchObject({ seq: expect.any(Number) });
    expect(listed.auditWarning).toBeNull();
    expect(listed.auditHead!.seq).toBeLessThanOrEqual(tail.seq);
    expect(listed.auditHead!.seq).toBeGreaterThan(tail.seq - 5);

    // A laptop whose log was cut: its next push names an earlier head. Its changes are still taken.
    const token = (sqlite.prepare('SELECT token FROM sync_node WHERE id = 1').get() as { token: string }).token;
    const pushed = await fetch(`${server.url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ schemaVersion: 1, changes: [{ seq: 1, tx: '000000000000001.000000.x', hlc: '000000000000001.000000.x', base: null, table: 'people', rowId: 'r', column: 'phone', value: null }], auditHead: { seq: 2, hash: 'a'.repeat(64) } }),
    });
    expect(pushed.status).toBe(200);
    const flagged = (await listDevices(server.store)).find((d) => d.id === deviceId)!;
    expect(flagged.auditHead).toMatchObject({ seq: 2 });
    expect(flagged.auditWarning).toMatchObject({ what: `the audit log went back from entry ${listed.auditHead!.seq} to entry 2` });
    const other = (await listDevices(server.store)).find((d) => d.name === 'Aurora laptop')!;
    expect(other.auditWarning).toBeNull();
  });

  it('refuses a malformed head by name', async () => {
    const token = (a.state.requireDatabase().sqlite.prepare('SELECT token FROM sync_node WHERE id = 1').get() as { token: string }).token;
    const answer = await fetch(`${server.url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ schemaVersion: 1, changes: [{ seq: 1, tx: '000000000000001.000000.x', hlc: '000000000000001.000000.x', base: null, table: 'people', rowId: 'r', column: 'phone', value: null }], auditHead: { seq: -1, hash: 'nope' } }),
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(/auditHead/);
  });
});
