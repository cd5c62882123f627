import type { AnalysisReport, AnalysisSummary, PersonReport, ReliabilityReport } from '../../shared/psychometrics';
import type { AnalysisResult } from './analysis';
import type { ScaleLayout } from './layout';
import type { Reliability } from './reliability';

/** JSON has no NaN: an undefined figure is null (issue 3 §9). */
export const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function reliabilityReport(r: Reliability): ReliabilityReport {
  const a = r.alpha;
  return {
    items: r.items,
    alpha: {
      raw: orNull(a.raw),
      std: orNull(a.std),
      g6: orNull(a.g6),
      averageR: orNull(a.averageR),
      signalNoise: orNull(a.signalNoise),
      ase: orNull(a.ase),
      medianR: orNull(a.medianR),
      varR: orNull(a.varR),
    },
    omega: r.omega ? { total: orNull(r.omega.total), hierarchical: orNull(r.omega.hierarchical) } : null,
    itemStats: r.itemStats.map((s) => ({
      item: s.item,
      n: s.n,
      mean: orNull(s.mean),
      sd: orNull(s.sd),
      rawR: orNull(s.rawR),
      stdR: orNull(s.stdR),
      rCor: orNull(s.rCor),
      rDrop: orNull(s.rDrop),
      alphaIfDropped: {
        raw: orNull(s.alphaIfDropped.raw),
        std: orNull(s.alphaIfDropped.std),
        g6: orNull(s.alphaIfDropped.g6),
        averageR: orNull(s.alphaIfDropped.averageR),
      },
    })),
  };
}

function scores(groups: readonly ScaleLayout[], i: number, means: Float64Array, sums: Float64Array, z: Float64Array, percentile: Float64Array) {
  const width = groups.length;
  const out: PersonReport['scales'] = {};
  groups.forEach((group, g) => {
    const at = i * width + g;
    const zi = orNull(z[at]!);
    out[group.id] = { mean: orNull(means[at]!), sum: orNull(sums[at]!), z: zi, t: zi === null ? null : 50 + 10 * zi, percentile: orNull(percentile[at]!) };
  });
  return out;
}

export function personReport(result: AnalysisResult, i: number): PersonReport {
  const { layout, careless: c, responseTime: rt } = result;
  const d2 = c.mahalanobis[i]!;
  return {
    id: result.ids[i]!,
    answered: result.answered[i]!,
    scales: scores(layout.scales, i, result.scaleMeans, result.scaleSums, result.scaleZ, result.scalePercentile),
    facets: scores(layout.facets, i, result.facetMeans, result.facetSums, result.facetZ, result.facetPercentile),
    careless: {
      longstringMax: orNull(c.longstringMax[i]!),
      longstringAvg: orNull(c.longstringAvg[i]!),
      irv: orNull(c.irv[i]!),
      mahalanobis: orNull(d2),
      mahalanobisFlag: Number.isFinite(d2) ? d2 > c.mahalanobisCutoff : null,
      evenOdd: orNull(c.evenOdd[i]!),
      evenOddFacets: layout.facets.length ? orNull(c.evenOddFacets[i]!) : null,
      psychSyn: orNull(c.psychSyn[i]!),
      psychAnt: orNull(c.psychAnt[i]!),
    },
    responseTime:
      rt && rt.present[i]
        ? {
            totalSeconds: orNull(rt.totalSeconds[i]!),
            medianSeconds: orNull(rt.medianSeconds[i]!),
            itemsUnderThreshold: rt.itemsUnderThreshold[i]!,
            pageTimeIndex: rt.pageTimeIndex[i]!,
          }
        : null,
    validity: {
      verdict: result.verdicts[i]!,
      reasons: result.findings[i]!.map(({ index, value, cutoff, message }) => ({ index, value, cutoff, message })),
      notComputed: result.notComputed[i]!,
    },
  };
}

/** The report in exactly the documented shape (`harmony analyze --json`, `psychometrics.analyze`). */
export function analysisReport(result: AnalysisResult): AnalysisReport {
  const { layout } = result;
  const byId = (groups: readonly ScaleLayout[], reliabilities: readonly Reliability[]) =>
    Object.fromEntries(groups.map((g, i) => [g.id, reliabilityReport(reliabilities[i]!)]));
  return {
    instrument: { id: layout.instrumentId, items: layout.items.length, min: layout.min, max: layout.max },
    scales: byId(layout.scales, result.scales),
    facets: byId(layout.facets, result.facets),
    people: Array.from({ length: result.n }, (_, i) => personReport(result, i)),
  };
}

