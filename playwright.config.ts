import { defineConfig, devices } from '@playwright/test';

/**
 * Runs against a production build started by scripts/test.mjs' environment: E2E_PORT,
 * E2E_CHROMIUM and the database variables are chosen there (each run its own database).
 * Run it through `npm test` (or `npm run test:e2e` after `npm run build` with those set).
 */
const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM || undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    // Metadata, feeds and sitemaps do not depend on the device: the desktop run checks them.
    // Site settings are one row that two projects at once would race over. Staff desk work
    // (editing, administration, audit and statistics) is proven on the desktop; its pages are
    // still checked at 390 px by screenshots. A test tagged @phone or @desktop runs on that one only.
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], browserName: 'chromium', viewport: { width: 390, height: 844 } },
      testIgnore: /(seo|site-settings|admin|audit-stats|editing)\.spec/,
      grepInvert: /@desktop/,
    },
    // The newsroom story opens its own phone and desktop contexts: once is enough.
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } }, testIgnore: /newsroom-story|field/, grepInvert: /@phone/ },
  ],
  webServer: {
    command: `npx next start -p ${port}`,
    url: `${baseURL}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { ...process.env, PORT: String(port), SITE_URL: baseURL, NEXT_TELEMETRY_DISABLED: '1' } as Record<string, string>,
  },
});
