import fCdf from '@stdlib/stats-base-dists-f-cdf';

/**
 * One-way analysis of variance of one trait across groups (departments, positions): does this fleet's deckhand
 * profile really differ from its stews'? F = (SS_between / (k − 1)) / (SS_within / (n − k)), p from the F
 * distribution, η² = SS_between / SS_total. As R's `anova(lm(x ~ group))` (test/unit/fit/anova.test.ts).
 */
export interface GroupSummary {
  label: string;
  n: number;
  mean: number;
  sd: number | null;
}

export interface AnovaResult {
  groups: GroupSummary[];
  n: number;
  dfBetween: number;
  dfWithin: number;
  ssBetween: number;
  ssWithin: number;
  f: number;
  p: number;
  etaSquared: number;
}

export type AnovaOutcome = { result: AnovaResult; reason: null } | { result: null; reason: string };

export function oneWayAnova(groups: ReadonlyArray<{ label: string; values: readonly number[] }>): AnovaOutcome {
  const used = groups.map((g) => ({ label: g.label, values: g.values.filter((v) => Number.isFinite(v)) })).filter((g) => g.values.length > 0);
  const n = used.reduce((s, g) => s + g.values.length, 0);
  const k = used.length;
  if (k < 2) return { result: null, reason: 'At least two groups with results are needed to compare them.' };
  if (n - k < 1) return { result: null, reason: 'Every group has a single person, so the spread within groups is unknown.' };
  const grand = used.reduce((s, g) => s + g.values.reduce((a, v) => a + v, 0), 0) / n;
  let ssBetween = 0;
  let ssWithin = 0;
  const summaries = used.map((g) => {
    const mean = g.values.reduce((a, v) => a + v, 0) / g.values.length;
    const within = g.values.reduce((a, v) => a + (v - mean) ** 2, 0);
    ssBetween += g.values.length * (mean - grand) ** 2;
    ssWithin += within;
    return { label: g.label, n: g.values.length, mean, sd: g.values.length > 1 ? Math.sqrt(within / (g.values.length - 1)) : null };
  });
  const dfBetween = k - 1;
  const dfWithin = n - k;
  const f = ssWithin > 0 ? ssBetween / dfBetween / (ssWithin / dfWithin) : Number.POSITIVE_INFINITY;
  const p = Number.isFinite(f) ? 1 - fCdf(f, dfBetween, dfWithin) : 0;
  const total = ssBetween + ssWithin;
  return { result: { groups: summaries, n, dfBetween, dfWithin, ssBetween, ssWithin, f, p, etaSquared: total > 0 ? ssBetween / total : 0 }, reason: null };
}
