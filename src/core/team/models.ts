import { join } from 'node:path';
import { harmonyModelSchema, volatilityModelSchema, type HarmonyModel, type VolatilityModel } from '../../shared/team/model';
import { loadModel } from '../model-file';
import { resourcesDir } from '../paths';

/**
 * The versioned defaults of team dynamics, read once from `resources/team/` (shipped with the app) and checked
 * against their schemas: a file that breaks them stops team dynamics with a message naming the file and field,
 * rather than producing figures from a half-read model.
 */
export const HARMONY_MODEL_FILE = 'harmony-v1.json';
export const VOLATILITY_MODEL_FILE = 'volatility-v1.json';
const WHAT = 'team dynamics defaults';

let harmony: HarmonyModel | null = null;
let volatility: VolatilityModel | null = null;

export function harmonyModel(): HarmonyModel {
  harmony ??= loadModel(harmonyModelSchema, join(resourcesDir(), 'team', HARMONY_MODEL_FILE), WHAT);
  return harmony;
}

export function volatilityModel(): VolatilityModel {
  volatility ??= loadModel(volatilityModelSchema, join(resourcesDir(), 'team', VOLATILITY_MODEL_FILE), WHAT);
  return volatility;
}