/**
 * One row per respondent for a spreadsheet (`--csv-out`): scores, careless indices, response time, verdict
 * and reasons. Empty cells where a figure is undefined.
 */
export function resultTable(result: AnalysisResult): { header: string[]; rows: Array<Array<string | number>> } {
  const { layout } = result;
  const cell = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '' : x);
  const groupColumns = (groups: readonly ScaleLayout[]) =>
    groups.flatMap((g) => [`${g.id}_mean`, `${g.id}_sum`, ...(result.normed ? [`${g.id}_z`, `${g.id}_t`, `${g.id}_percentile`] : [])]);
  const header = [
    'id',
    'answered',
    ...groupColumns(layout.scales),
    ...groupColumns(layout.facets),
    'longstring_max',
    'longstring_avg',
    'irv',
    'mahalanobis',
    'mahalanobis_flag',
    'evenodd',
    ...(layout.facets.length ? ['evenodd_facets'] : []),
    'psychsyn',
    'psychant',
    'psychsyn_scored',
    ...(result.responseTime ? ['rt_total_seconds', 'rt_median_seconds', 'rt_items_under_threshold', 'rt_page_time_index'] : []),
    'verdict',
    'reasons',
  ];
  const rows = Array.from({ length: result.n }, (_, i) => {
    const person = personReport(result, i);
    const groupCells = (values: PersonReport['scales']) =>
      Object.values(values).flatMap((s) => [cell(s.mean), cell(s.sum), ...(result.normed ? [cell(s.z), cell(s.t), cell(s.percentile)] : [])]);
    const c = person.careless;
    const rt = person.responseTime;
    return [
      person.id,
      person.answered,
      ...groupCells(person.scales),
      ...groupCells(person.facets),
      cell(c.longstringMax),
      cell(c.longstringAvg),
      cell(c.irv),
      cell(c.mahalanobis),
      c.mahalanobisFlag === null ? '' : c.mahalanobisFlag ? 'TRUE' : 'FALSE',
      cell(c.evenOdd),
      ...(layout.facets.length ? [cell(c.evenOddFacets)] : []),
      cell(c.psychSyn),
      cell(c.psychAnt),
      cell(result.careless.psychSynScored[i]),
      ...(result.responseTime ? (rt ? [cell(rt.totalSeconds), cell(rt.medianSeconds), rt.itemsUnderThreshold, rt.pageTimeIndex] : ['', '', '', '']) : []),
      person.validity.verdict,
      person.validity.reasons.map((r) => r.message).join(' | '),
    ];
  });
  return { header, rows };
}

/** The figures of the readable report beside the JSON one: Feldt's interval, totals, dropped items, item pairs. */
export function analysisSummary(result: AnalysisResult, title: string): AnalysisSummary {
  const { layout, pairs } = result;
  const lines = (groups: readonly ScaleLayout[], reliabilities: readonly Reliability[]) =>
    groups.map((g, i) => {
      const r = reliabilities[i]!;
      return {
        id: g.id,
        name: g.name,
        items: r.items,
        dropped: r.dropped,
        alpha: { raw: orNull(r.alpha.raw), std: orNull(r.alpha.std), g6: orNull(r.alpha.g6), averageR: orNull(r.alpha.averageR) },
        feldt: { lower: orNull(r.feldt.lower), upper: orNull(r.feldt.upper) },
        omegaTotal: r.omega ? orNull(r.omega.total) : null,
        total: { mean: orNull(r.total.mean), sd: orNull(r.total.sd) },
      };
    });
  const named = (list: typeof pairs.strongest) => list.map((p) => ({ first: layout.items[p.first]!, second: layout.items[p.second]!, r: orNull(p.r) }));
  return {
    title,
    scales: lines(layout.scales, result.scales),
    facets: lines(layout.facets, result.facets),
    pairs: { critval: pairs.critval, synonyms: pairs.synonyms, antonyms: pairs.antonyms, strongest: named(pairs.strongest), strongestNegative: named(pairs.strongestNegative) },
  };
}
