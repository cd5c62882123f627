import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { entryHash, GENESIS_HASH, type AuditEntryRow } from '../../shared/audit/chain-hash';
import { flushFile, renameDurably } from '../files/durable';
import { temporaryIn } from './leftovers';

/**
 * The hash chain of the audit log (docs/security.md#audit-log). Each entry's hash is the SHA-256 of a canonical
 * serialisation of its stored values and the previous entry's hash, so changing, inserting or removing an entry
 * breaks the link of the one after it. The last entry has no one after it: its sequence and hash are also kept in
 * a small file beside the database (the head), which someone who edits the database must forge as well.
 */

const pointSchema = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });
export type ChainPoint = z.infer<typeof pointSchema>;
/**
 * The head file: the last entry as of the last commit, and — between the write that is about to commit and its
 * confirmation — the entry before that transaction (`before`), which is what the database holds if the commit
 * never happened (a crash, a rollback).
 */
const breakSchema = z.object({ kind: z.enum(['edited', 'inserted', 'deleted', 'missing-tail', 'head']), seq: z.number().int(), message: z.string() });
/**
 * `tampered`: what the core found when it opened the database and its last entry was not the one the file named.
 * Kept from then on: the next write appends after whatever the database holds, and would otherwise cover it.
 */
const headSchema = z.object({ version: z.literal(1), head: pointSchema, before: pointSchema.nullable(), tampered: breakSchema.nullable().default(null) });
export type HeadFile = z.input<typeof headSchema>;

export const EMPTY_CHAIN: ChainPoint = { seq: 0, hash: GENESIS_HASH };

/** The head file of the database at `databaseFile`, or null for an in-memory database. */
export function headFileOf(databaseFile: string): string | null {
  return databaseFile === '' || databaseFile === ':memory:' ? null : join(dirname(databaseFile), 'audit-head.json');
}

