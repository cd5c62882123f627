import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { CrewListRow, crewListInputSchema } from '../../shared/api';
import { searchWords } from '../../shared/domain/text';
import { standings } from '../assignments/placements';
import { currentAssignment, openAssignment, plannedAssignment, rotationPhase } from '../assignments/status-sql';
import { statement } from '../db/statements';

type CrewListQuery = z.output<typeof crewListInputSchema> & { asOf: string };

/** Past the last character any folded word can hold, so `term >= 'jo' AND term < 'jo' || MAX` is "starts with jo". */
const PREFIX_END = '\u{10FFFF}';

/**
 * Builds the crew list's WHERE clause. Every filter narrows by an indexed set: name words by range scans on
 * person_search_terms, vessel/department/position/status by the (small) set of open assignments. Assignment
 * filters apply to one and the same assignment, so "onboard" + "M/Y Aurora" means onboard on Aurora.
 */
function whereClause(query: CrewListQuery): { where: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = { asOf: query.asOf };
  if (query.archived === 'exclude') clauses.push('p.archived_at IS NULL');
  if (query.archived === 'only') clauses.push('p.archived_at IS NOT NULL');

  searchWords(query.search)
    .slice(0, 8)
    .forEach((word, i) => {
      params[`w${i}`] = word;
      params[`w${i}end`] = word + PREFIX_END;
      clauses.push(`p.id IN (SELECT person_id FROM person_search_terms WHERE term >= @w${i} AND term < @w${i}end)`);
    });

  const onAssignment: string[] = [];
  if (query.vesselId !== undefined) {
    params.vesselId = query.vesselId;
    onAssignment.push('pos.vessel_id = @vesselId');
  }
  if (query.department !== undefined) {
    params.department = query.department;
    onAssignment.push('pos.department = @department');
  }
  if (query.positionTitle !== undefined) {
    params.positionTitle = query.positionTitle;
    onAssignment.push('pos.title = @positionTitle COLLATE NOCASE');
  }
  const assigned = (conditions: string[]) =>
    `p.id IN (SELECT a.person_id FROM assignments a JOIN positions pos ON pos.id = a.position_id WHERE ${conditions.join(' AND ')})`;

  switch (query.status) {
    case 'onboard':
    case 'on_leave':
      params.phase = query.status;
      clauses.push(assigned([currentAssignment('a'), `${rotationPhase('a')} = @phase`, ...onAssignment]));
      break;
    case 'joining':
      clauses.push(assigned([plannedAssignment('a'), ...onAssignment]));
      clauses.push(`p.id NOT IN (SELECT a.person_id FROM assignments a WHERE ${currentAssignment('a')})`);
      break;
    case 'unassigned':
      clauses.push(`p.id NOT IN (SELECT a.person_id FROM assignments a WHERE ${openAssignment('a')})`);
      if (onAssignment.length > 0) clauses.push('0');
      break;
    default:
      if (onAssignment.length > 0) clauses.push(assigned([openAssignment('a'), ...onAssignment]));
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

interface ListRow {
  id: string;
  givenNames: string;
  surname: string;
  dateOfBirth: string;
  nationalities: string;
  email: string | null;
  archivedAt: string | null;
}

/** One page of the crew list and the total it belongs to. */
export function crewList(sqlite: Database.Database, query: CrewListQuery): { total: number; offset: number; rows: CrewListRow[]; asOf: string } {
  const { where, params } = whereClause(query);
  const { total } = statement(sqlite, `SELECT count(*) AS total FROM people p ${where}`).get(params) as { total: number };
  const rows =
    total <= query.offset
      ? []
      : (statement(
          sqlite,
          `SELECT p.id, p.given_names AS givenNames, p.surname, p.date_of_birth AS dateOfBirth, p.nationalities, p.email,
                  p.archived_at AS archivedAt
           FROM people p ${where} ORDER BY p.sort_key, p.id LIMIT @limit OFFSET @offset`,
        ).all({ ...params, limit: query.limit, offset: query.offset }) as ListRow[]);
  const standing = standings(sqlite, rows, query.asOf);
  return {
    total,
    offset: query.offset,
    asOf: query.asOf,
    rows: rows.map((row) => ({
      ...row,
      nationalities: JSON.parse(row.nationalities) as string[],
      status: standing.get(row.id)!.status,
      placement: standing.get(row.id)!.placement,
    })),
  };
}
