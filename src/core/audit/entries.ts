import { AUDIT_ACTIONS, type AuditAction, type AuditChange, type AuditEntry, type AuditSearch } from '../../shared/api/audit';
import { addDaysIso, formatDate, isIsoDate } from '../../shared/domain/dates';
import { columnLabel, words } from '../../shared/words';
import type { ServiceContext } from '../context';
import type { AuditEntryRow } from '../../shared/audit/chain-hash';
import { auditCondition } from '../scope/audit-scope';
import { andScope } from '../scope/sql';

/** Reading the audit log: the search of the Audit log screen and one record's history (docs/security.md#audit-log). */

/** A stored entry as the chain reads it, with the name of the person it concerns (their record may be gone). */
interface EntryRow extends Omit<AuditEntryRow, 'actorKind' | 'prevHash' | 'hash'> {
  actorKind: 'user' | 'system';
  personName: string | null;
}

const SELECT = `SELECT a.seq, a.at, a.actor_kind AS actorKind, a.actor_id AS actorId, a.actor_name AS actorName, a.action, a.tbl,
  a.row_id AS rowId, a.person_id AS personId, CASE WHEN p.id IS NULL THEN NULL ELSE p.given_names || ' ' || p.surname END AS personName,
  a.changes, a.note
  FROM audit_log a LEFT JOIN people p ON p.id = a.person_id`;

/** Columns whose values are words of the dictionary, whatever table they stand in. */
const VALUE_WORDS: Record<string, Record<string, string>> = {
  department: words.departments,
  stage: words.applicationStages,
  from_stage: words.applicationStages,
  to_stage: words.applicationStages,
};
/** Columns whose values are words only in one table (a `status` means something else in each). */
const TABLE_VALUE_WORDS: Record<string, Record<string, Record<string, string>>> = {
  documents: { status: words.verificationStatuses, type: words.documentTypes },
  document_reviews: { status_after: words.verificationStatuses, action: words.reviewActions },
  requisitions: { status: words.requisitionStatuses },
  interviews: { status: words.interviewStatuses, kind: words.interviewKinds, mode: words.interviewModes },
  questionnaire_sessions: { status: words.sessionStatuses, kind: words.sessionKinds, mode: words.sessionModes },
  vessels: { kind: words.vesselKinds, use: words.vesselUses },
  positions: { employment_kind: words.employmentKinds },
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const LONGEST = 300;

/** An interview's interviewers by name (accounts by id and name, or names typed before accounts). */
function interviewerNames(text: string): string | null {
  try {
    const list = JSON.parse(text) as unknown;
    if (!Array.isArray(list)) return null;
    return list.map((n: unknown) => (typeof n === 'string' ? n : typeof n === 'object' && n !== null && 'name' in n ? String(n.name) : '?')).join(', ');
  } catch {
    return null;
  }
}

/** A stored value as a person reads it: words for known values, dates as everywhere else, long text shortened. */
export function valueInWords(table: string | null, column: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (table === 'interviews' && column === 'interviewers') return interviewerNames(text) ?? text;
  const group = (table ? TABLE_VALUE_WORDS[table]?.[column] : undefined) ?? VALUE_WORDS[column];
  if (group && Object.hasOwn(group, text)) return group[text]!;
  if (isIsoDate(text)) return formatDate(text);
  if (TIMESTAMP.test(text)) return `${formatDate(text.slice(0, 10))} ${text.slice(11, 16)} UTC`;
  return text.length > LONGEST ? `${text.slice(0, LONGEST)}…` : text;
}

function changesOf(table: string | null, json: string): AuditChange[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (parsed === null || typeof parsed !== 'object') return [];
  return Object.entries(parsed as Record<string, unknown>).map(([column, pair]) => {
    const [before, after] = Array.isArray(pair) ? (pair as unknown[]) : [null, pair];
    return {
      column,
      label: columnLabel(column) ?? words.columns.unnamed!,
      before: before ?? null,
      after: after ?? null,
      beforeText: valueInWords(table, column, before),
      afterText: valueInWords(table, column, after),
    };
  });
}

const isAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);

function toEntry(row: EntryRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: { kind: row.actorKind, id: row.actorId, name: row.actorName },
    // An action written by a later version is shown as a change rather than refused.
    action: isAction(row.action) ? row.action : 'changed',
    table: row.tbl,
    rowId: row.rowId,
    personId: row.personId,
    personName: row.personName,
    changes: changesOf(row.tbl, row.changes),
    note: row.note,
  };
}

type SearchInput = Required<Pick<AuditSearch, 'descending' | 'limit' | 'offset'>> & Omit<AuditSearch, 'descending' | 'limit' | 'offset'>;

export function searchAudit(ctx: ServiceContext, input: SearchInput): { total: number; entries: AuditEntry[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.personId) {
    where.push('a.person_id = ?');
    params.push(input.personId);
  }
  if (input.table) {
    where.push('a.tbl = ?');
    params.push(input.table);
  }
  if (input.rowId) {
    where.push('a.row_id = ?');
    params.push(input.rowId);
  }
  if (input.user) {
    where.push(`(a.actor_id = ? OR a.actor_name LIKE ? ESCAPE '\\')`);
    params.push(input.user, `%${input.user.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (input.since) {
    where.push('a.at >= ?');
    params.push(input.since);
  }
  if (input.until) {
    where.push('a.at < ?');
    params.push(addDaysIso(input.until, 1));
  }
  if (input.action) {
    where.push('a.action = ?');
    params.push(input.action);
  }
  const scope = auditCondition();
  if (scope !== null) where.push(`(${scope})`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sqlite = ctx.sqlite();
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM audit_log a ${clause}`).get(...params) as { n: number }).n;
  const rows = sqlite
    .prepare(`${SELECT} ${clause} ORDER BY a.seq ${input.descending ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as EntryRow[];
  return { total, entries: rows.map(toEntry) };
}

/**
 * One record's history, oldest first. A person's is everything about them (their records and the views of their
 * health data and results); a document's includes its review entries.
 */
export function recordHistory(ctx: ServiceContext, table: string, rowId: string): AuditEntry[] {
  const [which, params] =
    table === 'people'
      ? [`(a.person_id = ? OR (a.tbl = 'people' AND a.row_id = ?))`, [rowId, rowId]]
      : table === 'documents'
        ? [`((a.tbl = 'documents' AND a.row_id = ?) OR (a.tbl = 'document_reviews' AND a.row_id IN (SELECT id FROM document_reviews WHERE document_id = ?)))`, [rowId, rowId]]
        : [`(a.tbl = ? AND a.row_id = ?)`, [table, rowId]];
  // A record outside the user's scope has an empty history rather than an error: whether it exists is not told.
  const rows = ctx.sqlite().prepare(`${SELECT} WHERE ${which}${andScope(auditCondition())} ORDER BY a.seq`).all(...params);
  return (rows as EntryRow[]).map(toEntry);
}