/** The head file's content; `missing` when there is none, `unreadable` when it is not a head file. */
export function readHead(file: string): z.output<typeof headSchema> | 'missing' | 'unreadable' {
  if (!existsSync(file)) return 'missing';
  try {
    const parsed = headSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Writes the head whole (a temporary file renamed over it), readable by this user only. */
export function writeHead(file: string, head: HeadFile, durable: boolean): void {
  const temporary = temporaryIn(dirname(file), 'audit-head');
  writeFileSync(temporary, `${JSON.stringify(head)}\n`, { mode: 0o600 });
  if (durable) {
    flushFile(temporary);
    renameDurably(temporary, file);
  } else {
    // The confirmation after a commit: losing it leaves the head before it, which still matches the database.
    renameDurably(temporary, file);
  }
}

/** The last entry of the log as the database holds it. */
export function tailOf(sqlite: Database.Database): ChainPoint {
  const row = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as ChainPoint | undefined;
  return row ?? EMPTY_CHAIN;
}

export type BreakKind = 'edited' | 'inserted' | 'deleted' | 'missing-tail' | 'head';

export interface ChainBreak {
  kind: BreakKind;
  /** The sequence number where the chain breaks (the first entry that does not hold, or where one is missing). */
  seq: number;
  message: string;
}

export interface VerifyOutcome {
  entries: number;
  lastSeq: number;
  /** Null when intact. */
  broken: ChainBreak | null;
}

const ENTRY_COLUMNS = `seq, at, actor_kind AS actorKind, actor_id AS actorId, actor_name AS actorName, action, tbl, row_id AS rowId,
  person_id AS personId, changes, note, prev_hash AS prevHash, hash`;

/**
 * Walks the whole chain in sequence order and names the first entry that does not hold, then compares the last
 * entry with the head file. What each finding means:
 * - a sequence number missing between two entries: an entry was deleted;
 * - an entry whose own hash does not match its values: it was edited (or, when it matches with the sequence number
 *   one lower, entries after an inserted one were renumbered: an entry was inserted before it);
 * - an entry whose link does not name the hash of the one before: an entry before it was inserted (the link names
 *   the entry before that one), deleted and renumbered, or edited and given a new hash;
 * - the last entry is not the head the file names: entries at the end were deleted (or added, or the last edited).
 */
export function verifyChain(sqlite: Database.Database, headFile: string | null): VerifyOutcome {
  let previous: AuditEntryRow | null = null;
  let beforePrevious: AuditEntryRow | null = null;
  let entries = 0;
  let broken: ChainBreak | null = null;
  for (const entry of sqlite.prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_log ORDER BY seq`).iterate() as IterableIterator<AuditEntryRow>) {
    entries++;
    if (broken) continue;
    broken = checkEntry(entry, previous, beforePrevious);
    beforePrevious = previous;
    previous = entry;
  }
  const lastSeq = previous?.seq ?? 0;
  if (broken) return { entries, lastSeq, broken };
  if (headFile === null) return { entries, lastSeq, broken: null };
  const head = readHead(headFile);
  if (typeof head === 'object' && head.tampered) return { entries, lastSeq, broken: head.tampered };
  return { entries, lastSeq, broken: checkHead(headFile, previous ? { seq: previous.seq, hash: previous.hash } : EMPTY_CHAIN) };
}

function checkEntry(entry: AuditEntryRow, previous: AuditEntryRow | null, beforePrevious: AuditEntryRow | null): ChainBreak | null {
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (entry.seq > expectedSeq) {
    const gap = entry.seq - expectedSeq;
    return { kind: 'deleted', seq: expectedSeq, message: gap === 1 ? `Entry ${expectedSeq} was deleted.` : `Entries ${expectedSeq} to ${entry.seq - 1} were deleted.` };
  }
  if (entry.seq < expectedSeq) {
    return { kind: 'inserted', seq: entry.seq, message: `Entry ${entry.seq} does not follow entry ${previous?.seq ?? 0}: the numbering was changed.` };
  }
  if (entryHash(entry) !== entry.hash) {
    if (entry.seq > 1 && entryHash({ ...entry, seq: entry.seq - 1 }) === entry.hash) {
      return { kind: 'inserted', seq: entry.seq - 1, message: `An entry was inserted at ${entry.seq - 1}: the entries after it were renumbered.` };
    }
    return { kind: 'edited', seq: entry.seq, message: `Entry ${entry.seq} was changed after it was written: its values do not match its hash.` };
  }
  const link = previous?.hash ?? GENESIS_HASH;
  if (entry.prevHash === link) return null;
  if (previous && entry.prevHash === previous.prevHash) {
    return { kind: 'inserted', seq: previous.seq, message: `Entry ${previous.seq} was inserted: entry ${entry.seq} is chained to the entry before it.` };
  }
  if (beforePrevious && entry.prevHash === beforePrevious.prevHash) {
    return { kind: 'inserted', seq: previous?.seq ?? entry.seq, message: `Entries were inserted before entry ${entry.seq}.` };
  }
  if (previous) {
    // The entry before is consistent in itself (it passed) but is not the one this entry was chained to.
    return { kind: 'edited', seq: previous.seq, message: `Entry ${previous.seq} was changed and given a new hash, or entries before ${entry.seq} were deleted and the rest renumbered: entry ${entry.seq} is chained to something else.` };
  }
  return { kind: 'edited', seq: entry.seq, message: `Entry ${entry.seq} is not chained to the entry before it.` };
}

/** Whether the database's last entry is the one the head file names (or the one before an unfinished commit). */
export function checkHead(headFile: string, tail: ChainPoint): ChainBreak | null {
  const head = readHead(headFile);
  if (head === 'missing') {
    return tail.seq === 0 ? null : { kind: 'head', seq: tail.seq, message: 'The file that records the last entry (audit-head.json) is missing.' };
  }
  if (head === 'unreadable') return { kind: 'head', seq: tail.seq, message: 'The file that records the last entry (audit-head.json) is damaged.' };
  const same = (point: ChainPoint | null) => point !== null && point.seq === tail.seq && point.hash === tail.hash;
  if (same(head.head) || same(head.before)) return null;
  if (tail.seq < head.head.seq && (head.before === null || tail.seq < head.before.seq)) {
    const from = (head.before === null ? tail.seq : Math.max(tail.seq, head.before.seq)) + 1;
    return {
      kind: 'missing-tail',
      seq: from,
      message: from === head.head.seq ? `The last entry (${from}) was deleted.` : `The last entries (${from} to ${head.head.seq}) were deleted.`,
    };
  }
  if (tail.seq > head.head.seq) {
    return { kind: 'inserted', seq: head.head.seq + 1, message: `Entries after ${head.head.seq}, the last one recorded, were added outside the app.` };
  }
  return { kind: 'edited', seq: tail.seq, message: `Entry ${tail.seq} is not the last entry recorded: it was changed or replaced.` };
}
