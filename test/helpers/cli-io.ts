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
