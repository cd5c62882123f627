import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';

/**
 * Where data lives: `HARMONY_DATA_DIR` first; the desktop app passes Electron's userData; the CLI and the
 * browser preview fall back to the OS data directory (e.g. ~/.local/share/harmony-crew on Linux).
 */
export function resolveDataDir(explicit?: string): string {
  const fromEnv = process.env.HARMONY_DATA_DIR;
  if (fromEnv && fromEnv.trim() !== '') return resolve(fromEnv);
  if (explicit) return resolve(explicit);
  return envPaths('harmony-crew', { suffix: '' }).data;
}

let cachedResources: string | undefined;

/**
 * The `resources` folder shipped with the app (migrations, norms, sample data). Found by walking up from this
 * module, which works from the sources (tests), from `out/main` (built) and from inside app.asar (packaged).
 */
export function resourcesDir(): string {
  if (process.env.HARMONY_RESOURCES_DIR) return resolve(process.env.HARMONY_RESOURCES_DIR);
  if (cachedResources) return cachedResources;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'migrations', 'meta', '_journal.json'))) {
      cachedResources = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the resources folder (set HARMONY_RESOURCES_DIR)');
    dir = parent;
  }
}
