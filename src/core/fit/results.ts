import type { AssessmentContext } from '../../shared/api';
import type { InstrumentDefinition } from '../../shared/psychometrics';
import type { PlacedResult } from '../../engine/fit';
import type { ServiceContext } from '../context';
import { scaleLists } from '../team/assemble';
import { latestResults } from '../team/results';
import { chooseNorm, placeMember, teamNormOptions, type ResolvedNorm } from '../team/team-norms';

/**
 * People's latest usable results (not judged invalid), placed on a norm of their own population — applicants on
 * applicants, crew in post on crew in post — so that an applicant's more favourable self-description is not read
 * as a better profile (docs/fit-and-prediction.md#culture). Where no norm of their population is large enough,
 * the other population's is used and the result is marked as mixed, which lowers the confidence.
 */
export interface PlacedPeople {
  results: Map<string, PlacedResult>;
  /** Why a person has no result to use. */
  missing: Map<string, string>;
  /** Scales the norms cover (for the team's harmony index); null when no norm at all is available. */
  normScales: string[] | null;
  domainNames: Record<string, string>;
}

export async function placeResults(ctx: ServiceContext, instrument: InstrumentDefinition, personIds: readonly string[]): Promise<PlacedPeople> {
  const scales = scaleLists(instrument);
  const domains = scales.domains.map((d) => d.id);
  const { latest, onlyInvalid } = await latestResults(ctx, instrument.id, scales.ids, personIds);
  const options = await teamNormOptions(ctx, instrument.id, scales.ids);
  const norms = new Map<AssessmentContext, ResolvedNorm | null>();
  for (const population of ['applicant', 'incumbent'] as const) {
    norms.set(population, (await chooseNorm(ctx, instrument.id, scales.ids, 'default', options, [population])).norm);
  }
  const normFor = (population: AssessmentContext) => norms.get(population) ?? null;
  const results = new Map<string, PlacedResult>();
  const missing = new Map<string, string>();
  const normScales = new Set<string>();
  for (const id of personIds) {
    const result = latest.get(id);
    if (!result) {
      missing.set(id, onlyInvalid.has(id) ? 'Their only questionnaire result was judged invalid' : 'No questionnaire result yet');
      continue;
    }
    const norm = normFor(result.context);
    const placed = norm ? placeMember(norm, result, domains, false) : null;
    let chosen: Pick<PlacedResult, 'z' | 'mixed' | 'note'> | null = placed?.z ? { z: placed.z, mixed: false, note: null } : null;
    if (!chosen) {
      const other = normFor(result.context === 'applicant' ? 'incumbent' : 'applicant');
      const crossed = other ? placeMember(other, result, domains, true) : null;
      chosen = crossed?.z ? { z: crossed.z, mixed: true, note: null } : { z: null, mixed: false, note: placed?.note ?? 'no norm group is large enough yet' };
    }
    for (const [scale, z] of Object.entries(chosen.z ?? {})) if (z !== null) normScales.add(scale);
    results.set(id, { verdict: result.verdict, unchecked: result.unchecked, takenOn: result.takenOn, ...chosen });
  }
  return { results, missing, normScales: normScales.size ? [...normScales] : null, domainNames: Object.fromEntries(scales.domains.map((d) => [d.id, d.name])) };
}
