import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { CrewListRow, CrewListSort, crewListInputSchema } from '../../shared/api';
import { countryName } from '../../shared/domain/countries';
import { standings } from './standings';
import { currentAssignment, openAssignment, plannedAssignment, rotationPhase } from '../db/assignment-status';
import { statement } from '../db/statements';
import { nameSearch } from './name-search';
import { personCondition } from '../scope/sql';

type CrewListQuery = z.output<typeof crewListInputSchema> & { asOf: string };

interface Plan {
  /** SELECT of the matching person ids in list order, with @limit/@offset. */
  pageSql: string;
  /** SELECT id: the matching people, in no order (for sorting by anything but the name). */
  matchSql: string;
  /**
   * The same, finding the matches first and sorting them: better than walking everyone in order when the
   * matches are few (a vessel's crew). Null when walking is the only plan.
   */
  sortedPageSql: string | null;
  /** SELECT n: everyone the list would show without the assignment filters (to judge how rare matches are). */
  populationSql: string | null;
  /** SELECT n: how many people match. */
  countSql: string;
  /** For "unassigned": the count is all matching minus the assigned ones (cheaper than NOT IN over everyone). */
  assignedCountSql: string | null;
  params: Record<string, string>;
}

const OPEN_PEOPLE = `SELECT a.person_id FROM assignments a WHERE ${openAssignment('a')}`;
const whereSql = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

/**
 * Plans the crew list query so that every filter narrows by an index. SQLite's planner, left alone, would turn
 * each IN (subquery) around and visit the people table once per candidate; the INDEXED BY clauses keep it on the
 * covering indexes instead.
 * - A typed name drives from the covering index on search terms (prefix range per word, the longest word first
 *   because it narrows most), which carries the sort key and the archived flag.
 * - Without a name, the list walks live people in sort order (partial index) and probes the other filters; the
 *   count comes from the small set of open assignments when there is an assignment filter.
 * - Vessel, department, position and status apply to one and the same assignment, so "onboard" + "M/Y Aurora"
 *   means onboard on Aurora.
 */
