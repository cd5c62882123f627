import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { normTableSchema, type AnalysisOptions, type InstrumentDefinition, type NormRow, type NormTable, type Population } from '../../shared/psychometrics';
import { cellPath, columnIndex, parseCsv, parseNumberCell, rowPath } from './csv';
import { inputError, PsychometricsInputError } from './errors';
import type { Layout, ScaleLayout } from './layout';
import { words } from '../../shared/words';

/** z, T and percentile of a scale mean against one norm row (docs/psychometrics.md#2-scale-scores-and-norms): z = (x − μ)/σ, T = 50 + 10z, 100·Φ(z). */
export function normScores(mean: number, norm: Pick<NormRow, 'mean' | 'sd'>): { z: number; t: number; percentile: number } {
  const z = (mean - norm.mean) / norm.sd;
  return { z, t: 50 + 10 * z, percentile: 100 * normalCdf(z, 0, 1) };
}

const populationWords: Record<string, Population> = {
  applicant: 'applicant',
  applicants: 'applicant',
  candidate: 'applicant',
  candidates: 'applicant',
  incumbent: 'incumbent',
  incumbents: 'incumbent',
  employee: 'incumbent',
  employees: 'incumbent',
  crew: 'incumbent',
  volunteer: 'volunteer',
  volunteers: 'volunteer',
  research: 'volunteer',
  unspecified: 'unspecified',
  '': 'unspecified',
};

/** A norm table has a row per scale and facet: far fewer than this. */
const MAX_NORM_ROWS = 5_000;

/**
 * Norm table CSV: `scale,mean,sd[,n,source,label]` (issue 3 §2), plus an optional `population` column
 * (applicant / incumbent / volunteer). A file is one comparison group: rows of different labels or
 * populations are refused rather than mixed (docs/psychometrics.md#2-scale-scores-and-norms).
 */
export function parseNormsCsv(text: string, instrument: InstrumentDefinition | null, source = 'norms.csv'): NormTable {
  const table = parseCsv(text, source, { maxRows: MAX_NORM_ROWS });
  const col = columnIndex(table, ['scale', 'mean', 'sd'], ['n', 'source', 'label', 'population']);
  const issues: Array<{ path: string; message: string }> = [];
  const known = instrument ? new Set([...instrument.scales.map((s) => s.id), ...instrument.facets.map((f) => f.id)]) : null;
  const rows: NormRow[] = [];
  const labels = new Map<string, number>();
  const populations = new Map<Population, number>();
  table.rows.forEach((row, r) => {
    const cell = (c: number | null) => (c === null ? '' : row[c]!);
    const scale = cell(col.scale);
    if (scale === '') issues.push({ path: cellPath(table, r, col.scale), message: 'the scale is empty' });
    else if (known && !known.has(scale)) issues.push({ path: cellPath(table, r, col.scale), message: `"${scale}" is not a scale or facet of ${instrument!.id}` });
    const number = (c: number, what: string, check: (x: number) => string | null) => {
      const value = parseNumberCell(cell(c));
      const problem = value === null ? `"${cell(c)}" is not a number` : check(value);
      if (problem) issues.push({ path: cellPath(table, r, c), message: `${what}: ${problem}` });
      return value ?? Number.NaN;
    };
    const mean = number(col.mean, 'mean', () => null);
    const sd = number(col.sd, 'sd', (x) => (x > 0 ? null : 'must be greater than 0'));
    const n = col.n === null || cell(col.n) === '' ? null : number(col.n, 'n', (x) => (Number.isInteger(x) && x > 0 ? null : 'must be a whole number above 0'));
    const label = cell(col.label) || null;
    const populationText = cell(col.population).toLowerCase();
    const population = populationWords[populationText];
    if (population === undefined) {
      issues.push({ path: cellPath(table, r, col.population!), message: `"${cell(col.population)}" is not a population; use applicant, incumbent or volunteer` });
    } else if (col.population !== null && !populations.has(population)) populations.set(population, r);
    if (label !== null && !labels.has(label)) labels.set(label, r);
    rows.push({ scale, mean, sd, n, source: cell(col.source) || null, label });
  });
  const mixed = (what: string, seen: Map<string, number>) => {
    if (seen.size < 2) return;
    const listed = [...seen].map(([value, r]) => `"${value}" (${rowPath(table, r)})`).join(' and ');
    issues.push({ path: source, message: `mixes ${what} ${listed}: one file holds one comparison group, never a mixture of groups` });
  };
  mixed('norm groups', labels);
  mixed('populations', populations);
  if (issues.length) throw inputError(`${source} cannot be used as a norm table`, issues);
  const parsed = normTableSchema.safeParse({
    label: labels.keys().next().value ?? null,
    population: populations.keys().next().value ?? 'unspecified',
    source: rows.find((row) => row.source)?.source ?? null,
    rows,
  });
  if (!parsed.success) {
    throw inputError(
      `${source} cannot be used as a norm table`,
      parsed.error.issues.map((issue) => {
        const [, index] = issue.path;
        return { path: typeof index === 'number' ? rowPath(table, index) : source, message: issue.message };
      }),
    );
  }
  return parsed.data;
}


