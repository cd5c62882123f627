import { cellPath, columnIndex, parseCsv, rowPath } from '../psychometrics/csv';
import { inputError } from '../psychometrics/errors';

/**
 * A teams CSV (`id,team`, docs/team-dynamics.md#9-harmony-team): which respondent belongs to which team. A
 * respondent may be in several teams, once each. Every id must be a respondent of the responses file; errors name
 * the file, row and column. Teams keep the order in which the file first names them, members the order listed.
 */
export function parseTeamsCsv(text: string, respondents: readonly string[], options: { source?: string; responsesSource?: string } = {}): Map<string, string[]> {
  const table = parseCsv(text, options.source ?? 'teams.csv');
  const col = columnIndex(table, ['id', 'team'], []);
  const known = new Set(respondents);
  const teams = new Map<string, string[]>();
  const seen = new Map<string, number>();
  const issues: Array<{ path: string; message: string }> = [];
  table.rows.forEach((row, r) => {
    const id = row[col.id]!;
    const team = row[col.team]!;
    if (id === '') issues.push({ path: cellPath(table, r, col.id), message: 'the respondent id is empty' });
    else if (!known.has(id)) issues.push({ path: cellPath(table, r, col.id), message: `"${id}" is not a respondent in ${options.responsesSource ?? 'the responses file'}` });
    if (team === '') issues.push({ path: cellPath(table, r, col.team), message: 'the team is empty' });
    // A JSON report keyed by team cannot hold this key faithfully (parsers treat it as the object's prototype).
    else if (team === '__proto__') issues.push({ path: cellPath(table, r, col.team), message: '"__proto__" cannot be a team name' });
    if (id === '' || team === '') return;
    const key = JSON.stringify([team, id]);
    if (seen.has(key)) {
      issues.push({ path: rowPath(table, r), message: `"${id}" is already in team "${team}" on ${rowPath(table, seen.get(key)!)}` });
      return;
    }
    seen.set(key, r);
    let members = teams.get(team);
    if (!members) teams.set(team, (members = []));
    members.push(id);
  });
  if (!table.rows.length) issues.push({ path: table.source, message: 'no rows under the header' });
  if (issues.length) throw inputError(`${table.source} cannot be used as a list of teams`, issues);
  return teams;
}
