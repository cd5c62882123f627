import { sigmoid } from '../../src/engine/fit';
import { seededRandom } from '../../src/engine/random';

/** Simulated outcomes for the regression tests: four predictors on 0–1, outcomes drawn from known coefficients. */
export function simulateOutcomes(n: number, beta: readonly number[], seed: number): { x: Float64Array; y: Float64Array; rows: number[][] } {
  const random = seededRandom(seed);
  const p = beta.length;
  const x = new Float64Array(n * p);
  const y = new Float64Array(n);
  const rows: number[][] = [];
  for (let i = 0; i < n; i += 1) {
    const row = [1, ...Array.from({ length: p - 1 }, () => random())];
    let eta = 0;
    for (let j = 0; j < p; j += 1) {
      x[i * p + j] = j === 0 ? 1 : row[j]! - 0.5;
      eta += beta[j]! * x[i * p + j]!;
    }
    y[i] = random() < sigmoid(eta) ? 1 : 0;
    rows.push([...row.slice(1), y[i]!]);
  }
  return { x, y, rows };
}
