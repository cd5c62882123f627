import type { Department } from '../../shared/domain/crew';
import { everyoneGroup, NO_POSITION_GROUP, type Grouping } from '../../shared/psychometrics/names';
import type { NormTable, Population } from '../../shared/psychometrics/norms';
import { words } from '../../shared/words';

/**
 * Local norm groups from stored results (docs/psychometrics.md#2-scale-scores-and-norms: the IPIP recommends local
 * norms). A person counts once per population — with their latest result that is not invalid — and belongs to the
 * position they held when they answered; failing that the one they joined next (an applicant who was hired),
 * failing that the nearest earlier one. Applicants and crew in post always form separate groups. Pure and free of
 * npm packages: the worker pool runs it, so no request of the core waits for it.
 */

export const DEFAULT_MIN_GROUP_SIZE = 30;

/** One respondent's scale scores, labelled with the comparison group they belong to. */
export interface LocalNormRecord {
  group: string;
  population: Population;
  scores: Record<string, number | null>;
}

export interface LocalNormGroup {
  group: string;
  population: Population;
  /** People in the group. */
  n: number;
  /** Whether every scale has at least the minimum number of scores. */
  sufficient: boolean;
  /** Why there are no percentiles, in plain words; null when sufficient. */
  message: string | null;
  scales: Array<{ scale: string; n: number; mean: number | null; sd: number | null }>;
  /** A norm table of the scales that have enough scores (and some spread); null when none has. */
  table: NormTable | null;
}

const POPULATIONS = new Set<Population>(['applicant', 'incumbent', 'volunteer', 'unspecified']);

/**
 * Mean and sd (n − 1) per scale of each group, from a score matrix (members × scales, NaN = no score) and each
 * member's group; a group below the minimum size says so instead of yielding percentiles.
 */
function groupNorms(
  groups: ReadonlyArray<{ group: string; population: Population }>,
  memberGroup: Int32Array,
  scores: Float64Array,
  scaleIds: readonly string[],
  minimum: number,
): LocalNormGroup[] {
  if (!Number.isInteger(minimum) || minimum < 2) throw new RangeError('The minimum group size must be a whole number of at least 2');
  const width = scaleIds.length;
  const size = groups.length * width;
  const [count, sum, squares] = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
  const members = new Int32Array(groups.length);
  memberGroup.forEach((g, m) => {
    members[g] = members[g]! + 1;
    for (let s = 0; s < width; s += 1) {
      const x = scores[m * width + s]!;
      if (x === x) {
        count[g * width + s] = count[g * width + s]! + 1;
        sum[g * width + s] = sum[g * width + s]! + x;
      }
    }
  });
  // Deviations from the mean in a second pass: as exact as summing a list, whatever the size of the group.
  memberGroup.forEach((g, m) => {
    for (let s = 0; s < width; s += 1) {
      const x = scores[m * width + s]!;
      const at = g * width + s;
      if (x === x) squares[at] = squares[at]! + (x - sum[at]! / count[at]!) ** 2;
    }
  });
  return groups.map(({ group, population }, g) => {
    const scales = scaleIds.map((scale, s) => {
      const n = count[g * width + s]!;
      const mean = n ? sum[g * width + s]! / n : null;
      return { scale, n, mean, sd: n > 1 ? Math.sqrt(squares[g * width + s]! / (n - 1)) : null };
    });
    const usable = scales.filter((s) => s.n >= minimum && s.sd !== null && s.sd > 0);
    const sufficient = usable.length === scales.length && scales.length > 0;
    const smallest = Math.min(...scales.map((s) => s.n));
    const name = group === everyoneGroup(population) ? `"${group}"` : `"${group}" (${words.populations[population]})`;
    const message = sufficient
      ? null
      : smallest < minimum
        ? `Only ${smallest} ${smallest === 1 ? 'person has' : 'people have'} scores in ${name}; at least ${minimum} are needed before percentiles are shown.`
        : `The scores in ${name} do not vary on every scale, so they cannot serve as norms.`;
    const table: NormTable | null = usable.length
      ? {
          label: group,
          population,
          source: 'local',
          rows: usable.map((s) => ({ scale: s.scale, mean: s.mean!, sd: s.sd!, n: s.n, source: 'local', label: group })),
        }
      : null;
    return { group, population, n: members[g]!, sufficient, message, scales, table };
  });
}

/** Groups members by label and population, in order of first appearance. */
function indexGroups(labels: ArrayLike<string>, populations: ArrayLike<Population>) {
  const index = new Map<string, number>();
  const groups: Array<{ group: string; population: Population }> = [];
  const memberGroup = new Int32Array(labels.length);
  for (let m = 0; m < labels.length; m += 1) {
    const population = populations[m]!;
    if (!POPULATIONS.has(population)) throw new RangeError(`"${String(population)}" is not a population`);
    const key = `${population}|${labels[m]}`;
    let g = index.get(key);
    if (g === undefined) {
      g = groups.push({ group: labels[m]!, population }) - 1;
      index.set(key, g);
    }
    memberGroup[m] = g;
  }
  return { groups, memberGroup };
}

