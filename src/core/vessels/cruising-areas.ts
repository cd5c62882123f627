import { join } from 'node:path';
import { areasFileSchema, type AreasFile } from '../../shared/fit/model';
import { loadModel } from '../model-file';
import { resourcesDir } from '../paths';

/**
 * The cruising areas the app knows, with the rules that decide the right to work in each, read once from
 * `resources/fit/` (docs/fit-and-prediction.md#right-to-work). A vessel's itinerary names them; candidate fit
 * applies their rules.
 */
export const CRUISING_AREAS_FILE = 'cruising-areas-v1.json';

let areas: AreasFile | null = null;

export function cruisingAreas(): AreasFile {
  areas ??= loadModel(areasFileSchema, join(resourcesDir(), 'fit', CRUISING_AREAS_FILE), 'candidate fit defaults');
  return areas;
}

/** A vessel's cruising areas must be areas the shipped list knows (their rules decide the right to work). */
export function unknownAreas(ids: readonly string[]): string[] {
  const known = new Set(cruisingAreas().areas.map((a) => a.id));
  return ids.filter((id) => !known.has(id));
}
