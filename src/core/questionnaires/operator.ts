import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Who may leave the kiosk: the operator who handed the laptop over, proven by the exit code they set then. There
 * are no user accounts yet; when they come (the users-and-roles issue) `isOperator` is the one function that
 * changes, to a signed-in operator's check. The code is kept only as a scrypt hash with its own salt
 * (docs/questionnaires.md#the-kiosk).
 */
const KEY_LENGTH = 32;
const PREFIX = 'scrypt1';

export function hashExitCode(code: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(code.normalize('NFC'), salt, KEY_LENGTH);
  return `${PREFIX}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function matches(code: string, stored: string): boolean {
  const [prefix, salt, hash] = stored.split('$');
  if (prefix !== PREFIX || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(code.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** True when the person at the keyboard is the operator of this session. */
export function isOperator(session: { exitCodeHash: string | null }, exitCode: string): boolean {
  return session.exitCodeHash !== null && matches(exitCode, session.exitCodeHash);
}
