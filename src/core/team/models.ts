import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { describeIssues, issuesFromZod } from '../../shared/api';
import { harmonyModelSchema, volatilityModelSchema, type HarmonyModel, type VolatilityModel } from '../../shared/team/model';
import { resourcesDir } from '../paths';

/**
 * The versioned defaults of team dynamics, read once from `resources/team/` (shipped with the app) and checked
 * against their schemas: a file that breaks them stops team dynamics with a message naming the file and field,
 * rather than producing figures from a half-read model.
 */
export const HARMONY_MODEL_FILE = 'harmony-v1.json';
export const VOLATILITY_MODEL_FILE = 'volatility-v1.json';

export function loadModel<S extends z.ZodType>(schema: S, path: string, what = 'team dynamics defaults'): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the ${what} ${path}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`The ${what} ${path} are not valid: ${describeIssues(issuesFromZod(parsed.error))}`);
  return parsed.data;
}

let harmony: HarmonyModel | null = null;
let volatility: VolatilityModel | null = null;

export function harmonyModel(): HarmonyModel {
  harmony ??= loadModel(harmonyModelSchema, join(resourcesDir(), 'team', HARMONY_MODEL_FILE));
  return harmony;
}

export function volatilityModel(): VolatilityModel {
  volatility ??= loadModel(volatilityModelSchema, join(resourcesDir(), 'team', VOLATILITY_MODEL_FILE));
  return volatility;
}
