import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { AppError } from '../api/errors';
import { resourcesDir } from '../paths';
import { MIGRATIONS_TABLE } from './migrate';

/**
 * Is this file a Harmony Crew database we can take in? Asked before a restore touches anything: an SQLite file,
 * undamaged, whose schema version is one of ours (an older one is fine: it is upgraded when opened) and whose
 * tables, indexes and columns are exactly those our migrations make at that version — no foreign table, view or
 * trigger. Throws VALIDATION saying what is wrong; the file is only ever opened read-only.
 */
export function checkHarmonyDatabase(file: string, migrationsFolder = join(resourcesDir(), 'migrations')): void {
  const refuse = (reason: string, details?: unknown): never => {
    throw new AppError('VALIDATION', reason, details);
  };
  if (!statSync(file).isFile()) refuse('it is not a plain file');
  const header = readHeader(file);
  if (header.length === 0) refuse('the file is empty');
  if (header.toString('latin1') !== 'SQLite format 3\0') refuse('it is not a Harmony Crew database (not an SQLite database file)');

  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return refuse(`it cannot be opened (${(error as Error).message})`);
  }
  try {
    db.pragma('trusted_schema = OFF');
    const problems = integrityProblems(db);
    if (problems.length > 0) refuse('it is damaged (its consistency check failed)', { problems: problems.slice(0, 20) });
    const version = schemaVersion(db, readMigrationFiles({ migrationsFolder }), refuse);
    const differences = compareSchemas(describeSchema(db), expectedSchema(migrationsFolder, version));
    if (differences.length > 0) {
      const more = differences.length > 3 ? `, and ${differences.length - 3} more differences` : '';
      refuse(`its tables are not those of a Harmony Crew database (${differences.slice(0, 3).join('; ')}${more})`, { differences });
    }
  } finally {
    db.close();
  }
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    return header.subarray(0, readSync(fd, header, 0, 16, 0));
  } finally {
    closeSync(fd);
  }
}

function integrityProblems(db: Database.Database): string[] {
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
  } catch (error) {
    return [(error as Error).message];
  }
}

/** How many of our migrations the file has applied; refuses one from a newer or an unknown version. */
function schemaVersion(db: Database.Database, shipped: MigrationMeta[], refuse: (reason: string) => never): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
  if (!table) return refuse('it is not a Harmony Crew database (it has no schema version)');
  let applied: Array<{ hash: string; createdAt: number }>;
  try {
    applied = (db.prepare(`SELECT hash, created_at AS createdAt FROM ${MIGRATIONS_TABLE} ORDER BY created_at, rowid`).all() as typeof applied).map(
      (row) => ({ hash: String(row.hash), createdAt: Number(row.createdAt) }),
    );
  } catch {
    return refuse('it is not a Harmony Crew database (its schema version cannot be read)');
  }
  if (applied.length === 0) return refuse('it is not a Harmony Crew database (it has no schema version)');
  const newest = shipped.at(-1)?.folderMillis ?? 0;
  if (applied.length > shipped.length || applied.some((m) => m.createdAt > newest)) {
    return refuse(
      `it was made by a newer version of Harmony Crew (schema version ${applied.length}; this version knows up to ${shipped.length}). Update Harmony Crew, then restore it`,
    );
  }
  applied.forEach((migration, i) => {
    if (migration.hash !== shipped[i]!.hash || migration.createdAt !== shipped[i]!.folderMillis) {
      refuse(`its schema version is not one this version of Harmony Crew knows (step ${i + 1} of its history differs)`);
    }
  });
  return applied.length;
}

/** Every table (with its columns), index (with its columns), view and trigger, as comparable lines. */
function describeSchema(db: Database.Database): Map<string, string> {
  const objects = db
    .prepare(`SELECT type, name, tbl_name AS tableName FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != ? ORDER BY name`)
    .all(MIGRATIONS_TABLE) as Array<{ type: string; name: string; tableName: string }>;
  const schema = new Map<string, string>();
  for (const { type, name, tableName } of objects) {
    let shape = '';
    if (type === 'table') {
      const columns = db.prepare('SELECT name, type, "notnull" AS required, dflt_value AS dflt, pk FROM pragma_table_xinfo(?)').all(name);
      shape = JSON.stringify(columns);
    } else if (type === 'index') {
      const unique = db.prepare('SELECT "unique" FROM pragma_index_list(?) WHERE name = ?').pluck().get(tableName, name);
      shape = JSON.stringify({ on: tableName, unique, columns: db.prepare('SELECT name FROM pragma_index_info(?)').pluck().all(name) });
    }
    schema.set(`${type} ${name}`, shape);
  }
  return schema;
}

const expectedSchemas = new Map<string, Map<string, string>>();

/** The schema our first `version` migrations make, built once in memory. */
function expectedSchema(migrationsFolder: string, version: number): Map<string, string> {
  const key = `${migrationsFolder}\n${version}`;
  let schema = expectedSchemas.get(key);
  if (!schema) {
    const reference = new Database(':memory:');
    try {
      for (const migration of readMigrationFiles({ migrationsFolder }).slice(0, version)) {
        for (const statement of migration.sql) if (statement.trim() !== '') reference.exec(statement);
      }
      schema = describeSchema(reference);
    } finally {
      reference.close();
    }
    expectedSchemas.set(key, schema);
  }
  return schema;
}

function compareSchemas(actual: Map<string, string>, expected: Map<string, string>): string[] {
  const differences: string[] = [];
  for (const [object, shape] of expected) {
    if (!actual.has(object)) differences.push(`missing ${object}`);
    else if (actual.get(object) !== shape) differences.push(`${object} is not as expected`);
  }
  for (const object of actual.keys()) if (!expected.has(object)) differences.push(`unexpected ${object}`);
  return differences;
}
