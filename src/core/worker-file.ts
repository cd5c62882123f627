import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file a worker thread runs: the built entry `<name>-worker.js` beside the bundle (electron.vite.config.ts),
 * or, from source (tests, tsx), the TypeScript worker through its tsx bootstrap `<name>.worker.dev.mjs` in the
 * folder of the pool that asks (`poolUrl`, its `import.meta.url`). In the packaged app worker threads cannot read
 * app.asar, so the unpacked copy is used (electron-builder.yml asarUnpack).
 */
export function workerFile(name: string, poolUrl: string): string {
  const here = fileURLToPath(poolUrl);
  if (here.endsWith('.ts')) return join(dirname(here), `${name}.worker.dev.mjs`);
  const built = `${name}-worker.js`;
  for (let dir = dirname(here); ; dir = dirname(dir)) {
    const candidate = join(dir, built);
    if (existsSync(candidate)) return candidate.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    if (dirname(dir) === dir) throw new Error(`The ${name} worker (${built}) is missing from the build`);
  }
}
