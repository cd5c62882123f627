import type { AssessmentContext, NormRef, StoredScaleScore } from '../../shared/api';
import { analysisOptionsSchema, type InstrumentDefinition, type PersonReport } from '../../shared/psychometrics';
import type { ProctoringEvent } from '../../shared/questionnaires';
import { comparisonMinimum, personReport, responsesFromRows, responseTimesFromRows, type AnalysisResult } from '../../engine/psychometrics';
import { withProctoring } from '../../engine/questionnaires';
import { yieldToEventLoop, type TaskHandle } from '../api/tasks';
import type { ServiceContext } from '../context';
import { newId } from '../db/ids';
import { rememberScores } from './local-groups';
import { assessmentResults } from '../db/schema';
import { asAppError } from './input-errors';
import { psychometricsPool } from './pool';
import { referenceSample } from './reference-sample';
import { readAssessmentSettings } from './settings';

const INSERT_CHUNK = 500;

export interface BatchToStore {
  instrument: InstrumentDefinition;
  /** Item columns in presentation order (docs/psychometrics.md#1-data-conventions). */
  items: string[];
  rows: ReadonlyArray<{ personId: string; takenOn: string; values: Array<number | null>; times?: Array<number | null>; snapshot?: SessionSnapshot }>;
  context: AssessmentContext;
  normRef: NormRef | null;
  sourceFile: string | null;
}

/** What a questionnaire taken in the app adds to its result (docs/questionnaires.md#the-snapshot). */
export interface SessionSnapshot {
  sessionId: string;
  language: string;
  engineVersion: string;
  proctoring: ProctoringEvent[];
  pauses: number;
  startedAt: string | null;
}

const storedScores = (scores: PersonReport['scales']): Record<string, StoredScaleScore> =>
  Object.fromEntries(Object.entries(scores).map(([id, s]) => [id, { mean: s.mean, sum: s.sum }]));

/**
 * Scores one batch in the worker pool with the validity cut-offs of the settings, and inserts the results.
 * Mahalanobis D² and psychometric synonyms compare each person with a group
 * (docs/psychometrics.md#5-careless-responding): a batch too small to be that group is compared together with the
 * stored results of the same instrument and population. The caller holds the transaction (a long write), so a
 * failure or a cancel stores nothing.
 */
export async function scoreAndStore(ctx: ServiceContext, batch: BatchToStore, task: TaskHandle): Promise<{ batchId: string; ids: string[]; notices: string[] }> {
  const { instrument, rows } = batch;
  const settings = readAssessmentSettings(ctx);
  let scored: AnalysisResult;
  try {
    const { layout, responses } = responsesFromRows(instrument, batch.items, rows.map((row, i) => ({ id: String(i), values: row.values })));
    // Response times come with questionnaires taken in the app; an import has none.
    const times = rows.some((row) => row.times) ? responseTimesFromRows(layout, responses, batch.items, rows.map((row, i) => ({ id: String(i), values: row.times ?? row.values.map(() => null) }))) : null;
    const options = analysisOptionsSchema.parse({ respondents: batch.context, thresholds: settings.thresholds });
    const small = rows.length < comparisonMinimum(layout.items.length, options.comparisonMinimum);
    const reference = small ? await referenceSample(ctx, instrument.id, batch.context, layout.items, new Set(rows.map((r) => r.personId))) : null;
    scored = await psychometricsPool(ctx).analyze(
      { layout, responses, times, norms: null, options, reference },
      { signal: task.signal, onProgress: (done, total) => task.progress(done, total + 1, 'Scoring answers') },
    );
  } catch (error) {
    task.throwIfCancelled();
    throw asAppError(error);
  }
  const batchId = newId();
  const ids: string[] = [];
  const { size, minimum, reference } = scored.comparison;
  const scaleOrder = [...instrument.scales.map((s) => s.id), ...instrument.facets.map((f) => f.id)];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    task.progress(start, rows.length, 'Storing results');
    const chunk = rows.slice(start, start + INSERT_CHUNK).map((row, offset) => {
      const person = personReport(scored, start + offset);
      const id = newId();
      ids.push(id);
      const proctoring = row.snapshot?.proctoring ?? [];
      const judged = proctoring.length ? withProctoring(scored.findings[start + offset]!, proctoring, settings.thresholds) : null;
      rememberScores(id, { ...person.scales, ...person.facets }, scaleOrder);
      return {
        id,
        personId: row.personId,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        takenOn: row.takenOn,
        context: batch.context,
        items: scored.layout.items,
        answers: row.values,
        answered: person.answered,
        scales: storedScores(person.scales),
        facets: storedScores(person.facets),
        careless: person.careless,
        responseTime: person.responseTime,
        verdict: judged?.verdict ?? person.validity.verdict,
        reasons: judged ? judged.findings.map(({ index, value, cutoff, message }) => ({ index, value, cutoff, message })) : person.validity.reasons,
        notComputed: person.validity.notComputed,
        comparison: { size, minimum, reference },
        normRef: batch.normRef,
        batchId,
        batchSize: rows.length,
        sourceFile: batch.sourceFile,
        ...(row.snapshot && {
          sessionId: row.snapshot.sessionId,
          language: row.snapshot.language,
          engineVersion: row.snapshot.engineVersion,
          itemTimes: row.times ?? null,
          proctoring,
          pauses: row.snapshot.pauses,
          startedAt: row.snapshot.startedAt,
        }),
      };
    });
    ctx.db().insert(assessmentResults).values(chunk).run();
    await yieldToEventLoop();
    task.throwIfCancelled();
  }
  task.progress(rows.length, rows.length, 'Stored');
  return { batchId, ids, notices: scored.notices };
}
