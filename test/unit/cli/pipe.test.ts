import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = resolve('node_modules/.bin/tsx');

/** The process streams of `processIo`, writing more lines than a reader that stops early takes. */
const script = `
import { processIo } from './src/cli/io.ts';
const io = processIo();
for (let i = 0; i < 200000; i++) io.out('row ' + i);
`;

describe('the harmony command writing into a pipe', () => {
  it('ends quietly when the reader stops early (| head), without a fault', () => {
    const run = spawnSync('bash', ['-c', `set -o pipefail; ${tsx} --input-type=module -e "$SCRIPT" | head -n 1`], {
      env: { ...process.env, SCRIPT: script },
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('row 0\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 30_000);
});
