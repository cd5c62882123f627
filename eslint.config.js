// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A regex that matches an import of one of our layers (`../core/x`, `../../main`, …). */
const layer = (...names) => `(^|/)(${names.join('|')})(/|$)`;
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'crypto', 'url', 'util', 'stream', 'zlib'];

/** The layer rules of docs/architecture.md#layers: who may import whom. `extra` adds patterns of its own. */
function restrict({ layers = [], electron = true, node = false, extra = [] }) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          ...(electron ? [{ name: 'electron', message: 'Only src/main and src/preload may import electron (docs/architecture.md#layers).' }] : []),
          ...(node ? nodeBuiltins.map((name) => ({ name, message: 'The engine is pure: no I/O, no Node built-ins.' })) : []),
        ],
        patterns: [
          ...(layers.length ? [{ regex: layer(...layers), message: 'This layer may not import that one (docs/architecture.md#layers).' }] : []),
          ...(node ? [{ regex: '^node:', message: 'The engine is pure: no I/O, no Node built-ins.' }] : []),
          ...extra,
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.worktrees/**', 'resources/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['src/shared/**'], rules: restrict({ layers: ['core', 'engine', 'main', 'preload', 'renderer', 'server', 'cli'] }) },
  { files: ['src/engine/**'], rules: restrict({ layers: ['core', 'main', 'preload', 'renderer', 'server', 'cli'], node: true }) },
  { files: ['src/core/**'], rules: restrict({ layers: ['main', 'preload', 'renderer', 'server', 'cli'] }) },
  { files: ['src/main/**'], rules: restrict({ layers: ['renderer', 'server', 'cli', 'engine'], electron: false }) },
  { files: ['src/preload/**'], rules: restrict({ layers: ['core', 'engine', 'main', 'renderer', 'server', 'cli'], electron: false }) },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...restrict({ layers: ['core', 'main', 'preload', 'server', 'cli'] }) },
  },
  { files: ['src/server/**'], rules: restrict({ layers: ['core', 'main', 'preload', 'renderer', 'cli'] }) },
  {
    // The CLI is one more client of the typed API: it creates the core (core/core.ts) and calls procedures.
    files: ['src/cli/**'],
    rules: restrict({
      layers: ['main', 'preload', 'renderer', 'engine'],
      extra: [{ regex: '(^|/)core/(?!core$)', message: 'The CLI reaches the core through the typed API: import only core/core (createCore) and src/shared.' }],
    }),
  },
  { files: ['src/cli/**', 'test/**'], rules: { 'no-console': 'off' } },
  { files: ['test/**'], rules: restrict({ layers: ['main', 'preload'], electron: true }) },
  // Unit tests of the Electron shell mock the `electron` module; they may name it.
  { files: ['test/unit/main/**'], rules: { 'no-restricted-imports': 'off' } },
);
