import { firstPass, secondPass, type FirstPassInput, type SecondPassInput } from '../../engine/psychometrics/blocks';
import { bestSwaps, type SwapOutcome, type SwapSearch } from '../../engine/fit/swaps';
import { analyzeTeam } from '../../engine/team/team';
import type { TeamFigures, TeamInput } from '../../engine/team/types';

/**
 * A worker thread of the psychometrics pool: runs one pass of the engine over a block of rows, or the figures of
 * a batch of teams. The response matrix arrives on a SharedArrayBuffer (not copied); the answers are plain data.
 */
export type PsychometricsTask =
  | { pass: 'first'; input: FirstPassInput; start: number; end: number }
  | { pass: 'second'; input: SecondPassInput; start: number; end: number }
  | { pass: 'teams'; inputs: TeamInput[] }
  | { pass: 'swaps'; search: SwapSearch };

export default function run(task: PsychometricsTask) {
  if (task.pass === 'swaps') return bestSwaps(task.search) satisfies SwapOutcome;
  if (task.pass === 'teams') return task.inputs.map((input): TeamFigures => analyzeTeam(input));
  return task.pass === 'first' ? firstPass(task.input, task.start, task.end) : secondPass(task.input, task.start, task.end);
}
