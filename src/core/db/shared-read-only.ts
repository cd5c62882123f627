import type Database from 'better-sqlite3';
import { SHARED_FILE_TABLES, SHARED_READ_ONLY } from '../../shared/sync/shares';

/**
 * A candidate another organisation shared with this one is read-only here (docs/sync.md#sharing): the server
 * would refuse a change to a row another organisation owns, and a push it refuses is refused again at every
 * sync — so the edit is refused on this computer, when it is made, by TEMP triggers that no service can go
 * around. Pages applied from the server (mode 'apply') pass. toAppError turns the abort into a sentence.
 */
const NOT_APPLYING = `(SELECT mode FROM temp.sync_context WHERE id = 1) IS NOT 'apply'`;
const sharedPerson = (column: string) => `EXISTS (SELECT 1 FROM main.sync_shares_in s WHERE s.person_id = ${column})`;
const abort = `SELECT RAISE(ABORT, '${SHARED_READ_ONLY}');`;

/** Installs the read-only triggers on the writing connection (after change capture, which they rely on). Idempotent. */
export function installSharedReadOnly(sqlite: Database.Database): void {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_shares_in'").get()) return;
  if (!sqlite.prepare("SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'sync_context'").get()) return;
  const existing = sqlite.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'shared\\_readonly\\_%' ESCAPE '\\'").all() as { name: string }[];
  for (const { name } of existing) sqlite.exec(`DROP TRIGGER temp."${name}"`);
  // A table missing from a damaged database is its health check's to report, not a reason to refuse to open.
  const present = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
  if (present.has('people')) {
    sqlite.exec(`CREATE TEMP TRIGGER "shared_readonly_people" BEFORE UPDATE ON main."people" WHEN ${NOT_APPLYING} AND ${sharedPerson('OLD."id"')} BEGIN ${abort} END`);
  }
  for (const table of SHARED_FILE_TABLES.filter((t) => present.has(t))) {
    sqlite.exec(`CREATE TEMP TRIGGER "shared_readonly_insert_${table}" BEFORE INSERT ON main."${table}" WHEN ${NOT_APPLYING} AND ${sharedPerson('NEW."person_id"')} BEGIN ${abort} END`);
    sqlite.exec(
      `CREATE TEMP TRIGGER "shared_readonly_update_${table}" BEFORE UPDATE ON main."${table}" WHEN ${NOT_APPLYING} AND (${sharedPerson('OLD."person_id"')} OR ${sharedPerson('NEW."person_id"')}) BEGIN ${abort} END`,
    );
  }
}

