import { defineConfig } from '@playwright/test';

/**
 * Browser tests: the real renderer in Debian's Chromium against the real backend (browser mode, loopback bridge).
 * Playwright cannot download its own browsers here, so it drives the system Chromium (CHROMIUM_PATH to override).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-output/playwright',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 860 },
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Danish date pickers (dd.mm.åååå), as the Electron shell sets with --lang=da.
      env: { ...process.env, LANG: 'da_DK.UTF-8', LANGUAGE: 'da' } as Record<string, string>,
      args: ['--lang=da-DK', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
