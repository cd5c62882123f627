import BetterSqlite from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { currentCaller } from '../auth/caller';
import { entryHash, GENESIS_HASH } from '../../shared/audit/chain-hash';
import { checkHead, EMPTY_CHAIN, headFileOf, readHead, tailOf, writeHead, type ChainBreak, type ChainPoint } from './audit-chain';
import { followKeys, type RowSql } from './key-paths';
import * as schema from './schema';
import { statement } from './statements';

/**
 * Audit capture (docs/security.md#audit-log). Every audited table gets TEMP triggers on the writing connection,
 * made from the drizzle schema at every start like sync's change capture (change-capture.ts), that append an entry
 * to `audit_log` in the same transaction as the change: who (the caller of the call in progress,
 * src/core/auth/caller.ts), what (created, changed, archived, restored, deleted), which row and whose person, and
 * each changed column before and after. A rolled-back write takes its entries with it.
 *
 * The hash of an entry is computed by a function this module registers on the connection (`audit_hash`), from the
 * same values and in the same way as `harmony audit verify` recomputes it (audit-chain.ts).
 *
 * Every table of the schema is audited unless it is named below with the reason: a new table is audited without
 * anyone remembering to (test/unit/audit/capture.test.ts holds the list to the schema).
 */
export const NOT_AUDITED: Readonly<Record<string, string>> = {
  audit_log: 'the log itself',
  person_search_terms: 'a search index rebuilt from the people rows',
  session_answers: 'the answers of a questionnaire still in progress; the finished result is audited',
  notifications: 'an inbox raised on this device from the data it holds',
  sync_outbox: 'sync bookkeeping: changes waiting to be sent',
  sync_cells: 'sync bookkeeping: the clock of every cell',
  sync_cursors: 'sync bookkeeping: how far each feed was read',
  sync_snapshots: 'sync bookkeeping: how far a snapshot of a feed was read',
  sync_node: 'sync bookkeeping: this device as a node, its clock and enrolment',
  sync_conflicts: 'sync bookkeeping: values replaced by a newer edit elsewhere, kept for review',
  sync_shares_in: 'sync bookkeeping: candidates shared with this organisation; receiving and revoking are recorded as entries of their own',
  sync_attachments_sent: 'sync bookkeeping: which files the server already holds',
  // Accounts: their rows are not copied into the log as they are; what matters is folded in (FOLDED below).
  user_sessions: 'a session is seen on every call; its end is folded in as "signed out"',
  sign_in_attempts: 'folded in as "signed in" or "sign-in refused"',
  refused_calls: 'folded in as "refused"',
};

/** Columns whose change alone is not worth an entry (every write touches them). */
const BOOKKEEPING = new Set(['updated_at', 'last_sign_in_at']);
/** Columns whose change is recorded without their values: a password's or a recovery code's hash. */
const SECRET = new Set(['password_hash', 'code_hash']);
const HIDDEN = `'(hidden)'`;

export interface AuditedTableShape {
  name: string;
  columns: string[];
  /** SQL for the row's key as text. */
  rowIdSql: (alias: 'NEW' | 'OLD') => string;
  /** SQL for the id of the person the row belongs to, or NULL. */
  personSql: (alias: 'NEW' | 'OLD') => string;
  archivable: boolean;
}

const tablesOfSchema = (): SQLiteTable[] => (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));

/**
 * How a row leads to a person: the people row itself, a `person_id` column, or a foreign key to a row that leads to
 * one (a review → its document → its person; feedback → interview → application → person), followed at most three
 * steps.
 */
function personPath(table: SQLiteTable, depth: number): RowSql | null {
  return followKeys(table, depth, (t) => {
    if (getTableName(t) === 'people') return (row) => `${row}."id"`;
    return Object.values(getTableColumns(t)).some((c) => c.name === 'person_id') ? (row) => `${row}."person_id"` : null;
  });
}

function keyColumnOf(table: SQLiteTable): string {
  const columns = Object.values(getTableColumns(table));
  if (columns.some((c) => c.name === 'id')) return 'id';
  const primary = columns.filter((c) => c.primary);
  if (primary.length === 1) return primary[0]!.name;
  throw new Error(`${getTableName(table)} has no single key: audit it by naming one, or say in NOT_AUDITED why not`);
}

