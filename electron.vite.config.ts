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

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The CLI and worker-thread entries are built beside the Electron main entry: one core, one build.
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/cli/index.ts'),
          'psychometrics-worker': resolve('src/core/psychometrics/psychometrics.worker.ts'),
          'documents-worker': resolve('src/core/documents/documents.worker.ts'),
        },
        output: {
          banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
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