function plan(query: CrewListQuery): Plan | null {
  const name = nameSearch(query.search);
  const params: Record<string, string> = { asOf: query.asOf, ...name?.params };
  const byName = name !== null;
  const dir = query.descending ? 'DESC' : 'ASC';
  const id = byName ? 't.person_id' : 'p.id';

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
    // Titles match from their start, without case, as the person types ("chief" finds Chief Stew and Chief Officer).
    params.positionTitle = `${query.positionTitle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    onAssignment.push("pos.title LIKE @positionTitle ESCAPE '\\'");
  }
  /** The people with an assignment matching every assignment filter (null: no such filter). */
  let assignedSet: string | null = null;
  const also: string[] = [];
  // The positions join only when a filter needs it: status alone is answered from the assignments index.
  const assignedWhere = (conditions: string[]) =>
    `SELECT a.person_id FROM assignments a ${onAssignment.length > 0 ? 'JOIN positions pos ON pos.id = a.position_id ' : ''}WHERE ${conditions.join(' AND ')}`;
  let unassigned = false;
  switch (query.status) {
    case 'onboard':
    case 'on_leave':
      params.phase = query.status;
      assignedSet = assignedWhere([currentAssignment('a'), `${rotationPhase('a')} = @phase`, ...onAssignment]);
      break;
    case 'joining':
      assignedSet = assignedWhere([plannedAssignment('a'), ...onAssignment]);
      also.push(`${id} NOT IN (SELECT a.person_id FROM assignments a WHERE ${currentAssignment('a')})`);
      break;
    case 'unassigned':
      // Nobody unassigned is on a vessel, department or position.
      if (onAssignment.length > 0) return null;
      unassigned = true;
      break;
    default:
      if (onAssignment.length > 0) assignedSet = assignedWhere([openAssignment('a'), ...onAssignment]);
  }

  const base: string[] = [];
  // Only the people the signed-in user sees (docs/security.md#scope); nothing is added for the whole organisation.
  const inScope = personCondition(id);
  if (inScope !== null) base.push(inScope);
  if (name) {
    // The longest word drives the walk through the terms' covering index; the others are probed.
    base.push(name.term(0, 't.term'));
    if (name.words.length > 1) base.push(name.matches('t.person_id', 1));
    if (query.archived === 'exclude') base.push('t.archived = 0');
    if (query.archived === 'only') base.push('t.archived = 1');
  } else {
    if (query.archived === 'exclude') base.push('p.archived_at IS NULL');
    if (query.archived === 'only') base.push('p.archived_at IS NOT NULL');
  }
  const where = [...base, ...(assignedSet !== null ? [`${id} IN (${assignedSet})`] : []), ...also];

  const pageWhere = unassigned ? [...where, `${id} NOT IN (${OPEN_PEOPLE})`] : where;
  if (byName) {
    const from = 'person_search_terms t INDEXED BY person_search_terms_cover';
    return {
      pageSql: `SELECT t.person_id FROM ${from} ${whereSql(pageWhere)} GROUP BY t.person_id ORDER BY t.sort_key ${dir}, t.person_id ${dir} LIMIT @limit OFFSET @offset`,
      matchSql: `SELECT DISTINCT t.person_id AS id FROM ${from} ${whereSql(pageWhere)}`,
      // A person matches a name through several terms at most once.
      countSql: `SELECT count(DISTINCT t.person_id) AS n FROM ${from} ${whereSql(where)}`,
      assignedCountSql: unassigned ? `SELECT count(DISTINCT t.person_id) AS n FROM ${from} ${whereSql([...where, `t.person_id IN (${OPEN_PEOPLE})`])}` : null,
      sortedPageSql: null,
      populationSql: null,
      params,
    };
  }
  const live = query.archived === 'exclude';
  // Walking everyone in order suits a list of everyone; a user scoped to vessels sees few people, found from
  // their vessels' assignments and sorted (docs/security.md#scope).
  const from = inScope !== null ? 'people p' : `people p INDEXED BY ${live ? 'people_live_sort' : 'people_sort'}`;
  // Counting from the (few) people of matching assignments beats probing every person.
  const peopleOf = (set: string) => `(SELECT DISTINCT person_id AS id FROM (${set})) s JOIN people p ${live ? 'INDEXED BY people_live_id ' : ''}ON p.id = s.id`;
  return {
    pageSql: `SELECT p.id FROM ${from} ${whereSql(pageWhere)} ORDER BY p.sort_key ${dir}, p.id ${dir} LIMIT @limit OFFSET @offset`,
    matchSql: `SELECT p.id AS id FROM people p ${whereSql(pageWhere)}`,
    countSql: `SELECT count(*) AS n FROM ${assignedSet !== null ? peopleOf(assignedSet) : 'people p'} ${whereSql([...base, ...also])}`,
    assignedCountSql: unassigned ? `SELECT count(*) AS n FROM ${peopleOf(OPEN_PEOPLE)} ${whereSql(where)}` : null,
    sortedPageSql: assignedSet !== null ? `SELECT p.id FROM people p ${whereSql(pageWhere)} ORDER BY p.sort_key ${dir}, p.id ${dir} LIMIT @limit OFFSET @offset` : null,
    populationSql: assignedSet !== null ? `SELECT count(*) AS n FROM people p ${whereSql(base)}` : null,
    params,
  };
}

const PLACEMENT_FROM = 'assignments a JOIN positions pos ON pos.id = a.position_id JOIN vessels v ON v.id = pos.vessel_id';

/**
 * A value of each person `p`'s placement (the current assignment, else the next planned one: the open one that
 * starts first): a join and the expression to read it. For many matches, one pass over the open assignments
 * (SQLite takes a bare column from the row that gave min()); for a few, a look-up per person is cheaper.
 */
function placementKey(select: string, many: boolean): { join: string; value: string } {
  if (!many) {
    return { join: '', value: `(SELECT ${select} FROM ${PLACEMENT_FROM} WHERE a.person_id = p.id AND ${openAssignment('a')} ORDER BY a.start_date LIMIT 1)` };
  }
  const keys = `SELECT a.person_id AS person_id, min(a.start_date) AS first_start, ${select} AS k FROM ${PLACEMENT_FROM} WHERE ${openAssignment('a')} GROUP BY a.person_id`;
  return { join: `LEFT JOIN (${keys}) k ON k.person_id = p.id`, value: 'k.k' };
}
/** Above this many matches the single pass over open assignments wins. */
const MANY_MATCHES = 2000;

/** What each column sorts by, over people `p` (and `k`, their placement key): what the row shows; statuses in the order of a day aboard. */
const SORT_KEYS: Record<Exclude<CrewListSort, 'name'>, { key(placement: string): string; placement?: string }> = {
  position: { key: (placement) => placement, placement: "pos.title || ' · ' || v.name" },
  status: {
    key: (placement) => `CASE WHEN p.archived_at IS NOT NULL THEN 5 ELSE coalesce(${placement}, 4) END`,
    placement: `CASE WHEN a.start_date > @asOf THEN 3 WHEN ${rotationPhase('a')} = 'onboard' THEN 1 ELSE 2 END`,
  },
  nationality: { key: () => "country_name(json_extract(p.nationalities, '$[0]'))" },
  email: { key: () => 'p.email' },
};

const withCountryNames = new WeakSet<Database.Database>();
/** Nationalities sort by the country names the list shows, not by their codes (DEU is Germany, under G). */
function registerCountryName(sqlite: Database.Database): void {
  if (withCountryNames.has(sqlite)) return;
  sqlite.function('country_name', { deterministic: true }, (code: unknown) => (typeof code === 'string' ? countryName(code) : null));
  withCountryNames.add(sqlite);
}

/** A page of the matching people sorted by a column other than the name; the name, then the id, break ties. */
function sortedBy(sqlite: Database.Database, p: Plan, query: CrewListQuery, sort: Exclude<CrewListSort, 'name'>, many: boolean): string[] {
  if (sort === 'nationality') registerCountryName(sqlite);
  const dir = query.descending ? 'DESC' : 'ASC';
  const { key, placement } = SORT_KEYS[sort];
  const { join, value } = placement ? placementKey(placement, many) : { join: '', value: '' };
  const sql = `SELECT p.id FROM (${p.matchSql}) m JOIN people p ON p.id = m.id ${join}
    ORDER BY ${key(value)} ${dir} NULLS LAST, p.sort_key ${dir}, p.id ${dir} LIMIT @limit OFFSET @offset`;
  return statement(sqlite, sql).pluck().all({ ...p.params, limit: query.limit, offset: query.offset }) as string[];
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

const ROWS_SQL = `
  SELECT p.id, p.given_names AS givenNames, p.surname, p.date_of_birth AS dateOfBirth, p.nationalities, p.email, p.archived_at AS archivedAt
  FROM people p WHERE p.id IN (SELECT value FROM json_each(@ids))`;

/** One page of the crew list and the total it belongs to. */
export function crewList(sqlite: Database.Database, query: CrewListQuery, manyMatches = MANY_MATCHES): { total: number; offset: number; rows: CrewListRow[]; asOf: string } {
  const p = plan(query);
  if (p === null) return { total: 0, offset: query.offset, asOf: query.asOf, rows: [] };
  const count = (sql: string) => (statement(sqlite, sql).get(p.params) as { n: number }).n;
  const total = count(p.countSql) - (p.assignedCountSql === null ? 0 : count(p.assignedCountSql));
  let rows: ListRow[] = [];
  if (total > query.offset) {
    let pageSql = p.pageSql;
    if (p.sortedPageSql !== null && p.populationSql !== null) {
      // Walking in order visits about (offset + limit) × population / total people; sorting the matches, about
      // total. Take the cheaper.
      const walked = ((query.offset + query.limit) * count(p.populationSql)) / total;
      if (walked > 4 * total) pageSql = p.sortedPageSql;
    }
    const ids =
      query.sort === 'name'
        ? (statement(sqlite, pageSql).pluck().all({ ...p.params, limit: query.limit, offset: query.offset }) as string[])
        : sortedBy(sqlite, p, query, query.sort, total > manyMatches);
    const byId = new Map((statement(sqlite, ROWS_SQL).all({ ids: JSON.stringify(ids) }) as ListRow[]).map((r) => [r.id, r]));
    rows = ids.map((id) => byId.get(id)!);
  }
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
