/**
 * Dense linear algebra for the small symmetric matrices of reliability analysis (a scale's items) and the
 * item covariance of Mahalanobis D². Row-major Float64Arrays of n × n.
 */

export function submatrix(a: Float64Array, n: number, index: ArrayLike<number>): Float64Array {
  const m = index.length;
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i += 1) {
    const row = index[i]! * n;
    for (let j = 0; j < m; j += 1) out[i * m + j] = a[row + index[j]!]!;
  }
  return out;
}

export interface Eigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Eigenvectors as columns: vectors[i * n + c] is component i of vector c. */
  vectors: Float64Array;
}

/** Cyclic Jacobi rotations: accurate eigen-decomposition of a symmetric matrix (n up to a few hundred). */
export function symmetricEigen(input: Float64Array, n: number): Eigen {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += a[p * n + q]! ** 2;
    if (off === 0 || !Number.isFinite(off)) break;
    for (let p = 0; p < n - 1; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k += 1) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k += 1) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k += 1) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y * n + y]! - a[x * n + x]!);
  const values = Float64Array.from(order, (i) => a[i * n + i]!);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    for (let i = 0; i < n; i += 1) vectors[i * n + to] = v[i * n + from]!;
  });
  return { values, vectors };
}

/** psych::Pinv's cut: singular values below √ε × the largest are treated as zero. */
const PINV_TOLERANCE = Math.sqrt(2 ** -52);

/** Diagonal of the Moore–Penrose inverse of a symmetric matrix, as psych::Pinv computes it (via the SVD). */
export function pseudoInverseDiagonal(a: Float64Array, n: number, eigen: Eigen = symmetricEigen(a, n)): Float64Array {
  const { values, vectors } = eigen;
  const largest = Math.max(...Array.from(values, Math.abs));
  const out = new Float64Array(n);
  for (let c = 0; c < n; c += 1) {
    const value = values[c]!;
    if (!(Math.abs(value) > PINV_TOLERANCE * largest)) continue;
    for (let i = 0; i < n; i += 1) out[i] = out[i]! + vectors[i * n + c]! ** 2 / value;
  }
  return out;
}

/** Full inverse from an eigen-decomposition (the matrix must be non-singular). */
export function inverseFromEigen(eigen: Eigen, n: number): Float64Array {
  const { values, vectors } = eigen;
  const out = new Float64Array(n * n);
  for (let c = 0; c < n; c += 1) {
    const inv = 1 / values[c]!;
    for (let i = 0; i < n; i += 1) {
      const vi = vectors[i * n + c]! * inv;
      for (let j = 0; j < n; j += 1) out[i * n + j] = out[i * n + j]! + vi * vectors[j * n + c]!;
    }
  }
  return out;
}

/**
 * Inverse by LU decomposition with partial pivoting (what R's `solve` does through LAPACK dgesv). Returns null
 * when the matrix is singular to working precision (R stops with "system is computationally singular").
 */
export function luInverse(input: Float64Array, n: number): Float64Array | null {
  const a = Float64Array.from(input);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  let scale = 0;
  for (let i = 0; i < n * n; i += 1) scale = Math.max(scale, Math.abs(a[i]!));
  if (!(scale > 0) || !Number.isFinite(scale)) return null;
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    if (Math.abs(a[pivot * n + col]!) <= scale * n * 2 ** -52) return null;
    if (pivot !== col) {
      for (let c = 0; c < n; c += 1) {
        const t = a[col * n + c]!;
        a[col * n + c] = a[pivot * n + c]!;
        a[pivot * n + c] = t;
      }
      const t = perm[col]!;
      perm[col] = perm[pivot]!;
      perm[pivot] = t;
    }
    const d = a[col * n + col]!;
    for (let r = col + 1; r < n; r += 1) {
      const f = (a[r * n + col]! /= d);
      if (f === 0) continue;
      for (let c = col + 1; c < n; c += 1) a[r * n + c] = a[r * n + c]! - f * a[col * n + c]!;
    }
  }
  const inv = new Float64Array(n * n);
  const x = new Float64Array(n);
  for (let e = 0; e < n; e += 1) {
    // Solve L U x = P e_e.
    for (let i = 0; i < n; i += 1) {
      let s = perm[i] === e ? 1 : 0;
      for (let j = 0; j < i; j += 1) s -= a[i * n + j]! * x[j]!;
      x[i] = s;
    }
    for (let i = n - 1; i >= 0; i -= 1) {
      let s = x[i]!;
      for (let j = i + 1; j < n; j += 1) s -= a[i * n + j]! * x[j]!;
      x[i] = s / a[i * n + i]!;
    }
    for (let i = 0; i < n; i += 1) inv[i * n + e] = x[i]!;
  }
  return inv;
}

/** Median of a list (the mean of the middle two for an even count), NaN when empty. */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const m = sorted.length;
  if (m === 0) return Number.NaN;
  return m % 2 ? sorted[(m - 1) / 2]! : (sorted[m / 2 - 1]! + sorted[m / 2]!) / 2;
}

/** Sample variance (n − 1), two-pass; NaN for fewer than two values. */
export function variance(values: ArrayLike<number>): number {
  const m = values.length;
  if (m < 2) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < m; i += 1) sum += values[i]!;
  const mean = sum / m;
  let ss = 0;
  for (let i = 0; i < m; i += 1) ss += (values[i]! - mean) ** 2;
  return ss / (m - 1);
}
