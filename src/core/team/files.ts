import { basename, extname } from 'node:path';
import type { ParsedInput, TeamReport } from '../../shared/api';
import { analysisOptionsSchema, type InstrumentDefinition } from '../../shared/psychometrics';
import { analyze, checkNormPopulation, normScores, parseInstrumentJson, parseKeysCsv, parseNormsCsv, parseResponsesCsv, type AnalysisInput, type AnalysisResult } from '../../engine/psychometrics';
import { parseTeamsCsv, teamReportEntry, type TeamMemberInput } from '../../engine/team';
import { AppError } from '../api/errors';
import type { TaskHandle } from '../api/tasks';
import type { ServiceContext } from '../context';
import { asAppError, findInstrument } from '../psychometrics/handlers';
import { psychometricsPool } from '../psychometrics/pool';
import { harmonyModel } from './models';
import { teamFigures } from './run';

/** From this many answers the scoring goes to the worker pool, as `harmony analyze` does. */
const POOL_CELLS = 240_000;

function instrumentOf(input: ParsedInput<'team.analyzeFiles'>): InstrumentDefinition {
  const { instrument } = input;
  if (instrument.kind === 'builtin') return findInstrument(instrument.id);
  if (instrument.kind === 'definition') return parseInstrumentJson(instrument.file.text, instrument.file.name);
  if (!input.range) throw new AppError('VALIDATION', 'A keys file does not say the response range: give the lowest and highest answer (--min and --max) as well.');
  return parseKeysCsv(instrument.file.text, { id: basename(instrument.file.name, extname(instrument.file.name)), range: input.range, source: instrument.file.name });
}

async function score(ctx: ServiceContext, input: AnalysisInput, task: TaskHandle): Promise<AnalysisResult> {
  if (input.responses.n * input.responses.k < POOL_CELLS) return analyze(input);
  task.progress(0, null, 'Scoring responses');
  return psychometricsPool(ctx).analyze(input, { signal: task.signal, onProgress: (done, total) => task.progress(done, total, 'Scoring responses') });
}

/**
 * `harmony team`'s report from the files' texts: every member of TEAMS.csv as the responses file has them,
 * whatever their validity verdict (the diagnosis names questionable and invalid ones); scale scores are the
 * means over answered items, as `harmony analyze`; z against `norms` when given.
 */
export async function analyzeTeamFiles(ctx: ServiceContext, input: ParsedInput<'team.analyzeFiles'>, task: TaskHandle): Promise<{ report: TeamReport; notices: string[] }> {
  try {
    const instrument = instrumentOf(input);
    const { layout, responses } = parseResponsesCsv(input.responses.text, instrument, { source: input.responses.name, ...(input.range ? { range: input.range } : {}) });
    const norms = input.norms ? parseNormsCsv(input.norms.text, instrument, input.norms.name) : null;
    const notices = norms ? checkNormPopulation(input.respondents, norms, input.allowNormMismatch) : [];
    const teams = parseTeamsCsv(input.teams.text, responses.ids, { source: input.teams.name, responsesSource: input.responses.name });
    const options = analysisOptionsSchema.parse({ respondents: input.respondents, allowNormMismatch: input.allowNormMismatch });
    const result = await score(ctx, { layout, responses, times: null, norms: null, options }, task);
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
      return { id, name: id, raw, z: norms ? z : null, zNote: null, verdict: result.verdicts[i]! };
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
