import type { NormOption } from '../../../../shared/api';
import type { Verdict } from '../../../../shared/psychometrics';
import { words } from '../../../../shared/words';

/** Badge colours and number formats of the assessments screens; their words are the dictionary's (src/shared/words). */
export const VERDICT_BADGE: Record<Verdict, string> = { valid: 'ok', questionable: 'warn', invalid: 'bad' };

export const fixed = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? '—' : x.toFixed(digits));

/** A norm as offered in a "Compare with" list: name, population (unless the name says it), size, sufficiency. */
export function normOptionLabel(o: Pick<NormOption, 'ref' | 'norm' | 'sufficient'>): string {
  const n = o.norm.n === null ? '' : `, n = ${o.norm.n}`;
  // "All applicants" names its population already.
  const population = o.ref.kind === 'local' && o.ref.by === 'context' ? '' : ` — ${words.populations[o.norm.population]}`;
  return `${o.norm.label}${population}${n}${o.sufficient ? '' : ' (below the minimum size)'}`;
}
