import { SUB_SCORES, type PresetsFile, type SubScoreName, type Weights } from '../../shared/fit/model';
import { FitInputError } from './errors';
import { words } from '../../shared/words';

/**
 * Preset weights and custom ones (docs/fit-and-prediction.md#weights). Weights are normalised to add up to 1;
 * a negative, missing or non-finite weight, or all of them zero, is refused with the reason — never a silent zero.
 */
export function normaliseWeights(weights: Partial<Record<SubScoreName, number>>): Weights {
  const issues = SUB_SCORES.flatMap((name) => {
    const w = weights[name];
    if (typeof w !== 'number' || !Number.isFinite(w)) return [{ path: `weights.${name}`, message: `${words.subScores[name]}: give a weight (a number, 0 or more)` }];
    if (w < 0) return [{ path: `weights.${name}`, message: `${words.subScores[name]}: a weight cannot be negative (${w})` }];
    return [];
  });
  const unknown = Object.keys(weights).filter((k) => !(SUB_SCORES as readonly string[]).includes(k));
  for (const key of unknown) issues.push({ path: `weights.${key}`, message: `"${key}" is not a part of the score (${SUB_SCORES.join(', ')})` });
  if (issues.length) throw new FitInputError(`The weights cannot be used: ${issues.map((i) => i.message).join('; ')}`, issues);
  const total = SUB_SCORES.reduce((sum, name) => sum + weights[name]!, 0);
  if (total <= 0) throw new FitInputError('The weights are all zero: give at least one part a weight above 0', [{ path: 'weights', message: 'all weights are zero' }]);
  return Object.fromEntries(SUB_SCORES.map((name) => [name, weights[name]! / total])) as Weights;
}

export interface NamedWeights {
  name: string;
  label: string;
  weights: Weights;
}

/** A preset by name: the shipped ones first, then those saved by name. */
export function resolvePreset(name: string, shipped: PresetsFile, saved: readonly NamedWeights[]): NamedWeights {
  const found = shipped.presets.find((p) => p.name === name) ?? saved.find((p) => p.name === name);
  if (!found) {
    const known = [...shipped.presets.map((p) => p.name), ...saved.map((p) => p.name)];
    throw new FitInputError(`There is no preset named "${name}"; choose one of ${known.join(', ')}`, [{ path: 'preset', message: `unknown preset "${name}"` }]);
  }
  return { name: found.name, label: found.label, weights: normaliseWeights(found.weights) };
}

export function checkThreshold(threshold: number): number {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new FitInputError(`The threshold must be between 0 and 1, not ${threshold}`, [{ path: 'threshold', message: 'between 0 and 1' }]);
  }
  return threshold;
}
