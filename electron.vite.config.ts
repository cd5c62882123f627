import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/shared/security/content-security-policy';

/**
 * Writes the app's Content-Security-Policy (src/shared/security) into index.html. Vite's dev server injects
 * inline scripts (React refresh) and talks over a websocket, so `npm start` relaxes it in development only.
 */
function csp(): Plugin {
  return {
    name: 'harmony-csp',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, { server }) =>
        html.replace('%HARMONY_CSP%', contentSecurityPolicy({ delivery: 'meta', ...(server ? { devConnect: 'ws: http://localhost:*' } : {}) })),
    },
  };
}

const WORKER_ENTRY = resolve('src/core/workers/psychometrics.worker.ts');

/** Whether module `id` is the entry's import, directly or through others (not the entry itself). */
function importedBy(entry: string, id: string, getModuleInfo: (id: string) => { importers: readonly string[] } | null): boolean {
  const seen = new Set<string>();
  const pending = [...(getModuleInfo(id)?.importers ?? [])];
  while (pending.length) {
    const next = pending.pop()!;
    if (next === entry) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...(getModuleInfo(next)?.importers ?? []));
  }
  return false;
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The CLI and worker-thread entries are built beside the Electron main entry: one core, one build.
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/cli/index.ts'),
          'psychometrics-worker': WORKER_ENTRY,
        },
        output: {
          banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
          // Worker threads cannot read app.asar: whatever the psychometrics worker imports goes into one chunk of a
          // known name, which electron-builder.yml unpacks.
          manualChunks: (id, { getModuleInfo }) => (importedBy(WORKER_ENTRY, id, getModuleInfo) ? 'psychometrics-worker-imports' : undefined),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), csp()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});
