import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore, startHttpTransport } from '../../core/core';
import { EXIT, UsageError, type CliCommand } from '../io';

/** The built renderer: `out/renderer` next to the built CLI, or above the sources when run from them. */
export function findRendererDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [join(dir, 'renderer'), join(dir, 'out', 'renderer')]) {
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve the browser preview and the API on 127.0.0.1',
  usage: `harmony serve [--port N] [--data-dir DIR]

Serves the built app and its API on http://127.0.0.1:N/ (a free port if none is given) and prints the URL.
Stops on Ctrl+C. Needs the renderer built once: npm run build.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { port: { type: 'string' }, 'data-dir': { type: 'string' } } });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
    const staticDir = findRendererDir();
    if (!staticDir) {
      io.err('The app is not built yet: run `npm run build` first.');
      return EXIT.failed;
    }
    const core = createCore(values['data-dir'] ? { dataDir: values['data-dir'] } : {});
    const health = core.state.failure;
    if (health) io.err(`Warning: ${health.message} The app will open in recovery mode.`);
    let server;
    try {
      server = await startHttpTransport({ dispatch: core.dispatch, events: core.events, staticDir, port });
    } catch (error) {
      await core.close();
      io.err(`Could not listen on port ${port}: ${(error as Error).message}`);
      return EXIT.failed;
    }
    io.out(`Harmony Crew is running at ${server.url}`);
    io.out(`Data folder: ${core.state.dataDir}`);
    await io.interrupted;
    await server.close();
    await core.close();
    return EXIT.ok;
  },
};
