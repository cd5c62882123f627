import { join } from 'node:path';
import type { z } from 'zod';
import { areasFileSchema, predictionFileSchema, presetsFileSchema, profilesFileSchema, scoringConfigSchema } from '../../shared/fit/model';
import { resourcesDir } from '../paths';
import { loadModel } from '../team/models';

/**
 * The versioned defaults of candidate fit and prediction, read once from `resources/fit/` and checked against
 * their schemas (src/shared/fit/model.ts): a broken file stops the feature with a message naming the file and
 * field, never a ranking from a half-read model.
 */
export const FIT_FILES = {
  presets: 'presets-v1.json',
  scoring: 'scoring-v1.json',
  profiles: 'position-profiles-v1.json',
  prediction: 'prediction-v1.json',
  areas: 'cruising-areas-v1.json',
} as const;

const schemas = { presets: presetsFileSchema, scoring: scoringConfigSchema, profiles: profilesFileSchema, prediction: predictionFileSchema, areas: areasFileSchema };
type Kind = keyof typeof schemas;
const cache = new Map<Kind, unknown>();

function load<K extends Kind>(kind: K): z.output<(typeof schemas)[K]> {
  if (!cache.has(kind)) cache.set(kind, loadModel(schemas[kind], join(resourcesDir(), 'fit', FIT_FILES[kind]), 'candidate fit defaults'));
  return cache.get(kind) as z.output<(typeof schemas)[K]>;
}

export const fitPresets = () => load('presets');
export const scoringConfig = () => load('scoring');
export const shippedProfiles = () => load('profiles');
export const predictionDefaults = () => load('prediction');
export const cruisingAreas = () => load('areas');

/** A vessel's cruising areas must be areas the shipped list knows (their rules decide the right to work). */
export function unknownAreas(ids: readonly string[]): string[] {
  const known = new Set(cruisingAreas().areas.map((a) => a.id));
  return ids.filter((id) => !known.has(id));
}
