import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { peopleCsv } from '../bench/fleet-data';
import { ownerCore, tempDir } from './temp-core';

const VICTIM = resolve(import.meta.dirname, 'restore-victim.ts');

export interface KillOutcome {
  kills: number;
  /** The live database after a kill was damaged, unreadable, or neither the old nor the new one. */
  corrupted: number;
  /** Kills that caught a restore half-way (its copy was still beside the database). */
  midRestore: number;
  /** Times a killed restore's copy was still there after the app had opened the data folder again. */
  leftovers: number;
  /** Which database the kill left: A, B. */
  found: { A: number; B: number };
}

/** People in each of the two backups: the count tells which one the live database is. */
const SIZES = { A: 10_000, B: 20_000 } as const;

async function makeBackups(dataDir: string): Promise<{ A: string; B: string }> {
  const core = ownerCore(dataDir);
  // The same seeded rows: B is A's people and as many more.
  const importPeople = (count: number) => core.call('people.import', { contentBase64: Buffer.from(peopleCsv(count)).toString('base64') });
  try {
    await importPeople(SIZES.A);
    const A = (await core.call('backups.create', {})).id;
    await importPeople(SIZES.B);
    const B = (await core.call('backups.create', {})).id;
    return { A, B };
  } finally {
    await core.close();
  }
}

function startVictim(dataDir: string, ids: { A: string; B: string }) {
  const child = spawn(process.execPath, ['--import', 'tsx', VICTIM, dataDir, ids.A, ids.B], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && done());
    void exited.then(() => fail(new Error(`the restoring process stopped by itself: ${stderr}`)));
  });
  return { child, ready, exited };
}

/** What the kill left: A, B, or null for a database that is damaged or neither. */
function inspect(databaseFile: string): 'A' | 'B' | null {
  try {
    const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    try {
      if (db.pragma('integrity_check', { simple: true }) !== 'ok') return null;
      const people = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
      return people === SIZES.A ? 'A' : people === SIZES.B ? 'B' : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Kills a process that restores backups over and over at `kills` random moments (SIGKILL: no clean-up runs), and
 * after each kill checks the live database as the app would find it on its next start.
 */
export async function restoreKills(kills: number, maxDelayMs = 600): Promise<KillOutcome> {
  const dir = tempDir('harmony-kill-');
  const outcome: KillOutcome = { kills, corrupted: 0, midRestore: 0, leftovers: 0, found: { A: 0, B: 0 } };
  try {
    const ids = await makeBackups(dir.path);
    for (let i = 0; i < kills; i += 1) {
      const victim = startVictim(dir.path, ids);
      await victim.ready;
      await new Promise((resolveDelay) => setTimeout(resolveDelay, Math.random() * maxDelayMs));
      victim.child.kill('SIGKILL');
      await victim.exited;
      const halfDone = () => readdirSync(dir.path).some((name) => name.includes('.restoring'));
      if (halfDone()) outcome.midRestore += 1;
      // Opening the core is what the app does next: it clears what the killed restore left and opens the database.
      const core = ownerCore(dir.path);
      const health = await core.call('system.health', {});
      await core.close();
      if (halfDone()) outcome.leftovers += 1;
      const found = health.database === 'ok' ? inspect(join(dir.path, 'harmony.db')) : null;
      if (found === null) outcome.corrupted += 1;
      else outcome.found[found] += 1;
    }
    return outcome;
  } finally {
    dir.remove();
  }
}
