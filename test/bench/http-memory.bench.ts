import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './harness';

/**
 * Issue 10 finding 5: eight large uploads at once to the preview server (each just under the 64 MiB a call may
 * send: a people CSV whose second line is over-long, so each is refused once read). Measures the server's
 * resident memory (in its own process) and how the uploads were answered. Figures, not pass/fail.
 */
const UPLOADS = 8;
const MiB = 1024 * 1024;

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message);
  });
}

const bench: Benchmark = {
  name: `Preview server: ${UPLOADS} uploads of 60 MiB at once`,
  async run(report) {
    const child = fork(fileURLToPath(new URL('./http-server.child.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
    const { url } = await new Promise<{ url: string }>((resolve) => child.once('message', (m) => resolve(m as { url: string })));
    try {
      const csv = `given_names,surname,date_of_birth\n${'x'.repeat(44 * MiB)}\n`;
      const body = Buffer.from(JSON.stringify({ contentBase64: Buffer.from(csv).toString('base64') }));
      const rest = await ask<{ rss: number }>(child, 'rss');
      report({ label: 'server resident memory at rest', value: rest.rss / MiB, unit: 'MiB' });
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: UPLOADS }, async () => {
          const response = await fetch(new URL('api/people.importPreview', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          const envelope = (await response.json()) as { ok: boolean; error?: { code: string } };
          return envelope.ok ? 'answered' : envelope.error!.code;
        }),
      );
      report({ label: 'all uploads answered in', value: (performance.now() - started) / 1000, unit: 's' });
      const { peak } = await ask<{ peak: number }>(child, 'rss');
      report({ label: `server peak resident memory during the ${UPLOADS} uploads`, value: peak / MiB, unit: 'MiB' });
      report({ label: 'uploads read and answered (file refused: over-long line)', value: answers.filter((a) => a === 'answered').length, unit: '' });
      report({ label: 'uploads answered BUSY (bytes in flight over the budget)', value: answers.filter((a) => a === 'BUSY').length, unit: '' });
    } finally {
      child.send('stop');
    }
  },
};
export default bench;
