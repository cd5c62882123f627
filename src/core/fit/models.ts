import { join } from 'node:path';
import type { z } from 'zod';
import { predictionFileSchema, presetsFileSchema, profilesFileSchema, scoringConfigSchema } from '../../shared/fit/model';
import { resourcesDir } from '../paths';
import { loadModel } from '../model-file';

/**
 * The versioned defaults of candidate fit and prediction, read once from `resources/fit/` and checked against
 * their schemas (src/shared/fit/model.ts): a broken file stops the feature with a message naming the file and
 * field, never a ranking from a half-read model. The cruising areas, which a vessel's itinerary names, are read
 * with the vessels (src/core/vessels/cruising-areas.ts).
 */
export const FIT_FILES = {
  presets: 'presets-v1.json',
  scoring: 'scoring-v1.json',
  profiles: 'position-profiles-v1.json',
  prediction: 'prediction-v1.json',
} as const;

const schemas = { presets: presetsFileSchema, scoring: scoringConfigSchema, profiles: profilesFileSchema, prediction: predictionFileSchema };
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
