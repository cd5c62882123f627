import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, describe, expect, it } from 'vitest';
import { syncedTablesOfSchema } from '../../../src/core/db/change-capture';
import * as schema from '../../../src/core/db/schema';
import { write } from '../../../src/core/db/writes';
import { SYNCED_TABLES } from '../../../src/shared/sync/tables';
import { personInput, vesselInput } from '../../helpers/fleet';
import { tempCore } from '../../helpers/temp-core';

/** docs/sync.md#the-one-write-path: every change of a synced table is captured in its own transaction, or refused. */
const core = tempCore();
afterAll(() => core.dispose());
const sqlite = () => core.state.requireDatabase().sqlite;
const outbox = () => sqlite().prepare('SELECT seq, tx, hlc, base, tbl, row_id AS rowId, col, value FROM sync_outbox ORDER BY seq').all() as {
  seq: number; tx: string; hlc: string; base: string | null; tbl: string; rowId: string; col: string; value: unknown;
}[];

describe('change capture', () => {
  it('records every column of an inserted row, one stamp and transaction for all, in order', async () => {
    const person = await core.call('people.create', personInput());
    const rows = outbox().filter((r) => r.rowId === person.id);
    expect(rows.map((r) => r.col).sort()).toEqual([...SYNCED_TABLES.people].sort());
    expect(new Set(rows.map((r) => r.hlc)).size).toBe(1);
    expect(rows.find((r) => r.col === 'surname')?.value).toBe('Smith');
    expect(rows.every((r, i) => i === 0 || r.seq === rows[i - 1]!.seq + 1)).toBe(true);
  });

  it('records only the columns an update changed, with the stamp of the cell it replaced', async () => {
    const person = await core.call('people.create', personInput({ givenNames: 'Ann', email: 'a@example.org' }));
    const inserted = outbox().find((r) => r.rowId === person.id)!.hlc;
    await core.call('people.update', { ...personInput({ givenNames: 'Ann', email: 'a@example.org' }), id: person.id, phone: '+44 7700 900123' });
    const update = outbox().filter((r) => r.rowId === person.id && r.hlc !== inserted);
    expect(update.map((r) => r.col).sort()).toEqual(['phone', 'updated_at']);
    expect(update.find((r) => r.col === 'phone')).toMatchObject({ value: '+44 7700 900123', base: inserted });
    const cell = sqlite().prepare("SELECT hlc FROM sync_cells WHERE tbl = 'people' AND row_id = ? AND col = 'phone'").get(person.id) as { hlc: string };
    expect(cell.hlc).toBe(update[0]!.hlc);
    expect(update[0]!.hlc > inserted).toBe(true);
  });

  it('records the signed-in user of each change, on the change and on its cell; none for the core on its own', async () => {
    const person = await core.call('people.create', personInput({ givenNames: 'Uma', email: 'uma@example.org' }));
    const owner = (sqlite().prepare("SELECT id FROM users WHERE username = 'owner'").get() as { id: string }).id;
    const users = sqlite().prepare('SELECT DISTINCT user_id AS userId FROM sync_outbox WHERE row_id = ?').all(person.id);
    expect(users).toEqual([{ userId: owner }]);
    expect(sqlite().prepare("SELECT user_id AS userId, device FROM sync_cells WHERE tbl = 'people' AND row_id = ? AND col = 'surname'").get(person.id)).toEqual({ userId: owner, device: null });
    write(sqlite(), () => sqlite().prepare("UPDATE people SET phone = '1' WHERE id = ?").run(person.id));
    expect(sqlite().prepare("SELECT user_id AS userId, value FROM sync_outbox WHERE row_id = ? AND col = 'phone' ORDER BY seq DESC").get(person.id)).toEqual({ userId: null, value: '1' });
  });

  it('keeps the type of a stored value: numbers stay numbers, booleans 0/1', async () => {
    const vessel = await core.call('vessels.create', vesselInput({ name: 'Typed', lengthM: 42.5 }));
    const length = outbox().find((r) => r.rowId === vessel.id && r.col === 'length_m');
    expect(length?.value).toBe(42.5);
  });

  it('refuses a write that goes around the write path, and leaves the row as it was', async () => {
    const person = await core.call('people.create', personInput({ surname: 'Before', email: 'b@example.org' }));
    const before = outbox().length;
    expect(() => sqlite().prepare("UPDATE people SET surname = 'After' WHERE id = ?").run(person.id)).toThrow(/people written outside the write path/);
    expect((await core.call('people.get', { id: person.id })).person.surname).toBe('Before');
    expect(outbox().length).toBe(before);
  });

  it('refuses to delete a row of a synced table: rows are archived', async () => {
    const person = await core.call('people.create', personInput({ surname: 'Kept', email: 'k@example.org' }));
    expect(() => write(sqlite(), () => sqlite().prepare('DELETE FROM people WHERE id = ?').run(person.id))).toThrow(/archived, never deleted/);
    expect((await core.call('people.get', { id: person.id })).person.surname).toBe('Kept');
  });

  it('rolls the outbox back with a failed transaction: no change is recorded for a write that did not happen', async () => {
    const before = outbox().length;
    expect(() =>
      write(sqlite(), () => {
        sqlite().prepare("UPDATE people SET phone = '1' WHERE surname = 'Kept'").run();
        throw new Error('midway');
      }),
    ).toThrow('midway');
    expect(outbox().length).toBe(before);
  });
});

describe('the list of synced tables', () => {
  it('is the local schema less its local tables, column for column', () => {
    const local = ['settings', 'person_search_terms', 'session_answers', 'notifications', 'users', 'user_sessions', 'recovery_codes', 'sign_in_attempts', 'refused_calls', 'audit_log'];
    const all = (Object.values(schema) as unknown[]).filter((t): t is SQLiteTable => is(t, SQLiteTable)).map((t) => getTableName(t));
    const expected = all.filter((name) => !local.includes(name) && !name.startsWith('sync_')).sort();
    expect(Object.keys(SYNCED_TABLES).sort()).toEqual(expected);
    for (const table of syncedTablesOfSchema()) expect([...SYNCED_TABLES[table.name as keyof typeof SYNCED_TABLES]]).toEqual(table.columns);
  });
});