/** The audited tables of the local schema, read from the drizzle definitions. */
export function auditedTablesOfSchema(): AuditedTableShape[] {
  return tablesOfSchema()
    .filter((table) => !Object.hasOwn(NOT_AUDITED, getTableName(table)))
    .map((table) => {
      const columns = Object.values(getTableColumns(table)).map((column) => column.name);
      const key = keyColumnOf(table);
      const person = personPath(table, 3);
      return {
        name: getTableName(table),
        columns,
        rowIdSql: (alias) => `CAST(${alias}."${key}" AS TEXT)`,
        personSql: (alias) => (person ? person(alias) : 'NULL'),
        archivable: columns.includes('archived_at'),
      };
    });
}

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * The one statement shape that appends an entry: the next sequence number, the caller, the link to the last entry
 * and the hash. `values` is a SELECT of (action, tbl, row_id, person_id, changes, note); `mode` the SQL of the
 * change context's mode ('apply' when sync writes another device's changes).
 */
interface ActorSql {
  kind: string;
  id: string;
  name: string;
}
const CALLER: ActorSql = { kind: 'audit_actor_kind(m.mode)', id: 'audit_actor_id(m.mode)', name: 'audit_actor_name(m.mode)' };

function appendSql(values: string, mode: string, where = '', actor: ActorSql = CALLER): string {
  return `INSERT INTO main.audit_log (seq, at, actor_kind, actor_id, actor_name, action, tbl, row_id, person_id, changes, note, prev_hash, hash)
    SELECT e.seq, e.at, e.kind, e.actor_id, e.actor_name, e.action, e.tbl, e.row_id, e.person_id, e.changes, e.note, e.prev,
      audit_hash(e.seq, e.at, e.kind, e.actor_id, e.actor_name, e.action, e.tbl, e.row_id, e.person_id, e.changes, e.note, e.prev)
    FROM (SELECT (SELECT COALESCE(MAX(seq), 0) + 1 FROM main.audit_log) AS seq, ${NOW} AS at,
            ${actor.kind} AS kind, ${actor.id} AS actor_id, ${actor.name} AS actor_name,
            v.action, v.tbl, v.row_id, v.person_id, v.changes, v.note,
            COALESCE((SELECT hash FROM main.audit_log ORDER BY seq DESC LIMIT 1), ${quote(GENESIS_HASH)}) AS prev
          FROM (SELECT ${mode} AS mode) m, (${values}) v) e ${where}`;
}

function changesSql(table: AuditedTableShape, kind: 'insert' | 'update' | 'delete'): string {
  // One json_object of [before, after] pairs, the unchanged (or empty) ones null; json_patch onto {} drops the nulls
  // (a merge patch removes null members), without a subquery per column.
  const pairs = table.columns
    .filter((column) => !BOOKKEEPING.has(column) && !(kind !== 'update' && column === 'created_at'))
    .map((column) => {
      const [before, after] = (kind === 'insert' ? ['NULL', `NEW."${column}"`] : kind === 'delete' ? [`OLD."${column}"`, 'NULL'] : [`OLD."${column}"`, `NEW."${column}"`]).map((value) =>
        SECRET.has(column) && value !== 'NULL' ? HIDDEN : value,
      );
      const keep = kind === 'insert' ? `NEW."${column}" IS NOT NULL` : kind === 'delete' ? `OLD."${column}" IS NOT NULL` : `OLD."${column}" IS NOT NEW."${column}"`;
      return `${quote(column)}, CASE WHEN ${keep} THEN json_array(${before}, ${after}) END`;
    });
  return `json_patch('{}', json_object(${pairs.join(', ')}))`;
}

function actionSql(table: AuditedTableShape): string {
  if (!table.archivable) return `'changed'`;
  return `CASE WHEN OLD."archived_at" IS NULL AND NEW."archived_at" IS NOT NULL THEN 'archived'
    WHEN OLD."archived_at" IS NOT NULL AND NEW."archived_at" IS NULL THEN 'restored' ELSE 'changed' END`;
}

