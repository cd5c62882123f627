import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { FitInputError } from './errors';
import { sigmoid } from './predict';

/**
 * Logistic regression by iteratively reweighted least squares, as R's `glm(family = binomial)` fits it (the same
 * start, μ = (y + ½)/2, and the same working response and weights), with standard errors from the inverse of the
 * information matrix XᵀWX at the estimate (docs/fit-and-prediction.md#recalibration). `x` is row-major n × p and
 * includes the intercept column. Checked against R in test/unit/fit/logistic.test.ts.
 */
export interface LogisticFit {
  coefficients: number[];
  standardErrors: number[];
  zValues: number[];
  pValues: number[];
  deviance: number;
  nullDeviance: number;
  logLikelihood: number;
  aic: number;
  /** 1 − deviance / null deviance. */
  mcFaddenR2: number;
  /** Likelihood-ratio test of the predictors together: χ², its degrees of freedom and p. */
  likelihoodRatio: { chiSquare: number; df: number; p: number };
  /** Mean squared difference between the fitted probability and the outcome. */
  brier: number;
  iterations: number;
  converged: boolean;
  /** Fitted probabilities at 0 or 1: the outcomes are (quasi-)separated and the estimates run off. */
  separated: boolean;
  n: number;
  events: number;
}

/** Cholesky factor L (row-major, lower) of a symmetric positive-definite p × p matrix; null when it is not. */
export function cholesky(a: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = a[i * p + j]!;
      for (let k = 0; k < j; k += 1) sum -= l[i * p + k]! * l[j * p + k]!;
      if (i === j) {
        if (!(sum > 1e-12 * Math.abs(a[i * p + i]!)) || !Number.isFinite(sum)) return null;
        l[i * p + i] = Math.sqrt(sum);
      } else l[i * p + j] = sum / l[j * p + j]!;
    }
  }
  return l;
}

function solve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i += 1) {
    let sum = b[i]!;
    for (let k = 0; k < i; k += 1) sum -= l[i * p + k]! * y[k]!;
    y[i] = sum / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i -= 1) {
    let sum = y[i]!;
    for (let k = i + 1; k < p; k += 1) sum -= l[k * p + i]! * x[k]!;
    x[i] = sum / l[i * p + i]!;
  }
  return x;
}

const binomialDeviance = (y: number, mu: number): number => 2 * (y * Math.log(y > 0 ? y / mu : 1) + (1 - y) * Math.log(y < 1 ? (1 - y) / (1 - mu) : 1));

export function fitLogistic(x: Float64Array, y: Float64Array, p: number, options: { epsilon?: number; maxIterations?: number } = {}): LogisticFit {
  const n = y.length;
  const epsilon = options.epsilon ?? 1e-10;
  const maxIterations = options.maxIterations ?? 50;
  if (x.length !== n * p) throw new FitInputError(`The data have ${x.length} values for ${n} rows of ${p} columns`);
  if (n <= p) throw new FitInputError(`A model of ${p} coefficients needs more than ${p} outcomes; there are ${n}`);
  for (let i = 0; i < n; i += 1) if (y[i] !== 0 && y[i] !== 1) throw new FitInputError(`Outcome ${i + 1} is ${y[i]}, not 0 or 1`);
  for (let i = 0; i < x.length; i += 1) if (!Number.isFinite(x[i]!)) throw new FitInputError(`Row ${Math.floor(i / p) + 1} has a value that is not a number`);
  const events = y.reduce((s, v) => s + v, 0);
  const mu = Float64Array.from(y, (v) => (v + 0.5) / 2);
  const eta = Float64Array.from(mu, (m) => Math.log(m / (1 - m)));
  let deviance = 0;
  for (let i = 0; i < n; i += 1) deviance += binomialDeviance(y[i]!, mu[i]!);
  let beta: Float64Array = new Float64Array(p);
  let factor: Float64Array | null = null;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations += 1;
    const info = new Float64Array(p * p);
    const rhs = new Float64Array(p);
    for (let i = 0; i < n; i += 1) {
      const w = mu[i]! * (1 - mu[i]!);
      const z = eta[i]! + (y[i]! - mu[i]!) / w;
      const row = i * p;
      for (let a = 0; a < p; a += 1) {
        const wa = w * x[row + a]!;
        rhs[a] = rhs[a]! + wa * z;
        for (let b = 0; b <= a; b += 1) info[a * p + b] = info[a * p + b]! + wa * x[row + b]!;
      }
    }
    for (let a = 0; a < p; a += 1) for (let b = 0; b < a; b += 1) info[b * p + a] = info[a * p + b]!;
    factor = cholesky(info, p);
    if (!factor) throw new FitInputError('The predictors are collinear (one is a combination of the others, or does not vary), so the model cannot be fitted');
    beta = solve(factor, p, rhs);
    let next = 0;
    for (let i = 0; i < n; i += 1) {
      let e = 0;
      for (let a = 0; a < p; a += 1) e += x[i * p + a]! * beta[a]!;
      eta[i] = e;
      mu[i] = Math.min(1 - 1e-15, Math.max(1e-15, sigmoid(e)));
      next += binomialDeviance(y[i]!, mu[i]!);
    }
    const change = Math.abs(next - deviance) / (Math.abs(next) + 0.1);
    deviance = next;
    if (change < epsilon) {
      converged = true;
      break;
    }
  }
  // Standard errors from the information at the final estimate.
  const info = new Float64Array(p * p);
  for (let i = 0; i < n; i += 1) {
    const w = mu[i]! * (1 - mu[i]!);
    for (let a = 0; a < p; a += 1) for (let b = 0; b < p; b += 1) info[a * p + b] = info[a * p + b]! + w * x[i * p + a]! * x[i * p + b]!;
  }
  factor = cholesky(info, p);
  const standardErrors = Array.from({ length: p }, (_, j) => {
    if (!factor) return Number.NaN;
    const unit = new Float64Array(p);
    unit[j] = 1;
    return Math.sqrt(solve(factor, p, unit)[j]!);
  });
  const ybar = events / n;
  let nullDeviance = 0;
  let brier = 0;
  for (let i = 0; i < n; i += 1) {
    nullDeviance += binomialDeviance(y[i]!, ybar);
    brier += (mu[i]! - y[i]!) ** 2;
  }
  const coefficients = Array.from(beta);
  const zValues = coefficients.map((b, j) => b / standardErrors[j]!);
  const chiSquare = Math.max(0, nullDeviance - deviance);
  return {
    coefficients,
    standardErrors,
    zValues,
    pValues: zValues.map((z) => 2 * (1 - normalCdf(Math.abs(z), 0, 1))),
    deviance,
    nullDeviance,
    logLikelihood: -deviance / 2,
    aic: deviance + 2 * p,
    mcFaddenR2: nullDeviance > 0 ? 1 - deviance / nullDeviance : 0,
    likelihoodRatio: { chiSquare, df: p - 1, p: p > 1 ? 1 - chisquareCdf(chiSquare, p - 1) : 1 },
    brier: brier / n,
    iterations,
    converged,
    separated: mu.some((m) => m <= 1e-10 || m >= 1 - 1e-10),
    n,
    events,
  };
}
