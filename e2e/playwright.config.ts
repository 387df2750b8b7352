import { defineConfig } from '@playwright/test';

// `npm test` (scripts/test.mjs) prepares a migrated, seeded database and a
// production build before Playwright starts: Playwright launches webServer
// before globalSetup, so the database cannot be prepared from here.
const port = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) {
  throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests through `npm test`.');
}

export default defineConfig({
  testDir: '.',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // scripts/test.mjs reads the JSON report to print the suite's total.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE
    ? [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE }]]
    : [['list']],
  outputDir: '../test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Root in a closed network: no sandbox, and no background calls home.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'sign-in', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', testMatch: /.*\.spec\.ts/, testIgnore: /permission-matrix/, dependencies: ['sign-in'] },
    // Last: its control calls change data the other specs read.
    { name: 'permission-matrix', testMatch: /permission-matrix\.spec\.ts/, dependencies: ['chromium'] },
  ],
  webServer: {
    // The production server `npm start` runs: Next.js plus the socket's address (scripts/serve.mjs).
    command: `node scripts/serve.mjs --port ${port} --hostname 127.0.0.1`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/api/claims?limit=1`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-not-for-production-000000',
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      // Absolute links (canonical, feeds, sitemap, ClaimReview) name the address the tests browse.
      ATTEST_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
  },
});
