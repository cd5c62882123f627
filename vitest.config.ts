import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Tests that run the CLI or import a file take a second alone and five on a loaded two-core machine: the
          // limit catches a hang, not slowness (speed is measured in test/bench).
          testTimeout: 30_000,
          env: { HARMONY_VALIDATE_OUTPUT: '1' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          env: { HARMONY_VALIDATE_OUTPUT: '1' },
        },
      },
    ],
  },
});
