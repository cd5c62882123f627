import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Vite's dev server injects inline scripts (React refresh) and talks over a websocket; the strict CSP of
 * index.html is relaxed for `npm start` in development only. Builds keep it strict.
 */
function devCsp(): Plugin {
  return {
    name: 'harmony-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
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
          'psychometrics-worker': resolve('src/core/workers/psychometrics.worker.ts'),
        },
        output: {
          banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
          // The code the worker entry shares with the core gets a fixed name, unpacked from app.asar
          // (electron-builder.yml asarUnpack).
          chunkFileNames: (chunk) => (chunk.moduleIds.some((id) => /[\\/]src[\\/]engine[\\/](psychometrics[\\/]blocks|fit[\\/]swaps)\.ts$/.test(id)) ? 'chunks/worker-engine-[hash].js' : 'chunks/[name]-[hash].js'),
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
    plugins: [react(), devCsp()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});
