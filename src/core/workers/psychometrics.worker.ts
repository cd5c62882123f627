import { firstPass, secondPass, type FirstPassInput, type SecondPassInput } from '../../engine/psychometrics/blocks';
import { accumulateMoments } from '../../engine/psychometrics/moments';

/**
 * A worker thread of the psychometrics pool: runs one pass of the engine over a block of rows, or adds up the
 * item moments of a block of a reference sample. The response matrix arrives on a SharedArrayBuffer (not
 * copied); the answers are plain typed arrays.
 */
export type PsychometricsTask =
  | { pass: 'first'; input: FirstPassInput; start: number; end: number }
  | { pass: 'second'; input: SecondPassInput; start: number; end: number }
  | { pass: 'moments'; values: Float64Array; k: number; start: number; end: number };

export default function run(task: PsychometricsTask) {
  if (task.pass === 'moments') return accumulateMoments(task.values, task.k, task.start, task.end);
  return task.pass === 'first' ? firstPass(task.input, task.start, task.end) : secondPass(task.input, task.start, task.end);
}
