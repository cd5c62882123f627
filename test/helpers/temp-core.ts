import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentCaller, runAs, type Caller } from '../../src/core/auth/caller';
import { createCore, type Core } from '../../src/core/core';
import { userCaller } from './callers';

export function tempDir(prefix = 'harmony-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Who the calls of a test core are made by unless a test says otherwise: the installation's owner. */
export const TEST_OWNER = userCaller('Test Owner', { role: 'owner' });

/**
 * A core on a fresh data folder, validating every answer against the contract. Its `call` and `dispatch` run as
 * `as` (the owner by default), as the dispatcher runs a signed-in user's calls; a test that runs its own calls
 * inside `runAs` keeps its caller.
 */
export function tempCore(options: { as?: Caller } = {}): Core & { dataDir: string; dispose(): Promise<void> } {
  const dir = tempDir();
  const core = createCore({ dataDir: dir.path, validateOutput: true });
  const caller = options.as ?? TEST_OWNER;
  const { call, dispatch } = core;
  return Object.assign(core, {
    call: ((method, input, callOptions) => (currentCaller() ? call(method, input, callOptions) : runAs(caller, () => call(method, input, callOptions)))) as Core['call'],
    dispatch: ((method, input, callOptions) => (currentCaller() ? dispatch(method, input, callOptions) : runAs(caller, () => dispatch(method, input, callOptions)))) as Core['dispatch'],
    dataDir: dir.path,
    async dispose() {
      await core.close();
      dir.remove();
    },
  });
}
