import { addDays, format, parseISO } from 'date-fns';
import type { AssessmentContext } from '../../shared/api';
import type { InstrumentDefinition } from '../../shared/psychometrics';
import type { TaskHandle } from '../api/tasks';
import type { ServiceContext } from '../context';
import { builtinInstrument } from '../psychometrics/builtin';
import { scoreAndStore } from '../psychometrics/score-store';

/**
 * Synthetic IPIP-NEO-120 answers for the sample fleet (no real people): every crew member answered once in post,
 * and about half of them — plus everyone joining or between contracts — once as an applicant, so the local
 * groups of the Assessments screen have something to show (most position groups stay below 30 and say so).
 */

/** Applicants describe themselves more favourably: d = .45 C, .44 emotional stability, .13 O, .11 E (docs/psychometrics.md#2-scale-scores-and-norms). */
const APPLICANT_SHIFT: Record<string, number> = { C: 0.45, N: -0.44, O: 0.13, E: 0.11, A: 0 };
const LOADING = 0.75;

type Kind = 'attentive' | 'random' | 'straight';

function answers(instrument: InstrumentDefinition, random: () => number, context: AssessmentContext, kind: Kind): Array<number | null> {
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const { min, max } = instrument.response;
  if (kind === 'random') return instrument.items.map(() => min + Math.floor(random() * (max - min + 1)));
  if (kind === 'straight') {
    const constant = min + Math.floor(random() * (max - min + 1));
    return instrument.items.map(() => constant);
  }
  const domain = new Map(instrument.scales.map((s) => [s.id, gauss() + (context === 'applicant' ? (APPLICANT_SHIFT[s.id] ?? 0) : 0)]));
  const facet = new Map(instrument.facets.map((f) => [f.id, 0.7 * domain.get(f.scale)! + 0.7 * gauss()]));
  const mid = (min + max) / 2;
  return instrument.items.map((item) => {
    const trait = item.facet ? facet.get(item.facet)! : domain.get(item.scale)!;
    const latent = LOADING * trait * item.keyed + Math.sqrt(1 - LOADING * LOADING) * gauss();
    // A few unanswered items, as real questionnaires have.
    if (random() < 0.01) return null;
    return Math.min(max, Math.max(min, Math.round(mid + 0.9 * latent)));
  });
}

interface Answerer {
  personId: string;
  /** Start of their earliest assignment, or null when they never had one. */
  firstStart: string | null;
}

export async function loadSampleAssessments(ctx: ServiceContext, task: TaskHandle, today: string, random: () => number): Promise<number> {
  const instrument = builtinInstrument('ipip-neo-120')!;
  const day = (date: string, offset: number) => format(addDays(parseISO(date), offset), 'yyyy-MM-dd');
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const kind = (): Kind => {
    const x = random();
    return x < 0.05 ? 'random' : x < 0.08 ? 'straight' : 'attentive';
  };
  const people = ctx
    .sqlite()
    .prepare('SELECT p.id AS personId, min(a.start_date) AS firstStart FROM people p LEFT JOIN assignments a ON a.person_id = p.id AND a.archived_at IS NULL WHERE p.archived_at IS NULL GROUP BY p.id ORDER BY p.sort_key, p.id')
    .all() as Answerer[];
  const batches: Record<AssessmentContext, Array<{ personId: string; takenOn: string; values: Array<number | null> }>> = { applicant: [], incumbent: [] };
  for (const { personId, firstStart } of people) {
    const started = firstStart !== null && firstStart <= today;
    if (started) {
      const inPost = day(firstStart, between(14, 200));
      batches.incumbent.push({ personId, takenOn: inPost < today ? inPost : today, values: answers(instrument, random, 'incumbent', kind()) });
    }
    if (!started || random() < 0.5) {
      const applied = started ? day(firstStart, -between(14, 60)) : day(today, -between(3, 40));
      batches.applicant.push({ personId, takenOn: applied, values: answers(instrument, random, 'applicant', kind()) });
    }
  }
  const items = instrument.items.map((i) => i.id);
  for (const context of ['incumbent', 'applicant'] as const) {
    await scoreAndStore(ctx, { instrument, items, rows: batches[context], context, normRef: null, sourceFile: 'sample fleet (synthetic)' }, task);
  }
  return batches.incumbent.length + batches.applicant.length;
}
