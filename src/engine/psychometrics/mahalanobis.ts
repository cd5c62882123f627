import { luInverse } from './matrix';

/**
 * Mahalanobis D² as careless::mahad gets it from psych::outlier (docs/psychometrics.md#5-careless-responding): Σ =
 * cov_pw(X) over every respondent, x̃ = X − colMeans(X), D² = Σ_j Σ_l x̃_j Σ⁻¹_jl x̃_l with every term of a missing
 * x̃ left out (= 0). All-NA rows are dropped first (they contribute nothing to Σ either) and get no D².
 */
export interface MahalanobisModel {
  k: number;
  means: Float64Array;
  /** Σ⁻¹, k × k; null when Σ is singular (R's solve() stops there). */
  inverse: Float64Array | null;
}

export function mahalanobisModel(covariance: Float64Array, means: Float64Array, k: number): MahalanobisModel {
  const inverse = covariance.every(Number.isFinite) ? luInverse(covariance, k) : null;
  // x'Ax only sees the symmetric part of A; averaging the rounding asymmetry of the LU inverse lets the kernel
  // read one triangle.
  if (inverse) {
    for (let j = 0; j < k; j += 1) {
      for (let l = 0; l < j; l += 1) {
        const a = (inverse[j * k + l]! + inverse[l * k + j]!) / 2;
        inverse[j * k + l] = a;
        inverse[l * k + j] = a;
      }
    }
  }
  return { k, means, inverse };
}

const ROWS = 4;

/** D² for rows [start, end) into out[r − start]. Four rows share each load of Σ⁻¹. */
export function mahalanobisRows(model: MahalanobisModel, values: Float64Array, start: number, end: number, out: Float64Array): void {
  const { k, means, inverse } = model;
  if (!inverse) {
    out.fill(Number.NaN, 0, end - start);
    return;
  }
  const x = new Float64Array(ROWS * k);
  const answered = new Int32Array(ROWS);
  for (let r0 = start; r0 < end; r0 += ROWS) {
    const rows = Math.min(ROWS, end - r0);
    x.fill(0);
    answered.fill(0);
    for (let b = 0; b < rows; b += 1) {
      const base = (r0 + b) * k;
      for (let j = 0; j < k; j += 1) {
        const v = values[base + j]!;
        if (v === v) {
          x[b * k + j] = v - means[j]!;
          answered[b] = answered[b]! + 1;
        }
      }
    }
    let d0 = 0, d1 = 0, d2 = 0, d3 = 0;
    const k2 = 2 * k, k3 = 3 * k;
    for (let j = 0; j < k; j += 1) {
      const o = j * k;
      let t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      for (let l = 0; l < j; l += 1) {
        const a = inverse[o + l]!;
        t0 += a * x[l]!;
        t1 += a * x[k + l]!;
        t2 += a * x[k2 + l]!;
        t3 += a * x[k3 + l]!;
      }
      const ajj = inverse[o + j]!;
      const x0 = x[j]!, x1 = x[k + j]!, x2 = x[k2 + j]!, x3 = x[k3 + j]!;
      d0 += x0 * (ajj * x0 + 2 * t0);
      d1 += x1 * (ajj * x1 + 2 * t1);
      d2 += x2 * (ajj * x2 + 2 * t2);
      d3 += x3 * (ajj * x3 + 2 * t3);
    }
    const d = [d0, d1, d2, d3];
    for (let b = 0; b < rows; b += 1) out[r0 - start + b] = answered[b] ? d[b]! : Number.NaN;
  }
}
