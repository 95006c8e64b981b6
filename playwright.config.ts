import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './tests/e2e/browser'

/**
 * End-to-end tests run the production renderer build against the web harness
 * (each test starts its own harness on its own data folder) in Chromium, and
 * the real Electron app where its binary is installed.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  outputDir: 'test-results/playwright',
  retries: 0,
  // Sized for a busy two-core machine (axe scans and screenshots in light and dark add up); waits are on conditions.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/playwright.json' }],
    ...(process.env['CI'] ? [] : [['html', { open: 'never' }] as const])
  ],
  use: {
    viewport: { width: 1180, height: 800 },
    // Dates and times follow the browser's locale; the tests read them as a British user would.
    locale: 'en-GB',
    // The page runs in the same time zone as the harness and the tests (TZ=… picks one; see README, Tests).
    ...(process.env['TZ'] ? { timezoneId: process.env['TZ'] } : {}),
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure'
  },
  projects: [
    { name: 'web', testIgnore: /electron\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ }
  ]
})
