import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitLogistic, FitInputError } from '../../../src/engine/fit';
import { simulateOutcomes } from '../../helpers/fit-sim';
import { baseRAvailable, fitReference } from '../../helpers/r-fit';

/** The recalibration's logistic regression: against R's glm(binomial), and recovering known coefficients. */
const FIXTURE = fileURLToPath(new URL('../../fixtures/fit/outcomes.csv', import.meta.url));

function readFixture() {
  const lines = readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(1);
  const x = new Float64Array(lines.length * 5);
  const y = new Float64Array(lines.length);
  lines.forEach((line, i) => {
    const cells = line.split(',').map(Number);
    x.set([1, ...cells.slice(0, 4).map((v) => v - 0.5)], i * 5);
    y[i] = cells[4]!;
  });
  return { x, y };
}

describe('logistic regression', () => {
  it.skipIf(!baseRAvailable)('agrees with R’s glm(binomial) on test/fixtures/fit/outcomes.csv: coefficients, standard errors, p and deviance', () => {
    const { x, y } = readFixture();
    const fit = fitLogistic(x, y, 5);
    const r = fitReference('glm', FIXTURE);
    expect(fit.converged).toBe(true);
    for (let j = 0; j < 5; j += 1) {
      expect(fit.coefficients[j]).toBeCloseTo(r.get(`coef.${j + 1}`)!, 9);
      expect(fit.standardErrors[j]).toBeCloseTo(r.get(`se.${j + 1}`)!, 9);
      expect(fit.pValues[j]).toBeCloseTo(r.get(`p.${j + 1}`)!, 9);
    }
    expect(fit.deviance).toBeCloseTo(r.get('deviance')!, 8);
    expect(fit.nullDeviance).toBeCloseTo(r.get('null')!, 8);
    expect(fit.aic).toBeCloseTo(r.get('aic')!, 8);
  });

  it('recovers known coefficients from 10,000 simulated outcomes within two standard errors, for five seeds', () => {
    const beta = [0.2, 1.41, 0.7, 0.66, 0.35];
    let withinOne = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const { x, y } = simulateOutcomes(10_000, beta, seed);
      const fit = fitLogistic(x, y, 5);
      beta.forEach((b, j) => {
        const distance = Math.abs(fit.coefficients[j]! - b) / fit.standardErrors[j]!;
        expect(distance).toBeLessThan(2.5);
        if (distance < 1) withinOne += 1;
      });
    }
    // About 68% of estimates lie within one standard error of the truth when the standard errors are right.
    expect(withinOne).toBeGreaterThanOrEqual(12);
    expect(withinOne).toBeLessThanOrEqual(23);
  });

  it('refuses outcomes other than 0 and 1, too few rows, and collinear predictors, with the reason', () => {
    expect(() => fitLogistic(Float64Array.of(1, 0, 1, 1), Float64Array.of(1, 2), 2)).toThrow(FitInputError);
    expect(() => fitLogistic(Float64Array.of(1, 0, 1, 1), Float64Array.of(1, 0), 2)).toThrow(/more than 2 outcomes/);
    const collinear = new Float64Array(30);
    for (let i = 0; i < 10; i += 1) collinear.set([1, i, 2 * i], i * 3);
    expect(() => fitLogistic(collinear, Float64Array.from({ length: 10 }, (_, i) => i % 2), 3)).toThrow(/collinear/);
  });

  it('says when the outcomes are separated', () => {
    const x = new Float64Array(40);
    const y = new Float64Array(20);
    for (let i = 0; i < 20; i += 1) {
      x.set([1, i], i * 2);
      y[i] = i >= 10 ? 1 : 0;
    }
    expect(fitLogistic(x, y, 2).separated).toBe(true);
  });
});
