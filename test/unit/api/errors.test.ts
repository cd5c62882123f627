import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toAppError } from '../../../src/core/api/errors';

const dir = mkdtempSync(join(tmpdir(), 'harmony-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Node file-system error as `fs` throws it. */
const fsError = (code: string, path: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${code}: something, open '${path}'`), { code, path, syscall: 'open', ...extra });
const sqliteError = (code: string) => Object.assign(new Error('sqlite says no'), { code, name: 'SqliteError' });

describe('errors a person can act on get a code of the contract and a plain message', () => {
  const existing = join(dir, 'there.db');
  writeFileSync(existing, '');
  const cases: Array<[string, unknown, string, string | RegExp]> = [
    ['a missing folder', fsError('ENOENT', join(dir, 'gone', 'x.csv')), 'NOT_FOUND', `The folder ${join(dir, 'gone')} does not exist.`],
    ['a missing file', fsError('ENOENT', join(dir, 'x.csv')), 'NOT_FOUND', `${join(dir, 'x.csv')} does not exist.`],
    ['a file already there', fsError('EEXIST', dir, { dest: existing }), 'CONFLICT', `${existing} already exists.`],
    ['no permission', fsError('EACCES', '/root/x'), 'FORBIDDEN', 'Harmony Crew is not allowed to read or write /root/x (permission denied).'],
    ['a read-only disk', fsError('EROFS', '/media/cd/x'), 'FORBIDDEN', '/media/cd/x is on a disk that is read-only.'],
    ['a folder for a file', fsError('EISDIR', dir), 'VALIDATION', `${dir} is a folder, not a file.`],
    ['a full disk', fsError('ENOSPC', '/data/x'), 'DISK_FULL', 'The disk is full (writing /data/x). Free some space and try again.'],
    ['a full disk under SQLite', sqliteError('SQLITE_FULL'), 'DISK_FULL', /^The disk is full/],
    ['a read-only database', sqliteError('SQLITE_READONLY_DBMOVED'), 'FORBIDDEN', /read-only/],
    ['a database that cannot be opened', sqliteError('SQLITE_CANTOPEN'), 'DB_UNAVAILABLE', /cannot be opened/],
    ['the same record twice', sqliteError('SQLITE_CONSTRAINT_UNIQUE'), 'CONFLICT', 'The same record is already stored.'],
  ];
  it.each(cases)('%s', (_name, error, code, message) => {
    const mapped = toAppError(error);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
    // No SQLite or Node error code in what a person reads.
    expect(mapped.message).not.toMatch(/[A-Z]{2,}_[A-Z]+|E[A-Z]{4,}/);
  });

  it('anything else is a fault: INTERNAL', () => {
    expect(toAppError(new TypeError('x is undefined')).code).toBe('INTERNAL');
    expect(toAppError(sqliteError('SQLITE_ERROR')).code).toBe('INTERNAL');
  });
});
