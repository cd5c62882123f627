import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { statement } from '../db/statements';
import { AppError, toAppError } from '../api/errors';
import type { CoreState } from '../core-state';
import { flushFile, flushFolder, renameDurably } from '../files/durable';
import { existingBackup } from '../db/backup-store';
import { backupDatabase, copyOutOfBackup, ensureBackupsDir, keepBesideBackup, publishBackup } from '../db/backups';
import { checkHarmonyDatabase } from '../db/database-check';
import { incomingFor, removeWithSidecars, temporaryIn } from '../db/leftovers';
import { appendAuditEntry, auditTailOf, prepareHeadForRestore } from '../db/audit-capture';
import { assertNoLongWrite, write } from '../db/writes';

export interface RestoreOutcome {
  restored: string;
  /** The backup that keeps the database as it was just before, if there was one. */
  previous: string | null;
}

/**
 * Replaces the live database with a backup so that a crash at any moment leaves either the old or the new
 * database whole: the backup is copied beside the database and flushed, checked (an SQLite file, undamaged, of
 * a schema version we know), the current database is backed up and closed, and the copy is renamed over it —
 * one atomic step — then opened (an older schema is upgraded as it opens). Nothing is touched until the copy has
 * passed its checks.
 */
export function restoreBackup(state: CoreState, id: string): RestoreOutcome {
  const source = existingBackup(state.backupsDir, id);
  // Closing the database under an import would roll it back half-way through; let it finish first.
  if (state.database) assertNoLongWrite(state.database.sqlite);
  if (state.failure?.state === 'locked') {
    throw new AppError('DB_LOCKED', 'Another program has the database open. Close it, then restore.');
  }
  const incoming = incomingFor(state.databaseFile);
  removeWithSidecars(incoming);
  try {
    copyOutOfBackup(source, incoming, state.keyring, `The backup ${id}`);
    try {
      checkHarmonyDatabase(incoming);
    } catch (error) {
      const refused = toAppError(error);
      if (refused.code === 'INTERNAL') throw error;
      throw new AppError(refused.code, `The backup ${id} cannot be restored: ${refused.message}.`, refused.details);
    }
    // A read-only look at a WAL-mode file leaves empty -wal/-shm files beside it; they must not travel with it.
    for (const suffix of ['-wal', '-shm']) rmSync(incoming + suffix, { force: true });
    flushFile(incoming);

    const previous = keepCurrent(state);
    const currentTail = state.database ? auditTailOf(state.database.sqlite) : null;
    state.closeDatabase();
    try {
      assertNoOtherConnection(state.databaseFile);
    } catch (error) {
      state.openDatabase();
      throw error;
    }
    // The old database's write-ahead log was checkpointed into it when it closed; a log left beside the new file
    // would be replayed into it. The removal reaches the disk before the rename does.
    for (const suffix of ['-wal', '-shm']) rmSync(state.databaseFile + suffix, { force: true });
    flushFolder(dirname(state.databaseFile));
    prepareHeadForRestore(state.databaseFile, incoming, currentTail);
    renameDurably(incoming, state.databaseFile);

    state.openDatabase();
    if (state.failure) {
      const kept = previous ? ` The database as it was before is kept as backup ${previous}.` : '';
      throw new AppError('DB_CORRUPT', `The backup ${id} was restored but could not be opened: ${state.failure.message}${kept}`);
    }
    const restored = state.requireDatabase().sqlite;
    write(restored, () => {
      appendAuditEntry(restored, { action: 'backup_restored', tbl: null, rowId: null, personId: null, note: `The backup ${id} replaced the database${previous ? `; the database as it was is kept as backup ${previous}` : ''}` });
      // The backup's sessions were open when it was taken, some signed out since: none may come back with it.
      statement(restored, "UPDATE user_sessions SET ended_at = ?, end_reason = 'restored' WHERE ended_at IS NULL").run(new Date().toISOString());
    });
    return { restored: id, previous };
  } finally {
    removeWithSidecars(incoming);
  }
}

/**
 * Keeps the database as it is now as a backup, so a restore can itself be undone. One that did not open
 * (damaged) is kept byte for byte, with its write-ahead log beside it, for whoever tries to rescue it.
 */
function keepCurrent(state: CoreState): string | null {
  if (state.database) return backupDatabase(state.database.sqlite, state.backupsDir, 'before-restore', state.keyring).id;
  if (!existsSync(state.databaseFile)) return null;
  ensureBackupsDir(state.backupsDir);
  const copy = temporaryIn(state.backupsDir, 'before-restore');
  try {
    copyFileSync(state.databaseFile, copy);
    const kept = publishBackup(state.backupsDir, copy, 'before-restore', state.keyring);
    const wal = `${state.databaseFile}-wal`;
    if (existsSync(wal)) keepBesideBackup(wal, `${join(state.backupsDir, kept.id)}-wal`, state.keyring);
    return kept.id;
  } finally {
    rmSync(copy, { force: true });
  }
}

/**
 * Refuses while another program (a second Harmony Crew, a database browser) has the file open: replacing it
 * under that program would send its writes into the old file, and its write-ahead log into the new one.
 */
function assertNoOtherConnection(databaseFile: string): void {
  if (!existsSync(databaseFile)) return;
  const probe = new Database(databaseFile, { timeout: 0, fileMustExist: true });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new AppError('DB_LOCKED', 'Another program has the database open. Close it, then restore.');
    }
    // A damaged file that cannot even be locked is in nobody's use; it is about to be replaced.
  } finally {
    probe.close();
  }
}
