import type Database from 'better-sqlite3';
import type { Output } from '../../shared/api';
import { formatDateRange } from '../../shared/domain/dates';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { getPersonRow } from '../people/service';
import { toPerson, updatePersonRow } from '../people/records';

/**
 * Merging two records of one person (docs/recruitment.md#duplicates): every record that points at the second
 * person — found from the database's own foreign keys, so a table added later is not forgotten — moves to the
 * first; the first keeps its fields and takes the second's where its own are empty; the second is archived, not
 * deleted. What would make the merged person impossible (two assignments at once, two applications to one
 * requisition, two results of one questionnaire on one day) refuses the merge and is named.
 */
/** Tables whose person column is not a record of the person to move: search terms are rewritten with the person. */
const NOT_MOVED = new Set(['person_search_terms', 'candidate_profiles']);

function personColumns(sqlite: Database.Database): Array<{ table: string; column: string }> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as Array<{ name: string }>;
  return tables.flatMap(({ name }) =>
    (sqlite.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Array<{ table: string; from: string }>)
      .filter((fk) => fk.table === 'people' && !NOT_MOVED.has(name))
      .map((fk) => ({ table: name, column: fk.from })),
  );
}

const CLASHES: Array<{ sql: string; say: (r: Record<string, string | null>) => string }> = [
  {
    sql: `SELECT pa.title, v.name AS vessel, a.start_date AS aStart, a.end_date AS aEnd, pb.title AS bTitle, vb.name AS bVessel, b.start_date AS bStart, b.end_date AS bEnd
          FROM assignments a JOIN positions pa ON pa.id = a.position_id JOIN vessels v ON v.id = pa.vessel_id,
               assignments b JOIN positions pb ON pb.id = b.position_id JOIN vessels vb ON vb.id = pb.vessel_id
          WHERE a.person_id = @keep AND b.person_id = @merge AND a.archived_at IS NULL AND b.archived_at IS NULL
            AND (a.end_date IS NULL OR b.start_date <= a.end_date) AND (b.end_date IS NULL OR a.start_date <= b.end_date)`,
    say: (r) => `assignments overlap: ${r.title} on ${r.vessel} (${formatDateRange(r.aStart!, r.aEnd ?? null)}) and ${r.bTitle} on ${r.bVessel} (${formatDateRange(r.bStart!, r.bEnd ?? null)})`,
  },
  {
    sql: `SELECT r.title FROM applications a JOIN applications b ON b.requisition_id = a.requisition_id JOIN requisitions r ON r.id = a.requisition_id
          WHERE a.person_id = @keep AND b.person_id = @merge AND a.archived_at IS NULL AND b.archived_at IS NULL`,
    say: (r) => `both are candidates for the requisition ${r.title}: withdraw one application first`,
  },
  {
    sql: `SELECT a.instrument_id AS instrument, a.taken_on AS takenOn FROM assessment_results a JOIN assessment_results b ON b.instrument_id = a.instrument_id AND b.taken_on = a.taken_on
          WHERE a.person_id = @keep AND b.person_id = @merge AND a.archived_at IS NULL AND b.archived_at IS NULL`,
    say: (r) => `both have a result of ${r.instrument} taken on ${r.takenOn}: archive one first`,
  },
];

export function mergePeople(ctx: ServiceContext, keepId: string, mergeId: string): Output<'people.merge'> {
  if (keepId === mergeId) throw new AppError('VALIDATION', 'Choose two different people to merge');
  return write(ctx.sqlite(), () => {
    const keep = getPersonRow(ctx, keepId);
    const merge = getPersonRow(ctx, mergeId);
    const name = (p: typeof keep) => `${p.givenNames} ${p.surname}`;
    if (keep.archivedAt !== null || merge.archivedAt !== null) throw new AppError('CONFLICT', `${name(keep.archivedAt !== null ? keep : merge)} is archived; restore them before merging`);
    const conflicts = CLASHES.flatMap((c) => (statement(ctx.sqlite(), c.sql).all({ keep: keepId, merge: mergeId }) as Array<Record<string, string | null>>).map(c.say));
    if (conflicts.length > 0) {
      throw new AppError('CONFLICT', `${name(keep)} and ${name(merge)} cannot be merged: ${conflicts.join('; ')}`, { conflicts });
    }
    const moved: Record<string, number> = {};
    for (const { table, column } of personColumns(ctx.sqlite())) {
      const changes = ctx.sqlite().prepare(`UPDATE "${table}" SET "${column}" = ? WHERE "${column}" = ?`).run(keepId, mergeId).changes;
      if (changes > 0) moved[table] = (moved[table] ?? 0) + changes;
    }
    const profileMoved = ctx.sqlite().prepare('UPDATE candidate_profiles SET person_id = ? WHERE person_id = ? AND NOT EXISTS (SELECT 1 FROM candidate_profiles WHERE person_id = ?)').run(keepId, mergeId, keepId).changes;
    if (profileMoved > 0) moved.candidate_profiles = profileMoved;
    const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
    updatePersonRow(ctx.db(), ctx.sqlite(), keepId, {
      email: keep.email ?? merge.email,
      phone: keep.phone ?? merge.phone,
      emergencyContactName: keep.emergencyContactName ?? merge.emergencyContactName,
      emergencyContactPhone: keep.emergencyContactPhone ?? merge.emergencyContactPhone,
      emergencyContactRelation: keep.emergencyContactRelation ?? merge.emergencyContactRelation,
      noticeDays: keep.noticeDays ?? merge.noticeDays,
      photoHash: keep.photoHash ?? merge.photoHash,
      nationalities: union(keep.nationalities, merge.nationalities).slice(0, 5),
      languages: union(keep.languages, merge.languages).slice(0, 20),
    });
    updatePersonRow(ctx.db(), ctx.sqlite(), mergeId, { archivedAt: nowIso() });
    return { person: toPerson(getPersonRow(ctx, keepId)), moved };
  });
}
