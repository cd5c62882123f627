import { describe, expect, it } from 'vitest';
import { reassess, type StoredScreening } from '../../../src/engine/psychometrics';
import { validityThresholdsSchema } from '../../../src/shared/psychometrics';

/** A stored result judged again under the rules in force now, from its stored indices (issue 10, finding 25). */
const ipip = { min: 1, max: 5, hasFacets: true };
const stored = (careless: Partial<StoredScreening['careless']>, comparedWith: number): StoredScreening => ({
  answered: 120,
  items: 120,
  careless: { longstringMax: 3, longstringAvg: 1.4, irv: 1.2, mahalanobis: 120, mahalanobisFlag: false, evenOdd: -0.6, evenOddFacets: -0.7, psychSyn: null, psychAnt: null, ...careless },
  responseTime: null,
  comparedWith,
});

describe('judging a stored result under the current rules', () => {
  it('holds the stored indices against the cut-offs in force now', () => {
    const unusual = stored({ mahalanobis: 200 }, 400);
    expect(reassess(unusual, ipip, validityThresholdsSchema.parse({}))).toMatchObject({ verdict: 'questionable', findings: [expect.objectContaining({ index: 'mahalanobis', value: 200 })] });
    expect(reassess(unusual, ipip, validityThresholdsSchema.parse({ mahalanobis: { questionable: null } }))).toEqual({ verdict: 'valid', findings: [] });
    expect(reassess(unusual, ipip, validityThresholdsSchema.parse({ mahalanobis: { invalid: 0.995 } })).verdict).toBe('invalid');
  });

  it('does not trust group indices of a result compared with fewer people than the engine now asks for', () => {
    // Scored in a batch of 40 before the minimum existed: synonyms from chance pairs, no D².
    const small = stored({ mahalanobis: null, psychSyn: -0.5 }, 40);
    const judged = reassess(small, ipip, validityThresholdsSchema.parse({}));
    expect(judged.verdict).toBe('questionable');
    expect(judged.findings.map((f) => [f.index, f.value, f.cutoff])).toEqual([['comparisonGroup', 40, 360]]);
  });
});
