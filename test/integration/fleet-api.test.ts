import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api';
import { base64, personInput, vesselInput } from '../helpers/fleet';
import { tempCore } from '../helpers/temp-core';
import { bothTransports } from '../helpers/transports';

/**
 * The fleet domain end to end through both transports: the same calls over HTTP (the browser preview) and over
 * the IPC pair (the desktop app), each on its own data.
 */
const core = tempCore();
let transports: Awaited<ReturnType<typeof bothTransports>>;

beforeAll(async () => {
  transports = await bothTransports(core);
});
afterAll(async () => {
  await transports.close();
  await core.dispose();
});

const data = <T>(envelope: Envelope<unknown>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
};

describe.each(['http', 'ipc'] as const)('the fleet API over %s', (transport) => {
  const call = <T>(method: string, input: unknown, taskId?: string) => transports.bridges[transport].invoke(method, input, taskId ? { taskId } : undefined).then((e) => data<T>(e));
  const suffix = transport === 'http' ? '1' : '2';
  const imo = transport === 'http' ? '9074729' : '9176187';

  it('creates a vessel with a position, a person and an assignment, and finds the person on the crew list', async () => {
    const vessel = await call<{ id: string }>('vessels.create', vesselInput({ name: `Over ${transport}`, imoNumber: imo }));
    const position = await call<{ id: string }>('positions.create', { vesselId: vessel.id, department: 'deck', title: 'Bosun', headcount: 1, rotation: '4:2', employmentKind: 'rotational' });
    const person = await call<{ id: string }>('people.create', personInput({ surname: `Transport${suffix}`, email: `t${suffix}@example.org` }));
    await call('assignments.create', { personId: person.id, positionId: position.id, startDate: '2024-01-01' });
    const list = await call<{ total: number; rows: Array<{ id: string; status: string; placement: { vesselName: string } }> }>('people.list', {
      search: `transport${suffix}`,
      asOf: '2024-01-10',
    });
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ id: person.id, status: 'onboard', placement: { vesselName: `Over ${transport}` } });
  });

  it('answers invalid input with VALIDATION naming each field', async () => {
    const result = await transports.bridges[transport].invoke('vessels.create', { ...vesselInput(), lengthM: -3, kind: 'rowing' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const issues = (result.error.details as { issues: Array<{ path: string }> }).issues.map((i) => i.path).sort();
    expect(issues).toEqual(['kind', 'lengthM']);
    const list = await transports.bridges[transport].invoke('people.list', { limit: 10_000 });
    expect(list).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'limit' }] } } });
  });

  it('reports a double booking as CONFLICT and an unknown id as NOT_FOUND', async () => {
    const people = await call<{ rows: Array<{ id: string; placement: { positionId: string } }> }>('people.list', { search: `transport${suffix}` });
    const [row] = people.rows;
    const clash = await transports.bridges[transport].invoke('assignments.create', { personId: row!.id, positionId: row!.placement.positionId, startDate: '2024-05-01' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Double booking') } });
    expect(await transports.bridges[transport].invoke('vessels.get', { id: 'no-such-vessel' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('imports a CSV with a bad row as a task, and the report travels intact', async () => {
    const csv = `given_names,surname,date_of_birth\nGood${suffix},Row,1990-01-01\nBad${suffix},Row,1990-13-01\n`;
    const result = await call<{ imported: number; report: { rowProblems: unknown[] } }>('people.import', { contentBase64: base64(csv) }, `import-${transport}`);
    expect(result.imported).toBe(1);
    expect(result.report.rowProblems).toEqual([{ line: 3, column: 'date_of_birth', message: 'Enter a date as YYYY-MM-DD' }]);
  });
});

describe('events for the fleet', () => {
  it('tells every window over IPC that data changed after an import or the sample fleet', async () => {
    const scopes: string[][] = [];
    const off = transports.ipc.bridge.on('data.changed', (payload) => scopes.push((payload as { scopes: string[] }).scopes));
    data(await transports.ipc.bridge.invoke('people.import', { contentBase64: base64('given_names,surname,date_of_birth\nEvent,Person,1990-01-01\n') }));
    off();
    expect(scopes).toEqual([['people.', 'vessels.']]);
  });

  it('streams import progress over server-sent events', async () => {
    const controller = new AbortController();
    // The stream belongs to a session (docs/security.md#sessions-on-each-transport).
    const response = await fetch(new URL('api/events', transports.http.url), { signal: controller.signal, headers: { authorization: `Bearer ${await core.ownerToken()}` } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read();
    const rows = Array.from({ length: 3000 }, (_, i) => `Sse${i},Person,1990-01-01`).join('\n');
    const imported = data<{ imported: number }>(await transports.bridges.http.invoke('people.import', { contentBase64: base64(`given_names,surname,date_of_birth\n${rows}\n`) }, { taskId: 'sse-import' }));
    expect(imported.imported).toBe(3000);
    let text = '';
    while (!text.includes('"done":6000')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`The event stream ended before the import's last progress: ${text}`);
      text += new TextDecoder().decode(chunk.value);
    }
    expect(text).toMatch(/event: task\.progress\ndata: \{"taskId":"sse-import","method":"people.import"/);
    controller.abort();
  });
});
