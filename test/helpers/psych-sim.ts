/**
 * Seeded synthetic questionnaire data for tests and benchmarks (no real people): a facet model with reverse
 * keys, plus careless respondents (random, straight-lining, alternating) and missing answers.
 */
import { seededRandom } from '../../src/engine/random';

export interface SimItem {
  id: string;
  scale: string;
  facet: string | null;
  keyed: 1 | -1;
}

export interface SimOptions {
  n: number;
  seed: number;
  min?: number;
  max?: number;
  /** Share of cells left unanswered. */
  missingRate?: number;
  /** Rows with every answer missing. */
  emptyRows?: number;
  random?: number;
  straight?: number;
  alternating?: number;
  /** Loading of an item on its facet (higher = more internally consistent scales). */
  loading?: number;
}

/** Seeded, so generated response sets are the same on every run. */
export const prng = seededRandom;

export function normal(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** IPIP-NEO-120's structure (docs/psychometrics.md#1-data-conventions) with keys from the package; pass the instrument's items. */
export function simulate(items: readonly SimItem[], options: SimOptions): { ids: string[]; values: Float64Array; kinds: string[] } {
  const { n, seed, min = 1, max = 5, missingRate = 0, emptyRows = 0, random = 0, straight = 0, alternating = 0, loading = 0.75 } = options;
  const rand = prng(seed);
  const gauss = normal(rand);
  const k = items.length;
  const scales = [...new Set(items.map((i) => i.scale))];
  const facets = [...new Set(items.map((i) => i.facet ?? i.scale))];
  const values = new Float64Array(n * k);
  const kinds: string[] = [];
  const mid = (min + max) / 2;
  const spread = (max - min) / 4;
  for (let r = 0; r < n; r += 1) {
    const kind = r < random ? 'random' : r < random + straight ? 'straight' : r < random + straight + alternating ? 'alternating' : r < random + straight + alternating + emptyRows ? 'empty' : 'attentive';
    kinds.push(kind);
    const domain = new Map(scales.map((s) => [s, gauss()]));
    const facet = new Map(facets.map((f) => [f, 0]));
    for (const item of items) facet.set(item.facet ?? item.scale, 0.7 * domain.get(item.scale)! + 0.7 * gauss());
    const constant = min + Math.floor(rand() * (max - min + 1));
    for (let j = 0; j < k; j += 1) {
      const item = items[j]!;
      let x: number;
      if (kind === 'random') x = min + Math.floor(rand() * (max - min + 1));
      else if (kind === 'straight') x = constant;
      else if (kind === 'alternating') x = j % 2 ? Math.min(max, min + 1) : Math.max(min, max - 1);
      else {
        const latent = loading * facet.get(item.facet ?? item.scale)! * item.keyed + Math.sqrt(1 - loading * loading) * gauss();
        x = Math.min(max, Math.max(min, Math.round(mid + 1.3 * spread * latent * 1.4)));
      }
      values[r * k + j] = kind === 'empty' || rand() < missingRate ? Number.NaN : x;
    }
  }
  // Shuffle the kinds through the sample so that blocks and positions mix.
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const shuffled = new Float64Array(n * k);
  order.forEach((from, to) => shuffled.set(values.subarray(from * k, from * k + k), to * k));
  return { ids: order.map((_, i) => `P${String(i + 1).padStart(4, '0')}`), values: shuffled, kinds: order.map((i) => kinds[i]!) };
}

/** Responses as CSV text (`id`, then one column per item; NA for missing). */
export function toCsv(itemIds: readonly string[], ids: readonly string[], values: Float64Array): string {
  const k = itemIds.length;
  const lines = [['id', ...itemIds].join(',')];
  ids.forEach((id, r) => {
    const row = Array.from(values.subarray(r * k, r * k + k), (x) => (Number.isNaN(x) ? 'NA' : String(x)));
    lines.push([id, ...row].join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** A small custom instrument: scales × facets × items per facet, every third item reverse-keyed. */
export function customItems(scales: number, facetsPerScale: number, itemsPerFacet: number): SimItem[] {
  const out: SimItem[] = [];
  for (let s = 0; s < scales; s += 1) {
    for (let f = 0; f < facetsPerScale; f += 1) {
      for (let i = 0; i < itemsPerFacet; i += 1) {
        out.push({ id: `s${s + 1}f${f + 1}i${i + 1}`, scale: `S${s + 1}`, facet: facetsPerScale ? `S${s + 1}F${f + 1}` : null, keyed: (out.length % 3 === 2 ? -1 : 1) });
      }
    }
  }
  // Interleave the scales so that items of one scale are not adjacent (as in IPIP inventories).
  return out.map((_, i) => out[(i % scales) * (out.length / scales) + Math.floor(i / scales)]!);
}
