import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/core/core';

export function tempDir(prefix = 'harmony-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A core on a fresh data folder, validating every answer against the contract. */
export function tempCore(): Core & { dataDir: string; dispose(): Promise<void> } {
  const dir = tempDir();
  const core = createCore({ dataDir: dir.path, validateOutput: true });
  return Object.assign(core, {
    dataDir: dir.path,
    async dispose() {
      await core.close();
      dir.remove();
    },
  });
}