/**
 * Applicants against incumbent or volunteer norms (or the reverse) is refused unless asked for explicitly:
 * applicants exceed non-applicants by d = .45 (C), .44 (ES), .13 (O), .11 (E) (Birkeland et al. 2006), so
 * their percentiles would look better than they are. Returns what a person should be told.
 */
export function checkNormPopulation(respondents: Population, table: NormTable, allowMismatch: boolean): string[] {
  const group = table.label ? `"${table.label}"` : 'the norm table';
  const norms = table.population;
  if (respondents === 'unspecified' || norms === 'unspecified') {
    return [
      `Percentiles compare with ${group}, which describes ${words.populations[norms]}; the respondents are ${words.populations[respondents]}. ` +
        'Applicants score higher than volunteers or crew in post (d ≈ .45 on conscientiousness and emotional stability), so compare like with like.',
    ];
  }
  if (respondents === norms) return [];
  const message =
    `The respondents are ${words.populations[respondents]} but ${group} describes ${words.populations[norms]}. Applicants exceed non-applicants ` +
    'by d = .45 (conscientiousness), .44 (emotional stability), .13 (openness) and .11 (extraversion) (Birkeland et al. 2006), so the percentiles would mislead.';
  if (!allowMismatch) throw new PsychometricsInputError(`${message} Use norms of the same population, or allow the mismatch explicitly.`, [{ path: 'norms.population', message }]);
  return [`${message} Compared anyway, as asked.`];
}

/**
 * z and percentile of every scale and facet mean against the norm table (NaN where it has no row), with notes
 * on the population and on scales the table does not cover.
 */
export function placeOnNorms(
  layout: Layout,
  norms: NormTable | null,
  options: Pick<AnalysisOptions, 'respondents' | 'allowNormMismatch'>,
  scaleMeans: Float64Array,
  facetMeans: Float64Array,
  notices: string[],
) {
  const place = (groups: readonly ScaleLayout[], means: Float64Array) => {
    const width = groups.length;
    const z = new Float64Array(means.length).fill(Number.NaN);
    const percentile = new Float64Array(means.length).fill(Number.NaN);
    if (!norms) return { z, percentile };
    groups.forEach((group, g) => {
      const row = norms.rows.find((r) => r.scale === group.id);
      if (!row) return;
      for (let i = g; i < means.length; i += width) {
        const mean = means[i]!;
        if (mean !== mean) continue;
        const s = normScores(mean, row);
        z[i] = s.z;
        percentile[i] = s.percentile;
      }
    });
    return { z, percentile };
  };
  if (norms) {
    notices.push(...checkNormPopulation(options.respondents, norms, options.allowNormMismatch));
    const covered = new Set(norms.rows.map((r) => r.scale));
    const missing = layout.scales.filter((s) => !covered.has(s.id)).map((s) => s.id);
    if (missing.length) notices.push(`The norm table has no row for ${missing.join(', ')}: no z, T or percentile there.`);
    const unknown = norms.rows.filter((r) => ![...layout.scales, ...layout.facets].some((g) => g.id === r.scale)).map((r) => r.scale);
    if (unknown.length) notices.push(`The norm table's rows ${unknown.join(', ')} are not scales of ${layout.instrumentId} and are not used.`);
  }
  const scales = place(layout.scales, scaleMeans);
  const facets = place(layout.facets, facetMeans);
  return { scaleZ: scales.z, scalePercentile: scales.percentile, facetZ: facets.z, facetPercentile: facets.percentile, normed: norms !== null };
}
