import { firstPass, secondPass, type FirstPassInput, type SecondPassInput } from '../../engine/psychometrics/blocks';

/**
 * A worker thread of the psychometrics pool: runs one pass of the engine over a block of rows. The response
 * matrix arrives on a SharedArrayBuffer (not copied); the answers are plain typed arrays.
 */
export type PsychometricsTask =
  | { pass: 'first'; input: FirstPassInput; start: number; end: number }
  | { pass: 'second'; input: SecondPassInput; start: number; end: number };

export default function run(task: PsychometricsTask) {
  return task.pass === 'first' ? firstPass(task.input, task.start, task.end) : secondPass(task.input, task.start, task.end);
}
