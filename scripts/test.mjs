// `npm test`: every test Attest has, against real PostgreSQL and real Chromium.
//
//   1. a template database on the local PostgreSQL (TEST_DATABASE_URL, default
//      postgresql://postgres@127.0.0.1:5432/postgres), migrated with Prisma's
//      own migration engine and seeded with the corpus and demo accounts
//   2. unit and integration tests (Node's test runner); each integration test
//      file clones the template, so files never share writes
//   3. a production build, then the Playwright end-to-end suite in Chromium
//      against `next start` on another clone
//   4. the cluster tests (scripts/cluster.integration.mjs): Varnish in front of
//      two production instances sharing Redis, on a clone and on a private
//      primary + replica pair; they need the build, so they come last
//   5. the databases it made are dropped, whatever happened
//
// It ends with one line "Total: N passed, N failed".

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { clearNextDataCache } from './clear-data-cache.mjs';
import { assertLocalDatabaseUrl } from './local-database.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => path.join(ROOT, ...parts);
const PRISMA_CLI = at('node_modules', 'prisma', 'build', 'index.js');
const NEXT_CLI = at('node_modules', 'next', 'dist', 'bin', 'next');
const PLAYWRIGHT_CLI = at('node_modules', '@playwright', 'test', 'cli.js');
const UNIT_TEST_PATTERNS = ['lib/**/*.test.ts', 'seed/**/*.test.ts', 'scripts/**/*.test.mjs'];
const CLUSTER_TESTS = 'scripts/cluster.integration.mjs';
const REPORT_DIR = at('test-results');

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
// `unit`, `e2e` or `cluster` runs one part (the last two build first). After
// `unit`, file patterns replace the default ones; after `e2e --`, arguments go
// to Playwright (a spec, --grep…).
const only = process.argv[2];
const extraArgs = process.argv.slice(3);
const dashDash = extraArgs.indexOf('--');
const unitPatterns = only === 'unit' && extraArgs.length > 0 && dashDash === -1 ? extraArgs : UNIT_TEST_PATTERNS;
const playwrightArgs = dashDash === -1 ? [] : extraArgs.slice(dashDash + 1);
const runId = `${process.pid}_${Date.now().toString(36)}`;
const templateDb = `attest_test_template_${runId}`;
const e2eDb = `attest_test_e2e_${runId}`;

const baseEnv = {
  ...process.env,
  PATH: `${at('node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  NEXT_TELEMETRY_DISABLED: '1',
  CHECKPOINT_DISABLE: '1',
};

function databaseUrl(name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function run(label, command, args, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n▶ ${label}`);
    const child = spawn(process.execPath, [command, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...baseEnv, ...env } });
    child.on('exit', (code, signal) => {
      console.log(`◀ ${label}: ${code === 0 ? 'ok' : `failed (${signal ?? `exit ${code}`})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve(code ?? 1);
    });
  });
}

async function admin(statement) {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}

function countFromTap(file) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const pick = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: pick('pass'), failed: pick('fail') + pick('cancelled') };
}

function countFromPlaywright(file) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 0 };
  const { stats } = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) };
}

async function main() {
  if (only !== undefined && !['unit', 'e2e', 'cluster'].includes(only)) {
    console.error(`usage: node scripts/test.mjs [unit [files…] | e2e [-- playwright args…] | cluster]`);
    return 2;
  }
  try {
    assertLocalDatabaseUrl(serverUrl);
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  try {
    await admin('SELECT 1');
  } catch (error) {
    console.error(`Cannot reach PostgreSQL at ${serverUrl.replace(/:[^:@/]+@/, ':***@')}: ${error.message}\nStart PostgreSQL or set TEST_DATABASE_URL to a local server.`);
    return 2;
  }
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  const totals = { passed: 0, failed: 0 };
  let setupFailed = false;

  try {
    await admin(`CREATE DATABASE "${templateDb}"`);
    const templateEnv = { DATABASE_URL: databaseUrl(templateDb), SEED_DEMO_USERS: '1' };
    if ((await run('migrate the test template database', PRISMA_CLI, ['migrate', 'deploy'], templateEnv)) !== 0 ||
        (await run('seed the test template database', 'scripts/run-tsx.mjs', ['seed/index.ts'], templateEnv)) !== 0) {
      setupFailed = true;
      return 1;
    }

    if (only === undefined || only === 'unit') {
      const tap = path.join(REPORT_DIR, 'unit.tap');
      await run('unit and integration tests', 'scripts/run-tsx.mjs', [
        '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`,
        ...unitPatterns,
      ], { ATTEST_TEST_SERVER_URL: serverUrl, ATTEST_TEST_TEMPLATE_DB: templateDb });
      const counts = countFromTap(tap);
      totals.passed += counts.passed;
      totals.failed += counts.failed;
    }

    if (only !== 'unit') {
      if ((await run('production build', NEXT_CLI, ['build'])) !== 0) {
        setupFailed = true;
        return 1;
      }
    }

    if (only === undefined || only === 'e2e') {
      // The reader pages' JavaScript budget (issue 9), read from the build: one check in the total.
      if ((await run('JavaScript per page (scripts/report-public-js.mjs)', 'scripts/report-public-js.mjs', [])) === 0) totals.passed += 1;
      else totals.failed += 1;
      await admin(`CREATE DATABASE "${e2eDb}" TEMPLATE "${templateDb}"`);
      clearNextDataCache(ROOT);
      const report = path.join(REPORT_DIR, 'e2e.json');
      fs.rmSync(report, { force: true });
      await run('end-to-end tests in Chromium', PLAYWRIGHT_CLI, ['test', '-c', 'e2e/playwright.config.ts', ...playwrightArgs], {
        E2E_DATABASE_URL: databaseUrl(e2eDb),
        PLAYWRIGHT_JSON_OUTPUT_FILE: report,
      });
      const counts = countFromPlaywright(report);
      totals.passed += counts.passed;
      totals.failed += counts.failed;
      if (counts.passed + counts.failed === 0) setupFailed = true;
    }

    if (only === undefined || only === 'cluster') {
      const tap = path.join(REPORT_DIR, 'cluster.tap');
      fs.rmSync(tap, { force: true });
      await run('cluster tests (Varnish, two instances, Redis, a replica)', 'scripts/run-tsx.mjs', [
        '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`,
        CLUSTER_TESTS,
      ], { ATTEST_TEST_SERVER_URL: serverUrl, ATTEST_TEST_TEMPLATE_DB: templateDb });
      const counts = countFromTap(tap);
      totals.passed += counts.passed;
      totals.failed += counts.failed;
      if (counts.passed + counts.failed === 0) setupFailed = true;
    }
  } finally {
    for (const name of [e2eDb, templateDb]) {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error) => console.error(`could not drop ${name}: ${error.message}`));
    }
    console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed`);
  }
  return totals.failed > 0 || setupFailed || totals.passed === 0 ? 1 : 0;
}

process.exitCode = await main();
