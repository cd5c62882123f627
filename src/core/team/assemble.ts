import type { TeamNormChoice, TeamNormOption } from '../../shared/api';
import { DEPARTMENTS, titleRank } from '../../shared/domain/crew';
import type { InstrumentDefinition } from '../../shared/psychometrics';
import { localName } from '../../engine/psychometrics';
import type { TeamInput, TeamMemberInput } from '../../engine/team';
import type { ServiceContext } from '../context';
import type { GroupMember } from '../manning/crew';
import { harmonyModel } from './models';
import { latestResults, type LatestResult } from './results';
import { chooseNorm, normScalesOf, placeMember, teamNormOptions, type ResolvedNorm } from './team-norms';

/**
 * From a group of people to the engine's input: each member's latest usable result, placed on the norm
 * with their own population, members without one listed as missing. Shared by a vessel's screen and the fleet
 * overview.
 */
export interface PlacedMember extends GroupMember {
  result: LatestResult | null;
  missingReason: string | null;
  notPlaced: string | null;
  z: Record<string, number | null> | null;
}

export interface AssembledTeam {
  normOptions: TeamNormOption[];
  members: PlacedMember[];
  norm: (ResolvedNorm & { mixed: boolean }) | null;
  noNorm: string | null;
  input: TeamInput;
}

export function scaleLists(instrument: InstrumentDefinition) {
  const domains = instrument.scales.map((s) => ({ id: s.id, name: localName(s.name, s.id) }));
  const facets = instrument.facets.map((f) => ({ id: f.id, name: localName(f.name, f.id), scale: f.scale }));
  return { domains, facets, ids: [...domains.map((d) => d.id), ...facets.map((f) => f.id)] };
}

/** Deck first, then engineering, interior, galley; by seniority within each; then by name. */
export const byPost = (a: GroupMember, b: GroupMember) =>
  DEPARTMENTS.indexOf(a.department) - DEPARTMENTS.indexOf(b.department) ||
  titleRank(a.department, a.positionTitle) - titleRank(b.department, b.positionTitle) ||
  a.name.localeCompare(b.name);

export interface AssembleOptions {
  instrument: InstrumentDefinition;
  choice: TeamNormChoice;
  allowMixing: boolean;
  /** Computed once when many teams are assembled (the fleet overview). */
  normOptions?: TeamNormOption[];
  resolved?: Map<string, Awaited<ReturnType<typeof chooseNorm>>>;
  /** Results fetched once for many teams (the fleet overview); otherwise read for this group. */
  results?: Awaited<ReturnType<typeof latestResults>>;
  /** Leave the facets out (the fleet overview shows none). */
  domainsOnly?: boolean;
  /** Where the group is, for messages ("aboard", "in this crew"). */
  where?: string;
}

/** The engine's input for a group; `analyzeTeam(team.input)` (or the pool, for many teams) gives the figures. */
export async function assembleTeam(ctx: ServiceContext, group: readonly GroupMember[], options: AssembleOptions): Promise<AssembledTeam> {
  const { instrument } = options;
  const scales = scaleLists(instrument);
  const { latest, onlyInvalid } = options.results ?? (await latestResults(ctx, instrument.id, scales.ids, group.map((m) => m.personId)));
  const normOptions = options.normOptions ?? (await teamNormOptions(ctx, instrument.id, scales.ids));
  const contexts = group.flatMap((m) => latest.get(m.personId)?.context ?? []);
  const placed = options.domainsOnly ? scales.domains.map((d) => d.id) : scales.ids;
  const cacheKey = JSON.stringify([options.choice, contexts.filter((c) => c === 'incumbent').length * 2 >= contexts.length]);
  let chosen = options.resolved?.get(cacheKey);
  if (!chosen) {
    chosen = await chooseNorm(ctx, instrument.id, scales.ids, options.choice, normOptions, contexts);
    options.resolved?.set(cacheKey, chosen);
  }
  let { noNorm } = chosen;
  const norm = chosen.norm;
  let mixed = false;
  let belowMinimum = false;
  const members: PlacedMember[] = [...group].sort(byPost).map((m) => {
    const result = latest.get(m.personId) ?? null;
    if (!result) {
      const missingReason = onlyInvalid.has(m.personId) ? 'Their only result was judged invalid' : 'No questionnaire result yet';
      return { ...m, result: null, missingReason, notPlaced: null, z: null };
    }
    if (!norm) return { ...m, result, missingReason: null, notPlaced: null, z: null };
    const placement = placeMember(norm, result, placed, options.allowMixing);
    if (placement.status === 'belowMinimum') {
      belowMinimum = true;
      noNorm = placement.note;
    }
    mixed ||= placement.mixed;
    return { ...m, result, missingReason: null, notPlaced: placement.status === 'mismatch' ? placement.note : null, z: placement.z };
  });
  const usable = norm !== null && !belowMinimum;
  const input: TeamInput = {
    members: members.filter((m) => m.result).map(
      (m): TeamMemberInput => ({ id: m.personId, name: m.name, raw: m.result!.scores, z: usable ? m.z : null, zNote: usable ? m.notPlaced : null, verdict: m.result!.verdict, unchecked: m.result!.unchecked }),
    ),
    missing: members.filter((m) => !m.result).map((m) => ({ id: m.personId, name: m.name, reason: m.missingReason! })),
    domains: scales.domains,
    facets: options.domainsOnly ? [] : scales.facets,
    normScales: usable ? normScalesOf(norm) : null,
    noNorm,
    model: harmonyModel(),
    where: options.where ?? 'in this crew',
  };
  return { normOptions, members, norm: usable ? { ...norm, mixed } : null, noNorm: usable ? null : noNorm, input };
}
