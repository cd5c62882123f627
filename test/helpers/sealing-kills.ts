import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore } from '../../src/core/core';
import { Keyring, keyringFileOf } from '../../src/core/crypt/keyring';
import { isSealed, openBytes } from '../../src/core/crypt/sealed-format';
import { backupDatabase } from '../../src/core/db/backups';
import { CHEAP_SLOT_COST, OWNER } from './keys';
import { tempDir } from './temp-core';

const VICTIM = resolve(import.meta.dirname, 'sealing-victim.ts');

export interface SealingKillOutcome {
  kills: number;
  /** Kills that caught the migration with some files sealed and some not. */
  midway: number;
  /** Files missing, or whose bytes (opened when sealed) were not the original ones, after any kill. */
  lost: number;
  /** Files still plain once the last run said it was done. */
  plainAtEnd: number;
  /** Temporary files still there once the last run had finished. */
  leftovers: number;
  files: number;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * A data folder from before encryption: `scans` plain files of 16 KB to 1 MB (several chunks each), a few plain
 * backups. Written through the core's state, as files stored before the owner existed were: no account yet.
 */
async function plainFolder(dataDir: string, scans: number): Promise<Map<string, string>> {
  const core = createCore({ dataDir });
  const expected = new Map<string, string>();
  try {
    for (let i = 0; i < scans; i += 1) {
      const hash = core.state.files.put(randomBytes(16 * 1024 + Math.floor(Math.random() * 1008 * 1024)));
      expected.set(core.state.files.pathOf(hash), hash);
    }
    for (let i = 0; i < 3; i += 1) {
      const backup = backupDatabase(core.state.requireDatabase().sqlite, core.state.backupsDir, 'manual', core.state.keyring);
      const path = join(core.state.backupsDir, backup.id);
      expected.set(path, sha(readFileSync(path)));
    }
  } finally {
    await core.close();
  }
  return expected;
}

function startVictim(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', VICTIM, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ready')) done();
    });
    void exited.then(() => (stdout.includes('ready') ? done() : fail(new Error(`the sealing process stopped by itself: ${stderr}`))));
  });
  return { child, ready, exited, output: () => stdout, errors: () => stderr };
}

/** How many files are missing or not what they were, and how many are sealed. */
function check(expected: Map<string, string>, keyring: Keyring): { lost: number; sealed: number } {
  let lost = 0;
  let sealed = 0;
  for (const [path, hash] of expected) {
    if (!existsSync(path)) {
      lost += 1;
      continue;
    }
    const bytes = readFileSync(path);
    let content: Buffer = bytes;
    if (isSealed(bytes)) {
      sealed += 1;
      try {
        content = openBytes(bytes, keyring.openingKeys());
      } catch {
        lost += 1;
        continue;
      }
    }
    if (sha(content) !== hash) lost += 1;
  }
  return { lost, sealed };
}

function temporaries(dataDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.tmp')) found.push(join(dir, entry.name));
    }
  };
  walk(dataDir);
  return found;
}

/**
 * Kills the process that seals a data folder's plain files at `kills` random moments (SIGKILL: no clean-up
 * runs); after each kill checks that every file is there and opens to its original bytes; then lets a last run
 * finish and checks that every file is sealed and nothing temporary is left.
 */
export async function sealingKills(kills: number, scans = 60, maxDelayMs = 250): Promise<SealingKillOutcome> {
  const dir = tempDir('harmony-seal-kill-');
  try {
    const expected = await plainFolder(dir.path, scans);
    // The owner is created: the keyring exists, the files are still plain.
    const keyring = new Keyring(keyringFileOf(dir.path), { slotCost: CHEAP_SLOT_COST });
    await keyring.handle({ kind: 'owner-created', ...OWNER });
    const outcome: SealingKillOutcome = { kills, midway: 0, lost: 0, plainAtEnd: 0, leftovers: 0, files: expected.size };
    for (let i = 0; i < kills; i += 1) {
      const victim = startVictim(dir.path);
      await victim.ready;
      await new Promise((resolveDelay) => setTimeout(resolveDelay, Math.random() * maxDelayMs));
      victim.child.kill('SIGKILL');
      await victim.exited;
      const { lost, sealed } = check(expected, keyring);
      outcome.lost += lost;
      if (sealed > 0 && sealed < expected.size) outcome.midway += 1;
    }
    const last = startVictim(dir.path);
    await last.exited;
    if (!last.output().includes('done')) throw new Error(`the last run did not finish: ${last.errors()}`);
    const { lost, sealed } = check(expected, keyring);
    outcome.lost += lost;
    outcome.plainAtEnd = expected.size - sealed;
    outcome.leftovers = temporaries(dir.path).length;
    return outcome;
  } finally {
    rmSync(dir.path, { recursive: true, force: true });
  }
}
