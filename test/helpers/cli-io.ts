import { expect } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { OWNER, TEST_PASSWORD_COST } from './temp-core';

/** What a test's command line runs with: signed in as the tests' owner, nothing on standard input, no terminal. */
export function testIoParts(options: { env?: Record<string, string | undefined>; stdin?: string } = {}): Pick<CliIo, 'env' | 'readStdin' | 'ask' | 'passwordCost'> {
  return {
    env: { ...process.env, HARMONY_USER: OWNER.username, HARMONY_PASSWORD: OWNER.password, ...options.env },
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    ask: null,
    passwordCost: TEST_PASSWORD_COST,
  };
}

/**
 * A CliIo that keeps what a command printed, for assertions. It signs in as the tests' owner (HARMONY_USER and
 * HARMONY_PASSWORD; the first command on a fresh folder creates it) unless `env` says otherwise.
 */
export function bufferIo(options: { env?: Record<string, string | undefined>; stdin?: string } = {}): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text: string) => void (io.stderr += text.endsWith('\n') ? text : `${text}\n`),
    progress: () => undefined,
    interrupted: new Promise<void>(() => undefined),
    ...testIoParts(options),
  };
  return io;
}

/** What a person must never read from a command: an error code, "unexpected", or a line of a stack trace. */
export function expectPlain(stderr: string): void {
  expect(stderr).not.toMatch(/INTERNAL|Unexpected error|\bat .+:\d+:\d+|[A-Z_]{6,}:/);
  expect(stderr.trim()).not.toBe('');
}
