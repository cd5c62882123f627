import { writeCsv } from '../../engine/csv';
import { analysisReport, analysisSummary, instrumentSummary, resultTable, type AnalysisResult } from '../../engine/psychometrics';
import type { HandlerGroup } from '../api/dispatcher';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { builtinInstruments, findInstrument } from './builtin';
import { asAppError } from './input-errors';
import { psychometricsPool } from './pool';

type PsychometricsMethods = 'psychometrics.instruments' | 'psychometrics.instrument' | 'psychometrics.analyze';

/**
 * Analysis of responses passed in the call: it needs no stored data, so it answers even when the database is in
 * recovery. Stored results, norms and local groups are in assessment-handlers.ts.
 */
export function psychometricsHandlers(ctx: ServiceContext): HandlerGroup<PsychometricsMethods> {
  return {
    'psychometrics.instruments': () => [...builtinInstruments().values()].map((def) => instrumentSummary(def)),
    'psychometrics.instrument': ({ id }) => findInstrument(id),
    'psychometrics.analyze': async (input, { task }) => {
      const pool = psychometricsPool(ctx);
      const instrument = typeof input.instrument === 'string' ? findInstrument(input.instrument) : input.instrument;
      task.progress(0, null, 'Reading the responses');
      const read = await pool.read({ ...input, instrument }, task.signal);
      if (!read.ok) throw new AppError('VALIDATION', read.message, { issues: read.issues });
      const analysing = `Analysing ${read.input.responses.n} respondent${read.input.responses.n === 1 ? '' : 's'}`;
      task.progress(0, null, analysing);
      let result: AnalysisResult;
      try {
        result = await pool.analyze({ ...read.input, options: input.options }, { signal: task.signal, onProgress: (done, total) => task.progress(done, total, analysing) });
      } catch (error) {
        throw asAppError(error);
      }
      task.throwIfCancelled();
      const table = input.include.csv ? resultTable(result) : null;
      return {
        ...analysisReport(result),
        notices: result.notices,
        ...(input.include.summary ? { summary: analysisSummary(result, read.title) } : {}),
        ...(table ? { csv: writeCsv(table.header, table.rows) } : {}),
      };
    },
  };
}
