import { defineConfig, devices } from '@playwright/test';

/**
 * The production topology: two `next start` instances on one PostgreSQL behind nginx with
 * deploy/nginx.conf (scripts/topology.ts). scripts/test.mjs runs it once, on a fresh
 * PostgreSQL database (TOPOLOGY_DATABASE_URL), after the main end-to-end runs.
 */
export default defineConfig({
  testDir: './e2e-topology',
  globalSetup: './e2e-topology/setup.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM || undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
