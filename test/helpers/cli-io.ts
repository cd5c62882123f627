import { expect } from 'vitest';
import type { CliIo } from '../../src/cli/io';

/** A CliIo that keeps what a command printed, for assertions. */
export function bufferIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text: string) => void (io.stderr += text.endsWith('\n') ? text : `${text}\n`),
    progress: () => undefined,
    interrupted: new Promise<void>(() => undefined),
  };
  return io;
}

/** What a person must never read from a command: an error code, "unexpected", or a line of a stack trace. */
export function expectPlain(stderr: string): void {
  expect(stderr).not.toMatch(/INTERNAL|Unexpected error|\bat .+:\d+:\d+|[A-Z_]{6,}:/);
  expect(stderr.trim()).not.toBe('');
}
