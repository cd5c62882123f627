import type { ParsedInput, TeamReport } from '../../shared/api';
import { decodeText } from '../../shared/files/text-file';
import { analysisOptionsSchema } from '../../shared/psychometrics';
import { checkNormPopulation, normScores, onlyUnchecked } from '../../engine/psychometrics';
import { parseTeamsCsv, teamReportEntry, type TeamMemberInput } from '../../engine/team';
import { AppError } from '../api/errors';
import type { TaskHandle } from '../api/tasks';
import type { ServiceContext } from '../context';
import { fileLabel } from '../psychometrics/analysis-sources';
import { findInstrument } from '../psychometrics/builtin';
import { asAppError } from '../psychometrics/input-errors';
import { psychometricsPool } from '../psychometrics/pool';
import { harmonyModel } from './models';
import { teamFigures } from './run';

/**
 * `harmony team`'s report from the files' texts: every member of TEAMS.csv as the responses file has them,
 * whatever their validity verdict (the diagnosis names questionable and invalid ones); scale scores are the
 * means over answered items, as `harmony analyze`; z against `norms` when given.
 */
export async function analyzeTeamFiles(ctx: ServiceContext, input: ParsedInput<'team.analyzeFiles'>, task: TaskHandle): Promise<{ report: TeamReport; notices: string[] }> {
  const pool = psychometricsPool(ctx);
  const instrument = typeof input.instrument === 'string' ? findInstrument(input.instrument) : input.instrument;
  task.progress(0, null, 'Reading the responses');
  const read = await pool.read({ ...input, instrument, responseTimes: null }, task.signal);
  if (!read.ok) throw new AppError('VALIDATION', read.message, { issues: read.issues });
  try {
    const { layout, responses, norms } = read.input;
    const notices = norms ? checkNormPopulation(input.respondents, norms, input.allowNormMismatch) : [];
    const responsesSource = 'file' in input.responses ? fileLabel(input.responses.file) : 'the responses';
    const teamsSource = fileLabel(input.teams);
    const teamsText = decodeText(Buffer.from(input.teams.contentBase64, 'base64'), teamsSource);
    const teams = parseTeamsCsv(teamsText, responses.ids, { source: teamsSource, responsesSource });
    const options = analysisOptionsSchema.parse({ respondents: input.respondents, allowNormMismatch: input.allowNormMismatch });
    const scoring = `Scoring ${responses.n} respondent${responses.n === 1 ? '' : 's'}`;
    const result = await pool.analyze({ layout, responses, times: null, norms: null, options }, { signal: task.signal, onProgress: (done, total) => task.progress(done, total, scoring) });
    task.throwIfCancelled();

    const domains = layout.scales.map((s) => ({ id: s.id, name: s.name }));
    const normRows = new Map((norms?.rows ?? []).map((r) => [r.scale, r]));
    const uncovered = domains.filter((d) => norms && !normRows.has(d.id)).map((d) => d.id);
    if (uncovered.length) notices.push(`The norm table has no row for ${uncovered.join(', ')}: z, person–team fit and harmony are null where they need it.`);
    const row = new Map(responses.ids.map((id, i) => [id, i]));
    const width = domains.length;
    const memberOf = (id: string): TeamMemberInput => {
      const i = row.get(id)!;
      const raw: Record<string, number | null> = {};
      const z: Record<string, number | null> = {};
      domains.forEach((d, s) => {
        const mean = result.scaleMeans[i * width + s]!;
        raw[d.id] = Number.isNaN(mean) ? null : mean;
        const norm = normRows.get(d.id);
        z[d.id] = raw[d.id] === null || !norm ? null : normScores(raw[d.id]!, norm).z;
      });
      return { id, name: id, raw, z: norms ? z : null, zNote: null, verdict: result.verdicts[i]!, unchecked: onlyUnchecked(result.verdicts[i]!, result.findings[i]!) };
    };
    const model = harmonyModel();
    const names = [...teams.keys()];
    const figures = await teamFigures(
      ctx,
      names.map((team) => ({
        members: teams.get(team)!.map(memberOf),
        missing: [],
        domains,
        facets: [],
        normScales: norms ? norms.rows.map((r) => r.scale) : null,
        noNorm: 'No norm table was given (--norms).',
        model,
      })),
      task.signal,
    );
    const entries = names.map((team, t) => [team, teamReportEntry(figures[t]!)] as const);
    return { report: { teams: Object.fromEntries(entries) }, notices };
  } catch (error) {
    throw asAppError(error);
  }
}