/** Mean and sd (n − 1) per scale and group of labelled records; a group below the minimum size says so. */
export function localNorms(records: readonly LocalNormRecord[], options: { minGroupSize?: number; scales?: readonly string[] } = {}): LocalNormGroup[] {
  const scaleIds = options.scales ?? [...new Set(records.flatMap((r) => Object.keys(r.scores)))];
  const score = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : Number.NaN);
  const scores = Float64Array.from(records.flatMap((r) => scaleIds.map((s) => score(r.scores[s]))));
  const { groups, memberGroup } = indexGroups(records.map((r) => r.group), records.map((r) => r.population));
  return groupNorms(groups, memberGroup, scores, scaleIds, options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE);
}

export interface Stint {
  startDate: string;
  endDate: string | null;
  title: string;
  department: Department;
}
export interface Post {
  title: string | null;
  department: Department | null;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The post held on `takenOn`; else the one joined next (an applicant who was hired); else the nearest earlier. */
export function postOn(stints: readonly Stint[] | undefined, takenOn: string): Post {
  if (!stints?.length) return { title: null, department: null };
  const rank = (s: Stint) => (s.startDate <= takenOn && (s.endDate === null || s.endDate >= takenOn) ? 0 : s.startDate > takenOn ? 1 : 2);
  const distance = (s: Stint) => Math.abs(dayNumber(s.startDate) - dayNumber(takenOn));
  let best = stints[0]!;
  for (const s of stints) if (rank(s) < rank(best) || (rank(s) === rank(best) && distance(s) < distance(best))) best = s;
  return { title: best.title, department: best.department };
}

/** The name of the local group a result belongs to under a grouping: one name wherever the group is shown. */
export function groupLabel(by: Grouping, post: Post, population: Population): string {
  if (by === 'context') return everyoneGroup(population);
  if (by === 'position') return post.title ?? NO_POSITION_GROUP;
  return post.department ? words.departments[post.department] : NO_POSITION_GROUP;
}

/**
 * Live results of one instrument as the core reads them: plain columns, cheap to hand to a worker thread.
 * `scores` holds each result's scale and facet means (results × scales, NaN = none).
 */
export interface StoredResults {
  ids: string[];
  people: string[];
  populations: Array<'applicant' | 'incumbent'>;
  takenOn: string[];
  invalid: Uint8Array;
}

/** Index of each person's latest result per population that is not invalid (ties: the later id). */
export function latestUsable(results: StoredResults, personLive: (personId: string) => boolean = () => true): number[] {
  const best = new Map<string, number>();
  for (let i = 0; i < results.ids.length; i += 1) {
    if (results.invalid[i] || !personLive(results.people[i]!)) continue;
    const key = `${results.people[i]}|${results.populations[i]}`;
    const current = best.get(key);
    if (current === undefined || results.takenOn[i]! > results.takenOn[current]! || (results.takenOn[i] === results.takenOn[current] && results.ids[i]! > results.ids[current]!)) best.set(key, i);
  }
  return [...best.values()].sort((a, b) => a - b);
}

export interface LocalGroupsInput {
  results: StoredResults;
  /** results × scales.length, row-major. */
  scores: Float64Array;
  scales: string[];
  /** People archived: their results count for nothing. */
  archivedPeople: string[];
  /** Live assignments per person, oldest first. */
  stints: Record<string, Stint[]>;
  groupings: Grouping[];
  minGroupSize: number;
}

export interface LocalGroupsOutput {
  /** People (per population) whose results went into the groups. */
  results: number;
  /** Invalid results of live people, left out. */
  excludedInvalid: number;
  groups: Partial<Record<Grouping, LocalNormGroup[]>>;
}

/** The local groups of every grouping asked for, sorted by label then population. */
export function computeLocalGroups(input: LocalGroupsInput): LocalGroupsOutput {
  const { results, scores, scales } = input;
  const archived = new Set(input.archivedPeople);
  const live = (personId: string) => !archived.has(personId);
  const chosen = latestUsable(results, live);
  let excludedInvalid = 0;
  for (let i = 0; i < results.ids.length; i += 1) if (results.invalid[i] && live(results.people[i]!)) excludedInvalid += 1;
  const width = scales.length;
  const chosenScores = new Float64Array(chosen.length * width);
  chosen.forEach((i, m) => chosenScores.set(scores.subarray(i * width, (i + 1) * width), m * width));
  const populations = chosen.map((i) => results.populations[i]!);
  const posts = chosen.map((i) => postOn(input.stints[results.people[i]!], results.takenOn[i]!));
  const output: LocalGroupsOutput = { results: chosen.length, excludedInvalid, groups: {} };
  for (const by of input.groupings) {
    const { groups, memberGroup } = indexGroups(posts.map((post, m) => groupLabel(by, post, populations[m]!)), populations);
    output.groups[by] = groupNorms(groups, memberGroup, chosenScores, scales, input.minGroupSize).sort((a, b) => a.group.localeCompare(b.group) || a.population.localeCompare(b.population));
  }
  return output;
}
