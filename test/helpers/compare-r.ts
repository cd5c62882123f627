import type { AnalysisResult, Reliability } from '../../src/engine/psychometrics';
import type { Reference } from './r-reference';

/**
 * Holds an analysis against R's figures with the tolerances of the issue: 1e-9 absolute, omega 1e-6,
 * Mahalanobis D² 1e-9 relative. Returns every mismatch (empty = equal), and the worst differences seen.
 */
export const TOLERANCE = { absolute: 1e-9, omega: 1e-6, mahalanobisRelative: 1e-9 };

export interface Comparison {
  mismatches: string[];
  compared: number;
  worst: Record<string, number>;
}

export function compareWithR(result: AnalysisResult, ref: Reference): Comparison {
  const out: Comparison = { mismatches: [], compared: 0, worst: {} };
  const check = (name: string, ours: number, theirs: number, tolerance = TOLERANCE.absolute, relative = false) => {
    out.compared += 1;
    const bothMissing = !Number.isFinite(ours) && Number.isNaN(theirs);
    const difference = bothMissing ? 0 : Math.abs(ours - theirs) / (relative ? Math.max(Math.abs(theirs), Number.MIN_VALUE) : 1);
    const kind = name.replace(/\[\d+\]/g, '').replace(/^(scale|facet) [^.]+/, '$1');
    out.worst[kind] = Math.max(out.worst[kind] ?? 0, Number.isNaN(difference) ? Number.POSITIVE_INFINITY : difference);
    if (!(difference <= tolerance)) out.mismatches.push(`${name}: ours ${ours}, R ${theirs}`);
  };
  const groups: Array<[string, string, Reliability, number]> = [
    ...result.layout.scales.map((g, i) => ['scale', g.id, result.scales[i]!, i] as [string, string, Reliability, number]),
    ...result.layout.facets.map((g, i) => ['facet', g.id, result.facets[i]!, i] as [string, string, Reliability, number]),
  ];
  for (const [kind, id, r, index] of groups) {
    const p = `${kind}.${id}`;
    const name = `${kind} ${id}`;
    const figures: Array<[string, number]> = [
      ['raw', r.alpha.raw], ['std', r.alpha.std], ['g6', r.alpha.g6], ['averageR', r.alpha.averageR],
      ['signalNoise', r.alpha.signalNoise], ['ase', r.alpha.ase], ['medianR', r.alpha.medianR], ['varR', r.alpha.varR],
      ['mean', r.total.mean], ['sd', r.total.sd], ['feldtLower', r.feldt.lower], ['feldtUpper', r.feldt.upper], ['items', r.items],
    ];
    for (const [figure, ours] of figures) check(`${name}.${figure}`, ours, ref.number(`${p}.${figure}`));
    const itemIds = ref.text(`${p}.itemIds`).split(',');
    if (itemIds.join() !== r.itemStats.map((s) => s.item).join()) out.mismatches.push(`${name}: items ${r.itemStats.map((s) => s.item)} vs R ${itemIds}`);
    const columns: Array<[string, (s: Reliability['itemStats'][number]) => number]> = [
      ['item.n', (s) => s.n], ['item.mean', (s) => s.mean], ['item.sd', (s) => s.sd], ['item.raw.r', (s) => s.rawR],
      ['item.std.r', (s) => s.stdR], ['item.r.cor', (s) => s.rCor], ['item.r.drop', (s) => s.rDrop],
      ['drop.raw_alpha', (s) => s.alphaIfDropped.raw], ['drop.std.alpha', (s) => s.alphaIfDropped.std],
      ['drop.G6(smc)', (s) => s.alphaIfDropped.g6], ['drop.average_r', (s) => s.alphaIfDropped.averageR],
      ['drop.S/N', (s) => s.alphaIfDropped.signalNoise], ['drop.var.r', (s) => s.alphaIfDropped.varR], ['drop.med.r', (s) => s.alphaIfDropped.medianR],
    ];
    if (ref.has(`${p}.drop.alpha se`)) columns.push(['drop.alpha se', (s) => s.alphaIfDropped.ase]);
    for (const [column, pick] of columns) {
      ref.vector(`${p}.${column}`).forEach((theirs, i) => check(`${name}.${column}[${i}]`, r.itemStats[i] ? pick(r.itemStats[i]!) : Number.NaN, theirs));
    }
    if (ref.has(`${p}.omega`)) {
      const [total, hierarchical] = ref.vector(`${p}.omega`);
      check(`${name}.omega.total`, r.omega?.total ?? Number.NaN, total!, TOLERANCE.omega);
      check(`${name}.omega.hierarchical`, r.omega?.hierarchical ?? Number.NaN, hierarchical!, TOLERANCE.omega);
    }
    const means = kind === 'scale' ? result.scaleMeans : result.facetMeans;
    const width = kind === 'scale' ? result.layout.scales.length : result.layout.facets.length;
    ref.vector(`${p}.scoreMean`).forEach((theirs, i) => check(`${name}.scoreMean[${i}]`, means[i * width + index]!, theirs));
  }
  const c = result.careless;
  const vector = (name: string, ours: ArrayLike<number>, tolerance = TOLERANCE.absolute, relative = false) =>
    ref.vector(`careless.${name}`).forEach((theirs, i) => check(`${name}[${i}]`, ours[i]!, theirs, tolerance, relative));
  vector('longstringMax', c.longstringMax);
  vector('longstringAvg', c.longstringAvg);
  vector('irv', c.irv);
  vector('mahalanobis', c.mahalanobis, TOLERANCE.mahalanobisRelative, true);
  vector('mahalanobisFlag', Array.from(c.mahalanobis, (d) => (Number.isFinite(d) ? Number(d > c.mahalanobisCutoff) : Number.NaN)));
  vector('evenOdd', c.evenOdd);
  if (ref.has('careless.evenOddFacets')) vector('evenOddFacets', c.evenOddFacets);
  vector('psychSyn', c.psychSyn);
  vector('psychAnt', c.psychAnt);
  vector('psychSynScored', c.psychSynScored);
  return out;
}
