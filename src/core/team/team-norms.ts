import type { AssessmentContext, NormDescription, NormRef, TeamNormChoice, TeamNormOption } from '../../shared/api';
import type { NormTable } from '../../shared/psychometrics';
import { placeOnLocalGroup, placeOnTable, type LocalNormGroup, type Placement, type ScoreToPlace } from '../../engine/psychometrics';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { cachedByDataVersion } from '../db/data-version';
import { resolveInstrument } from '../psychometrics/instruments';
import { localGroupsOf } from '../psychometrics/local-groups';
import { listNormTables } from '../psychometrics/norm-tables';
import { localDescription, resolveNorm } from '../psychometrics/placement';
import { readAssessmentSettings } from '../psychometrics/settings';
import type { LatestResult } from './results';
import { words } from '../../shared/words';

/**
 * The norms a crew is compared with, by the rule of the Assessments screen
 * (docs/team-dynamics.md#1-the-group-and-the-data-under-it, docs/psychometrics.md#2-scale-scores-and-norms): the
 * local groups of all stored applicants or all crew in post and the imported tables of the instrument. Each member
 * is placed with their own result's population: another population's norms are refused unless the person asks for
 * the comparison, and then it is marked as mixed. A local group below the minimum size places nobody. Groups by
 * position or department are not offered: they would measure each member against their own role.
 */
export async function teamNormOptions(ctx: ServiceContext, instrumentId: string, scales: readonly string[]): Promise<TeamNormOption[]> {
  const groups = await contextGroups(ctx, instrumentId, scales);
  const local: TeamNormOption[] = groups.map((g) => ({
    ref: { kind: 'local', by: 'context', group: g.group, population: g.population as AssessmentContext },
    norm: localDescription(g, 'context'),
    sufficient: g.sufficient,
  }));
  const tables: TeamNormOption[] = listNormTables(ctx, { instrumentId, archived: 'exclude' }).map((t) => ({
    ref: { kind: 'table', id: t.id },
    norm: { origin: 'imported', label: t.label, population: t.population, source: t.source, n: t.n },
    sufficient: true,
  }));
  return [...local, ...tables];
}

/**
 * The local groups of all applicants and all crew in post (computed in the worker pool). They rest on every stored
 * result, so they are kept until the database changes: a crew's screen then reads only its own members' results.
 */
function contextGroups(ctx: ServiceContext, instrumentId: string, scales: readonly string[]): Promise<LocalNormGroup[]> {
  const { minGroupSize } = readAssessmentSettings(ctx);
  const key = JSON.stringify(['team-context-groups', instrumentId, minGroupSize, scales]);
  return cachedByDataVersion(ctx.sqlite(), key, async () => (await localGroupsOf(ctx, instrumentId, [...scales], ['context'], minGroupSize)).groups.context ?? []);
}

const sameRef = (a: NormRef, b: NormRef) => JSON.stringify(a) === JSON.stringify(b);

async function resolveTeamNorm(ctx: ServiceContext, instrumentId: string, ref: NormRef, scales: readonly string[]) {
  if (ref.kind === 'local' && ref.by === 'context') {
    const group = (await contextGroups(ctx, instrumentId, scales)).find((g) => g.group === ref.group && g.population === ref.population);
    if (!group) throw new AppError('NOT_FOUND', `No stored results of ${words.populations[ref.population]} are in the local group "${ref.group}".`);
    return { description: localDescription(group, 'context'), group };
  }
  return resolveNorm(ctx, resolveInstrument(ctx, instrumentId), ref);
}

/** The default: a sufficient norm of the population most members' results belong to, else any sufficient one. */
export function defaultNorm(options: readonly TeamNormOption[], contexts: readonly AssessmentContext[]): TeamNormOption | null {
  const incumbents = contexts.filter((c) => c === 'incumbent').length;
  const majority: AssessmentContext = incumbents * 2 >= contexts.length ? 'incumbent' : 'applicant';
  return options.find((o) => o.sufficient && o.norm.population === majority) ?? options.find((o) => o.sufficient) ?? null;
}

export type ResolvedNorm = { ref: NormRef; description: NormDescription } & ({ table: NormTable } | { group: LocalNormGroup });

/** The norm chosen, or null with why there is none. */
export async function chooseNorm(
  ctx: ServiceContext,
  instrumentId: string,
  scales: readonly string[],
  choice: TeamNormChoice,
  options: readonly TeamNormOption[],
  contexts: readonly AssessmentContext[],
): Promise<{ norm: ResolvedNorm | null; noNorm: string | null }> {
  if (choice === 'none') return { norm: null, noNorm: 'No norm is chosen: the figures are raw averages on the answer scale.' };
  const ref = choice === 'default' ? defaultNorm(options, contexts)?.ref : choice;
  if (!ref) {
    return {
      norm: null,
      noNorm: options.length
        ? 'No norm group is large enough yet (see the minimum group size under Assessments, Validity rules).'
        : 'There is no norm to compare with yet: import a norm table or store more results under Assessments.',
    };
  }
  if (choice !== 'default' && !options.some((o) => sameRef(o.ref, ref))) throw new AppError('NOT_FOUND', 'That norm is not available for team figures; choose one of the listed norms.');
  return { norm: { ref, ...(await resolveTeamNorm(ctx, instrumentId, ref, scales)) }, noNorm: null };
}

/** The scales a norm has figures for (a local group: those with enough scores and some spread). */
export function normScalesOf(norm: ResolvedNorm): string[] {
  const table = 'table' in norm ? norm.table : norm.group.table;
  return table ? table.rows.map((r) => r.scale) : [];
}

/** One member's result against the norm: z by scale, or null with the reason (another population, a small group). */
export function placeMember(norm: ResolvedNorm, result: LatestResult, scales: readonly string[], allowMixing: boolean): { z: Record<string, number | null> | null; note: string | null; mixed: boolean; status: Placement['status'] } {
  const scores: ScoreToPlace[] = scales.map((id) => ({ id, mean: result.scores[id] ?? null }));
  const placed = 'table' in norm ? placeOnTable(scores, norm.table, result.context, allowMixing) : placeOnLocalGroup(scores, norm.group, result.context, allowMixing);
  if (placed.status === 'mismatch') {
    const taken = result.context === 'applicant' ? 'as an applicant' : 'in post';
    const note = `the result used was taken ${taken}, and “${norm.description.label}” describes ${words.populations[norm.description.population]}; applicants describe themselves more favourably (d ≈ .45 on conscientiousness, Birkeland et al. 2006).`;
    return { z: null, note, mixed: false, status: placed.status };
  }
  if (placed.status !== 'placed') return { z: null, note: placed.messages[0] ?? null, mixed: false, status: placed.status };
  return { z: Object.fromEntries(placed.scores.map((s) => [s.id, s.z])), note: null, mixed: placed.mixed, status: 'placed' };
}
