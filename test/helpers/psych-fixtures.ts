import { analyze, layoutFor, parseInstrumentDefinition, type AnalysisResult } from '../../src/engine/psychometrics';
import { analysisOptionsSchema, type AnalysisOptionsInput, type InstrumentDefinition, type NormTable } from '../../src/shared/psychometrics';

/** A definition from a compact list: `[id, scale, keyed, facet?]`. */
export function instrument(id: string, items: Array<[string, string, 1 | -1, string?]>, range = { min: 1, max: 5 }): InstrumentDefinition {
  const scales = [...new Set(items.map((i) => i[1]))];
  const facets = [...new Set(items.flatMap((i) => (i[3] ? [i[3]] : [])))];
  return parseInstrumentDefinition({
    id,
    response: range,
    scales: scales.map((s) => ({ id: s })),
    facets: facets.map((f) => ({ id: f, scale: items.find((i) => i[3] === f)![1] })),
    items: items.map(([item, scale, keyed, facet]) => ({ id: item, scale, keyed, facet: facet ?? null })),
  });
}

/** Analyses rows of answers (null = missing) in one thread. */
export function analyzeRows(
  def: InstrumentDefinition,
  rows: Array<Array<number | null>>,
  options: AnalysisOptionsInput = {},
  norms: NormTable | null = null,
): AnalysisResult {
  const k = def.items.length;
  const values = Float64Array.from(rows.flat(), (x) => (x === null ? Number.NaN : x));
  return analyze({
    layout: layoutFor(def, def.items.map((i) => i.id)),
    responses: { ids: rows.map((_, i) => `R${i + 1}`), n: rows.length, k, values },
    times: null,
    norms,
    options: analysisOptionsSchema.parse(options),
  });
}
