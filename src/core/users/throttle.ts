import type Database from 'better-sqlite3';
import type { SignInOutcome } from '../db/schema/users';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { refused } from './refusals';

/**
 * Repeated failures slow down (docs/security.md#repeated-failures):
 * - per user name: the first 5 wrong passwords in a row are answered at once; after that each try waits twice as
 *   long as the one before, from 1 second after the 5th up to 15 minutes, counted from the last failure. A
 *   success starts the count again; failures older than a day are forgotten.
 * - overall: after 50 failures across all user names within 10 minutes, every sign-in waits until the oldest of
 *   those 50 is 10 minutes old (someone is trying names).
 * A refused try is recorded as 'throttled' and does not count as a failure, so waiting is always enough.
 */
export const FREE_FAILURES = 5;
export const MAX_WAIT_MS = 15 * 60_000;
export const OVERALL_FAILURES = 50;
export const OVERALL_WINDOW_MS = 10 * 60_000;
const FORGET_MS = 24 * 60 * 60_000;

const FAILURES: readonly SignInOutcome[] = ['wrong-password', 'unknown-user', 'removed-user', 'wrong-recovery-code', 'wrong-unlock-password'];
const failureList = FAILURES.map((f) => `'${f}'`).join(', ');
const SUCCESSES = `'signed-in', 'recovered', 'unlocked'`;

/** Records an attempt (its user name in lower case). Written even when the call it came with is refused. */
export function recordAttempt(sqlite: Database.Database, at: number, attempt: { username: string; userId: string | null; outcome: SignInOutcome; method: string }): void {
  write(sqlite, () =>
    statement(sqlite, 'INSERT INTO sign_in_attempts (at, username, user_id, outcome, method) VALUES (?, ?, ?, ?, ?)').run(
      new Date(at).toISOString(),
      attempt.username.trim().toLowerCase(),
      attempt.userId,
      attempt.outcome,
      attempt.method,
    ),
  );
}

/** When the next try for this user name may be made, or null when it may be made now. */
export function retryAt(sqlite: Database.Database, username: string, now: number): number | null {
  const key = username.trim().toLowerCase();
  const since = new Date(now - FORGET_MS).toISOString();
  // Failures after the last success (by order of recording: a success and a failure may share a millisecond).
  const lastSuccess = statement(sqlite, `SELECT max(id) AS id FROM sign_in_attempts WHERE username = ? AND outcome IN (${SUCCESSES})`).get(key) as { id: number | null };
  const mine = statement(sqlite, `SELECT count(*) AS n, max(at) AS last FROM sign_in_attempts WHERE username = ? AND id > ? AND at > ? AND outcome IN (${failureList})`).get(
    key,
    lastSuccess.id ?? 0,
    since,
  ) as {
    n: number;
    last: string | null;
  };
  let wait: number | null = null;
  if (mine.n >= FREE_FAILURES && mine.last !== null) {
    const delay = Math.min(1000 * 2 ** (mine.n - FREE_FAILURES), MAX_WAIT_MS);
    const until = Date.parse(mine.last) + delay;
    if (until > now) wait = until;
  }
  const window = new Date(now - OVERALL_WINDOW_MS).toISOString();
  const overall = statement(sqlite, `SELECT at FROM sign_in_attempts WHERE at > ? AND outcome IN (${failureList}) ORDER BY at DESC LIMIT 1 OFFSET ?`).get(window, OVERALL_FAILURES - 1) as
    | { at: string }
    | undefined;
  if (overall) {
    const until = Date.parse(overall.at) + OVERALL_WINDOW_MS;
    if (until > now) wait = Math.max(wait ?? 0, until);
  }
  return wait;
}

function inWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Refuses the attempt when it must wait, after recording it as throttled. */
export function assertMayTry(sqlite: Database.Database, now: number, attempt: { username: string; userId: string | null; method: string }): void {
  const until = retryAt(sqlite, attempt.username, now);
  if (until === null) return;
  recordAttempt(sqlite, now, { ...attempt, outcome: 'throttled' });
  const at = new Date(until).toISOString();
  throw refused(
    'throttled',
    `Too many wrong attempts: try again in ${inWords(until - now)} (at ${at.slice(11, 19)} UTC).`,
    at,
  );
}
