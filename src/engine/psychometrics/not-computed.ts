import type { IndexNotComputed, ValidityIndex, ValidityThresholds } from '../../shared/psychometrics';
import type { Comparison } from './comparison';
import type { RespondentIndices } from './validity';

/** What the analysis knows about its comparison group, to say why a group index has no value. */
export interface GroupFacts {
  comparison: Pick<Comparison, 'computed' | 'size' | 'minimum'>;
  /** The group's item covariance could not be inverted. */
  singular: boolean;
  synonymPairs: number;
  antonymPairs: number;
  critval: number;
}

const r2 = (x: number) => x.toFixed(2).replace(/^(-?)0\./, '$1.');

/**
 * Every index whose cut-offs are switched on but that has no value for this person, with why in plain words: a
 * verdict is never read as "nothing crossed its cut-off" while something was not measured.
 */
export function indicesNotComputed(x: RespondentIndices, t: ValidityThresholds, hasFacets: boolean, scales: number, facts: GroupFacts): IndexNotComputed[] {
  const on = (c: { questionable: number | null; invalid: number | null }) => c.questionable !== null || c.invalid !== null;
  const out: IndexNotComputed[] = [];
  const add = (index: ValidityIndex, value: number, enabled: boolean, why: () => string) => {
    if (enabled && !Number.isFinite(value)) out.push({ index, message: why() });
  };
  const { comparison } = facts;
  const tooSmall = `Needs at least ${comparison.minimum.toLocaleString('en')} people to compare answers with; ${comparison.size.toLocaleString('en')} ${comparison.size === 1 ? 'was' : 'were'} available.`;
  add('irv', x.irv, on(t.irv), () => 'Fewer than two items were answered.');
  add('mahalanobis', x.mahalanobis, on(t.mahalanobis), () =>
    !comparison.computed
      ? tooSmall
      : facts.singular
        ? "The group's answers do not allow it: an item without variance, or items that repeat each other."
        : 'No item was answered.',
  );
  const evenOdd = hasFacets ? 'evenOddFacets' : 'evenOdd';
  const parts = hasFacets ? 'facets' : 'scales';
  add(evenOdd, hasFacets ? x.evenOddFacets : x.evenOdd, on(t.evenOdd), () =>
    !hasFacets && scales < 2
      ? 'The questionnaire has a single scale, so there are no halves to compare across scales.'
      : `The averages of the two halves do not vary across the ${parts} (as when every answer is the same), so their agreement cannot be measured.`,
  );
  const pairs = (kind: 'psychSyn' | 'psychAnt', count: number, how: string) =>
    add(kind, kind === 'psychSyn' ? x.psychSyn : x.psychAnt, on(t[kind]), () =>
      !comparison.computed
        ? tooSmall
        : count === 0
          ? `No two items are answered ${how} strongly enough by the ${comparison.size.toLocaleString('en')} people compared (r ${kind === 'psychSyn' ? 'above ' : 'below −'}${r2(facts.critval)}).`
          : 'Fewer than three of the item pairs were answered, or the answers to them did not vary.',
    );
  pairs('psychSyn', facts.synonymPairs, 'alike');
  pairs('psychAnt', facts.antonymPairs, 'in opposite ways');
  return out;
}
