import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs drive Debian's Chromium against `harmony serve` (each spec starts its own server on a
 * temporary data folder, see test/e2e/fixtures.ts). `npx playwright install` cannot download here.
 */
export const chromiumPath = process.env.HARMONY_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
});
