import { firstPass, secondPass, type FirstPassInput, type SecondPassInput } from '../../engine/psychometrics/blocks';
import { readAnalysisSources, type AnalysisSources } from './analysis-sources';
import { bestSwaps, type SwapOutcome, type SwapSearch } from '../../engine/fit/swaps';
import { analyzeTeam } from '../../engine/team/team';
import type { TeamFigures, TeamInput } from '../../engine/team/types';
import { computeLocalGroups, type LocalGroupsInput } from '../../engine/psychometrics/local-groups';
import { accumulateMoments } from '../../engine/psychometrics/moments';

/**
 * A worker thread of the psychometrics pool: reads an analysis's files, runs one pass of the engine over a block
 * of rows, adds up the item moments of a block of a reference sample, computes local norm groups, the figures
 * of a batch of teams, or a share of the best single swaps. The response matrix arrives on a SharedArrayBuffer
 * (not copied); the answers are plain data.
 */
export type PsychometricsTask =
  | { pass: 'read'; sources: AnalysisSources }
  | { pass: 'first'; input: FirstPassInput; start: number; end: number }
  | { pass: 'second'; input: SecondPassInput; start: number; end: number }
  | { pass: 'moments'; values: Float64Array; k: number; start: number; end: number }
  | { pass: 'localGroups'; input: LocalGroupsInput }
  | { pass: 'teams'; inputs: TeamInput[] }
  | { pass: 'swaps'; search: SwapSearch };

export default function run(task: PsychometricsTask) {
  if (task.pass === 'read') return readAnalysisSources(task.sources);
  if (task.pass === 'swaps') return bestSwaps(task.search) satisfies SwapOutcome;
  if (task.pass === 'teams') return task.inputs.map((input): TeamFigures => analyzeTeam(input));
  if (task.pass === 'moments') return accumulateMoments(task.values, task.k, task.start, task.end);
  if (task.pass === 'localGroups') return computeLocalGroups(task.input);
  return task.pass === 'first' ? firstPass(task.input, task.start, task.end) : secondPass(task.input, task.start, task.end);
}