const MODE = `(SELECT mode FROM temp.sync_context WHERE id = 1)`;

function triggersOf(table: AuditedTableShape): string[] {
  const t = quote(table.name);
  const outside = `SELECT RAISE(ABORT, ${quote(`${table.name} written outside the write path (src/core/db/writes.ts)`)}) WHERE (SELECT tx FROM temp.sync_context WHERE id = 1) IS NULL;`;
  const values = (action: string, alias: 'NEW' | 'OLD', changes: string) =>
    `SELECT ${action} AS action, ${t} AS tbl, ${table.rowIdSql(alias)} AS row_id, ${table.personSql(alias)} AS person_id, ${changes} AS changes, NULL AS note`;
  return [
    `CREATE TEMP TRIGGER "audit_insert_${table.name}" AFTER INSERT ON main."${table.name}" BEGIN ${outside}
      ${appendSql(values(`'created'`, 'NEW', changesSql(table, 'insert')), MODE)}; END`,
    `CREATE TEMP TRIGGER "audit_update_${table.name}" AFTER UPDATE ON main."${table.name}" BEGIN ${outside}
      ${appendSql(values(actionSql(table), 'NEW', changesSql(table, 'update')), MODE, `WHERE e.changes <> '{}'`)}; END`,
    `CREATE TEMP TRIGGER "audit_delete_${table.name}" AFTER DELETE ON main."${table.name}" BEGIN ${outside}
      ${appendSql(values(`'deleted'`, 'OLD', changesSql(table, 'delete')), MODE)}; END`,
  ];
}

/** How a sign-in attempt ended, in the words of the entry's note. */
const ATTEMPT_WORDS: Record<string, string> = {
  'signed-in': 'Signed in with the password',
  'wrong-password': 'Wrong password',
  'unknown-user': 'No such user name',
  'removed-user': 'The user was removed',
  throttled: 'Too many attempts: refused until later',
  recovered: 'Signed in with the recovery code',
  'wrong-recovery-code': 'Wrong recovery code',
  unlocked: 'Unlocked with the password',
  'wrong-unlock-password': 'Wrong password to unlock',
  'bad-token': 'A session token that was never issued',
  'expired-token': 'An expired session',
  'ended-token': 'A session used after it ended',
};

const SIGNED_IN = ['signed-in', 'recovered', 'unlocked'];

/**
 * The accounts' own records, folded into the log as the actions they are: a sign-in attempt as "signed in" or
 * "sign-in refused" by the user it named; a call refused by role as "refused"; a session's end as "signed out".
 */
function foldedTriggers(present: Set<string>): string[] {
  const triggers: string[] = [];
  const userName = (id: string) => `(SELECT display_name FROM main.users WHERE id = ${id})`;
  if (present.has('sign_in_attempts')) {
    const outcome = `CASE NEW.outcome ${Object.entries(ATTEMPT_WORDS).map(([key, word]) => `WHEN ${quote(key)} THEN ${quote(word)}`).join(' ')} ELSE NEW.outcome END`;
    const action = `CASE WHEN NEW.outcome IN (${SIGNED_IN.map(quote).join(', ')}) THEN 'signed_in' ELSE 'sign_in_refused' END`;
    const values = `SELECT ${action} AS action, 'users' AS tbl, NEW.user_id AS row_id, NULL AS person_id, '{}' AS changes, ${outcome} AS note`;
    const actor: ActorSql = {
      kind: `CASE WHEN NEW.user_id IS NULL THEN 'system' ELSE 'user' END`,
      id: 'NEW.user_id',
      name: `COALESCE(${userName('NEW.user_id')}, CASE WHEN NEW.username = '' THEN 'Someone with a session token' ELSE 'Someone as ' || NEW.username END)`,
    };
    triggers.push(`CREATE TEMP TRIGGER "audit_fold_sign_in_attempts" AFTER INSERT ON main."sign_in_attempts" BEGIN ${appendSql(values, MODE, '', actor)}; END`);
  }
  if (present.has('refused_calls')) {
    const values = `SELECT 'refused' AS action, NULL AS tbl, NULL AS row_id, NULL AS person_id, '{}' AS changes, NEW.message AS note`;
    const actor: ActorSql = { kind: `'user'`, id: 'NEW.user_id', name: `COALESCE(${userName('NEW.user_id')}, NEW.user_id)` };
    triggers.push(`CREATE TEMP TRIGGER "audit_fold_refused_calls" AFTER INSERT ON main."refused_calls" BEGIN ${appendSql(values, MODE, '', actor)}; END`);
  }
  if (present.has('user_sessions')) {
    const values = `SELECT 'signed_out' AS action, 'users' AS tbl, NEW.user_id AS row_id, NULL AS person_id, '{}' AS changes, NEW.end_reason AS note`;
    const actor: ActorSql = { kind: `'user'`, id: 'NEW.user_id', name: `COALESCE(${userName('NEW.user_id')}, NEW.user_id)` };
    triggers.push(
      `CREATE TEMP TRIGGER "audit_fold_user_sessions" AFTER UPDATE OF ended_at ON main."user_sessions" WHEN OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL BEGIN ${appendSql(values, MODE, '', actor)}; END`,
    );
  }
  return triggers;
}

