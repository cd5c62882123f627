import { todayIsoDate } from '../../shared/domain/dates';
import { oneWayAnova } from '../../engine/fit';
import { dayNumber, inPost } from '../../engine/team';
import type { ServiceContext } from '../context';
import { scaleLists } from '../team/assemble';
import { crewStints } from '../manning/crew';
import { latestResults } from '../team/results';
import { fitInstrument } from './position';
import { words } from '../../shared/words';

/**
 * Do this fleet's trait profiles differ between departments or positions (docs/fit-and-prediction.md#anova)?
 * Crew in post on the day, each once with their latest usable result taken in post (applicants describe
 * themselves more favourably, so their results would blur the comparison); one ANOVA per domain.
 */
export async function traitAnova(ctx: ServiceContext, input: { by: 'department' | 'position'; asOf?: string }) {
  const asOf = input.asOf ?? todayIsoDate();
  const day = dayNumber(asOf);
  const instrument = fitInstrument(ctx);
  const groupOf = new Map<string, string>();
  for (const stint of crewStints(ctx, null)) {
    if (!inPost(stint, day) || groupOf.has(stint.personId)) continue;
    groupOf.set(stint.personId, input.by === 'department' ? words.departments[stint.department] : stint.positionTitle);
  }
  const { latest } = await latestResults(ctx, instrument.id, scaleLists(instrument).ids, [...groupOf.keys()]);
  const inPostResults = [...latest.values()].filter((r) => r.context === 'incumbent');
  const domains = scaleLists(instrument).domains.map((d) => {
    const groups = new Map<string, number[]>();
    for (const r of inPostResults) {
      const value = r.scores[d.id];
      if (typeof value !== 'number') continue;
      const label = groupOf.get(r.personId)!;
      groups.set(label, [...(groups.get(label) ?? []), value]);
    }
    const outcome = oneWayAnova([...groups.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([label, values]) => ({ label, values })));
    const result = outcome.result && { groups: outcome.result.groups, n: outcome.result.n, dfBetween: outcome.result.dfBetween, dfWithin: outcome.result.dfWithin, f: Number.isFinite(outcome.result.f) ? outcome.result.f : Number.MAX_VALUE, p: outcome.result.p, etaSquared: outcome.result.etaSquared };
    return { id: d.id, name: d.name, result, reason: outcome.reason };
  });
  return { by: input.by, asOf, domains, people: inPostResults.length };
}
