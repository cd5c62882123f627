import type Database from 'better-sqlite3';
import type { FeedEntry } from '../../shared/sync/protocol';
import { SHARED_FILE_TABLES, shareGrantSchema } from '../../shared/sync/shares';
import { appendAuditEntry } from '../db/audit-capture';
import { statement } from '../db/statements';

/**
 * Candidates shared with this organisation (docs/sync.md#sharing), on the receiving device. Their rows arrive
 * in the organisation's feed like any other; a `shares` entry before them says who shared them, one after a
 * revoke says to remove them. While a share lasts the file is read-only here (src/core/db/shared-read-only.ts).
 */

const personName = (sqlite: Database.Database, personId: string): string => {
  const row = statement(sqlite, "SELECT given_names || ' ' || surname AS name FROM people WHERE id = ?").get(personId) as { name: string } | undefined;
  return row?.name ?? 'a candidate';
};

/**
 * Applies a `shares` entry inside the page's transaction: a share that begins is recorded (and the file becomes
 * read-only); a share that ends removes the person's file from this computer unless another share still brings it.
 */
export function applyShareEntry(sqlite: Database.Database, entry: Pick<FeedEntry, 'rowId' | 'column' | 'value' | 'hlc'>): void {
  if (entry.column === 'granted') {
    const grant = shareGrantSchema.safeParse(typeof entry.value === 'string' ? safeJson(entry.value) : null);
    if (!grant.success) throw new Error(`The server sent a share (${entry.rowId}) this app cannot read.`);
    statement(sqlite, 'INSERT OR REPLACE INTO sync_shares_in (id, person_id, from_org_id, from_org_name, shared_at) VALUES (?, ?, ?, ?, ?)').run(
      entry.rowId,
      grant.data.personId,
      grant.data.fromOrgId,
      grant.data.fromOrgName,
      grant.data.sharedAt,
    );
    appendAuditEntry(sqlite, { action: 'shared', tbl: 'people', rowId: grant.data.personId, personId: grant.data.personId, note: `Candidate shared with this organisation by ${grant.data.fromOrgName}` });
    return;
  }
  if (entry.column !== 'revoked') throw new Error(`The server sent a share entry this app does not know (${entry.column}).`);
  const share = statement(sqlite, 'SELECT person_id AS personId, from_org_name AS fromOrgName FROM sync_shares_in WHERE id = ?').get(entry.rowId) as
    | { personId: string; fromOrgName: string }
    | undefined;
  if (!share) return;
  statement(sqlite, 'DELETE FROM sync_shares_in WHERE id = ?').run(entry.rowId);
  const still = statement(sqlite, 'SELECT 1 FROM sync_shares_in WHERE person_id = ?').get(share.personId) !== undefined;
  const name = personName(sqlite, share.personId);
  appendAuditEntry(sqlite, {
    action: 'share_revoked',
    tbl: 'people',
    rowId: share.personId,
    personId: share.personId,
    note: `${share.fromOrgName} revoked the share of ${name}${still ? '' : '; their file was removed from this computer'}`,
  });
  if (!still) removeSharedFile(sqlite, share.personId);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Removes a person's shared file: the people row, the file rows, their clock cells (so that a later share
 * brings them again), conflicts about them and the search index. Rows this organisation made that point at the
 * person (its own applications, notes, submissions) are its own and stay.
 */
function removeSharedFile(sqlite: Database.Database, personId: string): void {
  const rows: { table: string; id: string }[] = [{ table: 'people', id: personId }];
  for (const table of SHARED_FILE_TABLES) {
    for (const { id } of statement(sqlite, `SELECT id FROM "${table}" WHERE person_id = ?`).all(personId) as { id: string }[]) rows.push({ table, id });
  }
  for (const { table, id } of rows.reverse()) {
    statement(sqlite, `DELETE FROM "${table}" WHERE id = ?`).run(id);
    statement(sqlite, 'DELETE FROM sync_cells WHERE tbl = ? AND row_id = ?').run(table, id);
    statement(sqlite, 'DELETE FROM sync_conflicts WHERE tbl = ? AND row_id = ?').run(table, id);
  }
  statement(sqlite, 'DELETE FROM person_search_terms WHERE person_id = ?').run(personId);
}

export interface SharedIn {
  shareId: string;
  personId: string;
  name: string;
  fromOrgName: string;
  sharedAt: string;
}

/** The candidates shared with this organisation that this computer holds. */
export function sharedInCandidates(sqlite: Database.Database): SharedIn[] {
  return statement(
    sqlite,
    `SELECT s.id AS shareId, s.person_id AS personId, p.given_names || ' ' || p.surname AS name, s.from_org_name AS fromOrgName, s.shared_at AS sharedAt
     FROM sync_shares_in s JOIN people p ON p.id = s.person_id ORDER BY p.sort_key, s.shared_at`,
  ).all() as SharedIn[];
}
