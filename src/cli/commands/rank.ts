import { parseArgs } from 'node:util';
import { SUB_SCORES } from '../../shared/fit/model';
import type { Output } from '../../shared/api';
import { isIsoDate } from '../../shared/domain/dates';
import { EXIT, UsageError, type CliCommand } from '../io';
import { withCore } from '../with-core';
import type { Core } from '../../core/core';
import { inSentence, words } from '../../shared/words';

const USAGE = `harmony rank --vessel NAME|ID --position TITLE|ID [--preset NAME] [--threshold T] [--limit N]
             [--as-of DATE] [--json] [--data-dir DIR]

Candidates for a position ranked by FitScore (0–1): certificates, experience, availability, right to work,
culture and engagement, weighted by a preset (balanced, safety-critical, guest-facing, or weights saved in the
app). Each candidate with their strengths and gaps in words and how much data stands behind the score.
Advisory: a person decides; every ranking printed is logged with who, when, the model and the inputs.

  --vessel NAME|ID     the vessel, by name or id
  --position TITLE|ID  the position on it, by title or id
  --preset NAME        the weights (default balanced)
  --threshold T        list only scores of at least T (0–1, default 0)
  --limit N            list at most N candidates (default all)
  --as-of DATE         the day of the ranking and the planned start (YYYY-MM-DD, default today)
  --json               the ranking as JSON on stdout`;

function pickOne<T extends { id: string }>(items: readonly T[], wanted: string, nameOf: (item: T) => string, what: string, where: string): T {
  const byId = items.find((i) => i.id === wanted);
  if (byId) return byId;
  const matches = items.filter((i) => nameOf(i).trim().toLowerCase() === wanted.trim().toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new UsageError(`${matches.length} ${what}s are named "${wanted}"${where}; give the id instead: ${matches.map((m) => m.id).join(', ')}`);
  throw new UsageError(`There is no ${what} "${wanted}"${where}; known: ${items.map(nameOf).join(', ') || 'none'}`);
}

async function findPosition(core: Core, vessel: string, position: string) {
  const vessels = await core.call('vessels.list', {});
  const v = pickOne(vessels, vessel, (x) => x.name, 'vessel', '');
  const detail = await core.call('vessels.get', { id: v.id });
  return pickOne(detail.positions.filter((p) => p.archivedAt === null), position, (p) => p.title, 'position', ` on ${v.name}`);
}

const percent = (x: number | null) => (x === null ? '   —' : `${Math.round(x * 100)}`.padStart(4));

function summary(r: Output<'fit.rank'>): string {
  const lines = [
    `${r.position.title} on ${r.position.vessel}, start ${r.position.startDate} (first tour to ${r.position.tourEnd})`,
    `Weights: ${r.preset} — ${SUB_SCORES.map((s) => `${inSentence(words.subScores[s])} ${Math.round(r.weights[s] * 100)}%`).join(', ')}`,
    `${r.candidates.length} of ${r.considered} candidates shown (threshold ${r.threshold}${r.limit ? `, at most ${r.limit}` : ''}); prediction model ${r.model.version}${r.model.n ? ` (${r.model.n} outcomes)` : ' (research defaults)'}`,
    '',
    `  score  conf  success  name`,
  ];
  for (const c of r.candidates) {
    lines.push(`  ${percent(c.score)}%  ${percent(c.confidence)}%  ${percent(c.prediction.probability)}%    ${c.name}`);
    if (c.strengths.length) lines.push(`      + ${c.strengths.slice(0, 3).join('; ')}`);
    if (c.gaps.length) lines.push(`      − ${c.gaps.slice(0, 3).join('; ')}`);
  }
  lines.push('', r.advisory);
  return lines.join('\n');
}

export const rankCommand: CliCommand = {
  name: 'rank',
  summary: 'Rank candidates for a position by FitScore, each explained (advisory; logged)',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        vessel: { type: 'string' },
        position: { type: 'string' },
        preset: { type: 'string' },
        threshold: { type: 'string' },
        limit: { type: 'string' },
        'as-of': { type: 'string' },
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
      },
    });
    if (!values.vessel) throw new UsageError('--vessel NAME|ID is required');
    if (!values.position) throw new UsageError('--position TITLE|ID is required');
    const threshold = values.threshold === undefined ? 0 : Number(values.threshold);
    if (values.threshold !== undefined && (values.threshold.trim() === '' || !Number.isFinite(threshold))) throw new UsageError(`--threshold must be a number between 0 and 1, not "${values.threshold}"`);
    const limit = values.limit === undefined ? null : Number(values.limit);
    if (limit !== null && (!Number.isInteger(limit) || limit < 1)) throw new UsageError(`--limit must be a whole number of at least 1, not "${values.limit}"`);
    const asOf = values['as-of'];
    if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not "${asOf}"`);
    return withCore(io, values['data-dir'], async (core) => {
      const position = await findPosition(core, values.vessel!, values.position!);
      const ranking = await core.call('fit.rank', { positionId: position.id, preset: values.preset ?? 'balanced', threshold, limit, ...(asOf ? { asOf } : {}), channel: 'export' });
      if (values.json) {
        io.out(
          JSON.stringify({
            position: { id: ranking.position.id, vessel: ranking.position.vessel, title: ranking.position.title },
            preset: ranking.preset,
            weights: ranking.weights,
            threshold: ranking.threshold,
            considered: ranking.considered,
            candidates: ranking.candidates.map((c) => ({ personId: c.personId, name: c.name, score: c.score, subScores: c.subScores, confidence: c.confidence, strengths: c.strengths, gaps: c.gaps })),
          }),
        );
      } else io.out(summary(ranking));
      return EXIT.ok;
    });
  },
};