/** What the log names as the author: the signed-in user, or the system and why. */
function actor(mode: unknown): { kind: 'user' | 'system'; id: string | null; name: string } {
  if (mode === 'apply') return { kind: 'system', id: null, name: 'sync: changes made on another device' };
  const caller = currentCaller();
  if (caller?.kind === 'user') return { kind: 'user', id: caller.userId, name: caller.displayName };
  if (caller?.kind === 'system') return { kind: 'system', id: null, name: caller.reason };
  return { kind: 'system', id: null, name: 'no signed-in user' };
}

interface Head {
  file: string | null;
  /** The last entry as of the last commit of this connection (or as found at start). */
  committed: ChainPoint;
  /** The last entry written inside the transaction about to commit. */
  pending: ChainPoint | null;
  /** What was found wrong with the end of the log when the database was opened (kept in the head file). */
  tampered: ChainBreak | null;
}
const heads = new WeakMap<Database.Database, Head>();

/**
 * Installs the capture on the writing connection (after migrations and the change capture, whose context it
 * shares). Idempotent. A database without the audit log (an older set of migrations, only in tests) gets none.
 */
export function installAuditCapture(sqlite: Database.Database): void {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get()) return;
  if (!sqlite.prepare("SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'sync_context'").get()) return;
  sqlite.function('audit_actor_kind', (mode: unknown) => actor(mode).kind);
  sqlite.function('audit_actor_id', (mode: unknown) => actor(mode).id);
  sqlite.function('audit_actor_name', (mode: unknown) => actor(mode).name);
  sqlite.function('audit_hash', { deterministic: true, varargs: true }, (...values: unknown[]) => {
    const [seq, at, actorKind, actorId, actorName, action, tbl, rowId, personId, changes, note, prevHash] = values as [
      number, string, string, string | null, string, string, string | null, string | null, string | null, string, string | null, string,
    ];
    return entryHash({ seq, at, actorKind, actorId, actorName, action, tbl, rowId, personId, changes, note, prevHash });
  });
  const existing = sqlite.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'").all() as { name: string }[];
  for (const { name } of existing) sqlite.exec(`DROP TRIGGER temp."${name}"`);
  const present = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
  for (const table of auditedTablesOfSchema().filter((t) => present.has(t.name))) for (const sql of triggersOf(table)) sqlite.exec(sql);
  for (const sql of foldedTriggers(present)) sqlite.exec(sql);
  const file = headFileOf(sqlite.name);
  const committed = tailOf(sqlite);
  heads.set(sqlite, { file, committed, pending: null, tampered: file ? foundAtOpen(file, committed) : null });
}

/**
 * Compares the end of the log with the head file when the database is opened, before anything is appended: the
 * first write would otherwise chain new entries onto a log whose last entries were deleted, and the next
 * verification would find nothing. What is found is written into the head file and reported by every
 * verification from then on.
 */
