import type { AssessmentContext } from '../../shared/api';
import { latestUsable, type ReferenceSample } from '../../engine/psychometrics';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import { yieldToEventLoop } from '../api/tasks';
import { liveResults } from './local-groups';
import { words } from '../../shared/words';

const FETCH_CHUNK = 500;

/**
 * The stored answers a batch too small to be its own comparison group is compared with: the same instrument and
 * population, each person's latest result that is not invalid (the local group of everyone of that population),
 * leaving out the people in the batch. The answers are laid out in the batch's item order; an item a stored
 * result lacks is a missing answer. Null when nothing is stored.
 */
export async function referenceSample(
  ctx: ServiceContext,
  instrumentId: string,
  context: AssessmentContext,
  items: readonly string[],
  batchPeople: ReadonlySet<string>,
): Promise<ReferenceSample | null> {
  const results = liveResults(ctx, instrumentId);
  const archived = new Set(statement(ctx.sqlite(), 'SELECT id FROM people WHERE archived_at IS NOT NULL').pluck().all() as string[]);
  const chosen = latestUsable(results, (personId) => !archived.has(personId) && !batchPeople.has(personId)).filter((i) => results.populations[i] === context);
  if (chosen.length === 0) return null;
  const k = items.length;
  const column = new Map(items.map((item, j) => [item, j]));
  const values = new Float64Array(chosen.length * k).fill(Number.NaN);
  for (let start = 0; start < chosen.length; start += FETCH_CHUNK) {
    if (start > 0) await yieldToEventLoop();
    const ids = chosen.slice(start, start + FETCH_CHUNK).map((i) => results.ids[i]!);
    const rows = statement(ctx.sqlite(), 'SELECT id, items, answers FROM assessment_results WHERE id IN (SELECT value FROM json_each(@ids))').all({ ids: JSON.stringify(ids) }) as Array<{
      id: string;
      items: string;
      answers: string;
    }>;
    const byId = new Map(rows.map((r) => [r.id, r]));
    ids.forEach((id, offset) => {
      const row = byId.get(id)!;
      const stored = JSON.parse(row.items) as string[];
      const answers = JSON.parse(row.answers) as Array<number | null>;
      const base = (start + offset) * k;
      stored.forEach((item, s) => {
        const j = column.get(item);
        const answer = answers[s];
        if (j !== undefined && answer !== null && answer !== undefined) values[base + j] = answer;
      });
    });
  }
  return { n: chosen.length, values, label: `stored results of ${words.populations[context]}` };
}
