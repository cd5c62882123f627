import { runCli } from '../../src/cli/run';
import type { CliIo } from '../../src/cli/io';
import { testIoParts } from './cli-io';

/** Runs `harmony …` in-process and captures what it writes. */
export async function harmony(...argv: string[]): Promise<{ code: number; out: string; err: string; progress: string[] }> {
  let out = '';
  let err = '';
  const progress: string[] = [];
  const io: CliIo = {
    out: (text) => (out += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (err += text.endsWith('\n') ? text : `${text}\n`),
    progress: (text) => progress.push(text),
    interrupted: new Promise(() => undefined),
    ...testIoParts(),
  };
  const code = await runCli(argv, io);
  return { code, out, err, progress };
}
