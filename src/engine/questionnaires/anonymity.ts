import { ANONYMOUS_MINIMUM } from '../../shared/questionnaires';

/**
 * Figures from anonymous answers (docs/questionnaires.md#anonymity): a figure rests on at least ANONYMOUS_MINIMUM
 * answers, and a breakdown never narrows below it — not by a small group shown, nor by the difference between
 * the total and the groups shown (which would reveal the groups left out).
 */
export interface Aggregate {
  n: number;
  /** Null when withheld. */
  mean: number | null;
  sd: number | null;
  withheld: string | null;
}

export const withheldMessage = (n: number, minimum: number) =>
  n === 0 ? 'No answers yet.' : `Withheld: ${n} ${n === 1 ? 'answer' : 'answers'}, and an anonymous figure needs at least ${minimum} so that nobody's answers can be told apart.`;

/** Mean and SD (n − 1) of the values, or withheld below the minimum. */
export function aggregate(values: readonly number[], minimum = ANONYMOUS_MINIMUM): Aggregate {
  const n = values.length;
  if (n < minimum || n === 0) return { n, mean: null, sd: null, withheld: withheldMessage(n, minimum) };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / n;
  const sd = n > 1 ? Math.sqrt(sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : null;
  return { n, mean, sd, withheld: null };
}

export const OTHER_GROUPS = 'Other departments';

/**
 * A breakdown of `total` into groups: each group shown has at least `minimum` answers; the groups too small are
 * put together as "Other departments" when they are `minimum` or more together. When what is left over would be
 * 1 to `minimum − 1` answers (so total minus the groups shown would give them away), the smallest shown group
 * joins it, until it is large enough or nothing is broken down.
 */
export function breakdown(groups: ReadonlyMap<string, readonly number[]>, minimum = ANONYMOUS_MINIMUM): Array<{ group: string } & Aggregate> {
  const bySize = [...groups].filter(([, v]) => v.length > 0).sort((a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]));
  const shown = bySize.filter(([, v]) => v.length >= minimum);
  const left = bySize.filter(([, v]) => v.length < minimum);
  let rest = left.reduce((n, [, v]) => n + v.length, 0);
  while (rest > 0 && rest < minimum && shown.length > 0) {
    const smallest = shown.shift()!;
    left.push(smallest);
    rest += smallest[1].length;
  }
  // Nothing to break down: "other departments" would be the whole vessel again.
  if ((rest > 0 && rest < minimum) || shown.length === 0) return [];
  const rows = shown.map(([group, values]) => ({ group, ...aggregate(values, minimum) }));
  if (rest > 0) rows.push({ group: OTHER_GROUPS, ...aggregate(left.flatMap(([, v]) => v), minimum) });
  return rows.sort((a, b) => (a.group === OTHER_GROUPS ? 1 : b.group === OTHER_GROUPS ? -1 : a.group.localeCompare(b.group)));
}
