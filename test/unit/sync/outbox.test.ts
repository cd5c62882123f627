import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/database';
import { write } from '../../../src/core/db/writes';
import { nextBatch } from '../../../src/core/sync/outbox';
import { tempDir } from '../../helpers/temp-core';

/** docs/sync.md#push-and-pull: batches end at a transaction's end, or — for a transaction too large — at a row's end. */
const dir = tempDir();
const db = openDatabase({ file: `${dir.path}/outbox.db` });
afterAll(() => {
  db.close();
  dir.remove();
});
const COLUMNS = 14; // the vessels table
const insertVessels = (count: number) =>
  write(db.sqlite, () => {
    const now = new Date().toISOString();
    for (let i = 0; i < count; i += 1) {
      db.sqlite.prepare("INSERT INTO vessels (id, name, kind, length_m, flag, use, cruising_areas, created_at, updated_at) VALUES (?, 'V', 'motor', 40, 'MLT', 'private', '[]', ?, ?)").run(crypto.randomUUID(), now, now);
    }
  });

describe('the next push batch', () => {
  it('ends before a transaction that does not fit, and takes a transaction whole', () => {
    insertVessels(2);
    insertVessels(2);
    const batch = nextBatch(db.sqlite, 3 * COLUMNS, 5000);
    expect(batch).toHaveLength(2 * COLUMNS);
    expect(new Set(batch.map((c) => c.tx)).size).toBe(1);
    db.sqlite.prepare('DELETE FROM sync_outbox').run();
  });

  it('splits a transaction larger than the maximum at a row’s end, never inside a row', () => {
    insertVessels(10);
    const batch = nextBatch(db.sqlite, 20, 5 * COLUMNS + 3);
    expect(batch).toHaveLength(5 * COLUMNS);
    const rows = new Map<string, number>();
    for (const change of batch) rows.set(change.rowId, (rows.get(change.rowId) ?? 0) + 1);
    expect([...rows.values()].every((n) => n === COLUMNS)).toBe(true);
    expect(batch.map((c) => c.seq)).toEqual(batch.map((_, i) => batch[0]!.seq + i));
  });
});
