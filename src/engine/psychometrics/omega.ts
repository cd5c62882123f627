import { pseudoInverseDiagonal, symmetricEigen } from './matrix';

/**
 * McDonald's omega from one factor, as `psych::omega(x, nfactors = 1, fm = "minres")` reports it
 * (docs/psychometrics.md#4-mcdonalds-omega):
 * `omega_tot = (1'R1 − Σu²)/1'R1`, `omega_h = (Σλ)²/1'R1`, with items of negative loading flipped first (R then
 * is the flipped matrix). The minres (ULS) loadings are found by iterated principal axes from h² = SMC, which
 * converges to the same least-squares solution (within 1.2e-7 of psych's optimiser:
 * docs/psychometrics.md#4-mcdonalds-omega).
 */
export interface OmegaResult {
  total: number;
  hierarchical: number;
  loadings: Float64Array;
  iterations: number;
  /** A communality reached psych's bound (a loading near or above 1): the fit is improper. */
  heywood: boolean;
}

const TOLERANCE = 1e-13;
/**
 * psych::fa's minres optimiser keeps every uniqueness in [0.005, 1], so a communality stops at 0.995; the
 * loadings still come from the eigenpair and may exceed 1 (a Heywood case, which psych reports as it is).
 */
const MAX_COMMUNALITY = 1 - 0.005;
const MAX_ITERATIONS = 20_000;

/** Top eigenpair by power iteration from a starting vector (shifted so the top eigenvalue dominates). */
function topEigen(a: Float64Array, m: number, start: Float64Array, shift: number): number {
  const v = start;
  const w = new Float64Array(m);
  let value = 0;
  for (let step = 0; step < 500; step += 1) {
    for (let i = 0; i < m; i += 1) {
      let s = shift * v[i]!;
      for (let j = 0; j < m; j += 1) s += a[i * m + j]! * v[j]!;
      w[i] = s;
    }
    let norm = 0;
    for (let i = 0; i < m; i += 1) norm += w[i]! * w[i]!;
    norm = Math.sqrt(norm);
    let change = 0;
    for (let i = 0; i < m; i += 1) {
      const next = w[i]! / norm;
      change = Math.max(change, Math.abs(next - v[i]!));
      v[i] = next;
    }
    value = norm - shift;
    if (change < 1e-15) break;
  }
  return value;
}

/** R: an m × m correlation matrix (pairwise, docs/psychometrics.md#4-mcdonalds-omega). Null when undefined (fewer than 3 items, NA, no fit). */
export function omegaOneFactor(r: Float64Array, m: number): OmegaResult | null {
  if (m < 3 || r.some((x) => !Number.isFinite(x))) return null;
  const smcInverse = pseudoInverseDiagonal(r, m);
  const h2 = Float64Array.from(smcInverse, (d) => Math.min(MAX_COMMUNALITY, Math.max(0, 1 - 1 / d)));
  const work = Float64Array.from(r);
  const setDiagonal = () => {
    for (let i = 0; i < m; i += 1) work[i * m + i] = h2[i]!;
  };
  setDiagonal();
  const first = symmetricEigen(work, m);
  const vector = Float64Array.from({ length: m }, (_, i) => first.vectors[i * m]!);
  const shift = Math.max(0, -first.values[m - 1]!) + 1;
  const loadings = new Float64Array(m);
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; iterations += 1) {
    const value = iterations === 0 ? first.values[0]! : topEigen(work, m, vector, shift);
    if (!(value > 0)) return null;
    const root = Math.sqrt(value);
    let change = 0;
    for (let i = 0; i < m; i += 1) {
      loadings[i] = vector[i]! * root;
      const next = Math.min(MAX_COMMUNALITY, loadings[i]! ** 2);
      change = Math.max(change, Math.abs(next - h2[i]!));
      h2[i] = next;
    }
    setDiagonal();
    if (change < TOLERANCE) break;
  }
  if (iterations === MAX_ITERATIONS) return null;
  // psych::fa orients the factor so that the loadings sum positive; omega then flips negative items.
  let sum = 0;
  for (let i = 0; i < m; i += 1) sum += loadings[i]!;
  if (sum < 0) for (let i = 0; i < m; i += 1) loadings[i] = -loadings[i]!;
  let vt = 0;
  let uniqueness = 0;
  let absSum = 0;
  for (let i = 0; i < m; i += 1) {
    const ki = loadings[i]! < 0 ? -1 : 1;
    for (let j = 0; j < m; j += 1) vt += ki * (loadings[j]! < 0 ? -1 : 1) * r[i * m + j]!;
    uniqueness += 1 - loadings[i]! ** 2;
    absSum += Math.abs(loadings[i]!);
  }
  const heywood = h2.some((h) => h >= MAX_COMMUNALITY);
  return { total: (vt - uniqueness) / vt, hierarchical: (absSum * absSum) / vt, loadings, iterations, heywood };
}
