import { firstPass, secondPass, type FirstPassInput, type SecondPassInput } from '../../engine/psychometrics/blocks';
import { readAnalysisSources, type AnalysisSources } from '../psychometrics/analysis-sources';

/**
 * A worker thread of the psychometrics pool: reads an analysis's files, or runs one pass of the engine over a
 * block of rows. The response matrix arrives on a SharedArrayBuffer (not copied); the answers are plain data.
 */
export type PsychometricsTask =
  | { pass: 'read'; sources: AnalysisSources }
  | { pass: 'first'; input: FirstPassInput; start: number; end: number }
  | { pass: 'second'; input: SecondPassInput; start: number; end: number };

export default function run(task: PsychometricsTask) {
  if (task.pass === 'read') return readAnalysisSources(task.sources);
  return task.pass === 'first' ? firstPass(task.input, task.start, task.end) : secondPass(task.input, task.start, task.end);
}