function foundAtOpen(file: string, tail: ChainPoint): ChainBreak | null {
  const onDisk = readHead(file);
  if (typeof onDisk === 'object' && onDisk.tampered) return onDisk.tampered;
  const found = checkHead(file, tail);
  if (found) writeHead(file, { version: 1, head: typeof onDisk === 'object' ? onDisk.head : tail, before: typeof onDisk === 'object' ? onDisk.before : null, tampered: found }, true);
  return found;
}

export const hasAuditCapture = (sqlite: Database.Database): boolean => heads.has(sqlite);

export interface AuditNote {
  action: string;
  tbl: string | null;
  rowId: string | null;
  personId: string | null;
  note: string | null;
}

/** Appends an entry that no row change makes (a view, a restore). Inside `write`, like every write. */
export function appendAuditEntry(sqlite: Database.Database, entry: AuditNote): void {
  if (!heads.has(sqlite)) return;
  statement(sqlite, appendSql(`SELECT ? AS action, ? AS tbl, ? AS row_id, ? AS person_id, '{}' AS changes, ? AS note`, MODE)).run(
    entry.action,
    entry.tbl,
    entry.rowId,
    entry.personId,
    entry.note,
  );
}

/**
 * Called by the write path at the end of its transaction, before COMMIT, while it holds the database's write lock:
 * when the transaction added entries, the head file names the new last entry and, as `before`, the last one
 * before it — what the database holds if the commit does not happen. Flushed to the disk, so that after a power
 * cut the file is never older than the database.
 */
export function prepareAuditHead(sqlite: Database.Database): void {
  const head = heads.get(sqlite);
  if (!head) return;
  const tail = tailOf(sqlite);
  if (tail.seq === head.committed.seq && tail.hash === head.committed.hash) {
    head.pending = null;
    return;
  }
  head.pending = tail;
  if (head.file) writeHead(head.file, { version: 1, head: tail, before: head.committed, tampered: head.tampered }, true);
}

/** After COMMIT: the transaction's entries are in; the head file drops `before`. */
export function confirmAuditHead(sqlite: Database.Database): void {
  const head = heads.get(sqlite);
  if (!head?.pending) return;
  const tail = head.pending;
  head.committed = tail;
  head.pending = null;
  if (!head.file) return;
  // Another process on the same data folder may have committed after us and written its own head: keep it.
  const onDisk = readHead(head.file);
  if (typeof onDisk === 'object' && onDisk.head.seq === tail.seq && onDisk.head.hash === tail.hash) {
    writeHead(head.file, { version: 1, head: tail, before: null, tampered: head.tampered }, false);
  }
}

/** The last entry of an open database with the audit log, for a restore about to replace it. */
export const auditTailOf = (sqlite: Database.Database): ChainPoint | null => (heads.has(sqlite) ? tailOf(sqlite) : null);

/** After ROLLBACK: nothing of the transaction is in, and the head file's `before` is what the database holds. */
export function abandonAuditHead(sqlite: Database.Database): void {
  const head = heads.get(sqlite);
  if (head) head.pending = null;
}

/**
 * Before a restore renames a backup over the database: the head file names the backup's last entry and, as
 * `before`, the current one, so that a crash on either side of the rename leaves a head that matches. What was
 * written after the backup was taken goes with the database it replaces (docs/security.md#audit-log).
 */
export function prepareHeadForRestore(databaseFile: string, incomingFile: string, before: ChainPoint | null): void {
  const file = headFileOf(databaseFile);
  if (!file) return;
  const incoming = new BetterSqlite(incomingFile, { readonly: true, fileMustExist: true });
  let head: ChainPoint = EMPTY_CHAIN;
  try {
    if (incoming.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get()) head = tailOf(incoming);
  } finally {
    incoming.close();
  }
  writeHead(file, { version: 1, head, before, tampered: null }, true);
}

/**
 * Takes the database's last entry as the head: after a backup is restored, the log is the backup's (what was
 * written after the backup was taken went with the database it replaced). Only restore calls this.
 */
export function adoptAuditHead(sqlite: Database.Database): void {
  const head = heads.get(sqlite);
  if (!head) return;
  head.committed = tailOf(sqlite);
  head.pending = null;
  head.tampered = null;
  if (head.file) writeHead(head.file, { version: 1, head: head.committed, before: null, tampered: null }, true);
}

