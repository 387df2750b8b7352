import assert from 'node:assert/strict';
import { PrismaPg } from '@prisma/adapter-pg';
import { after, before, describe, test } from 'node:test';
import { PrismaClient } from '../generated/prisma/client';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

// Readiness against the real PostgreSQL and the real Redis on 127.0.0.1:6379,
// and against addresses where nothing listens.

// The failed checks log a warning each; this file asserts on answers, not on log lines.
process.env.LOG_LEVEL = 'silent';
const UNREACHABLE_REDIS = 'redis://127.0.0.1:1';
const REDIS = 'redis://127.0.0.1:6379/15';

let db: TestDatabase;
let health: typeof import('./health');
let readyRoute: typeof import('../../app/api/health/ready/route');
let liveRoute: typeof import('../../app/api/health/live/route');

before(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  delete process.env.REDIS_URL;
  health = await import('./health');
  readyRoute = await import('../../app/api/health/ready/route');
  liveRoute = await import('../../app/api/health/live/route');
});
after(() => db?.drop());

describe('readiness', () => {
  test('the database answers and no REDIS_URL is set: 200, no-store, only the database checked', async () => {
    const response = await readyRoute.GET();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('set-cookie'), null);
    assert.deepEqual(await response.json(), { status: 'ok', checks: { database: 'ok' } });
  });

  test('the live probe answers without touching anything', async () => {
    const response = liveRoute.GET();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  test('PostgreSQL and Redis both answer: ok', async () => {
    assert.deepEqual(await health.checkReadiness({ redisUrl: REDIS }), { status: 'ok', checks: { database: 'ok', redis: 'ok' } });
  });

  test('Redis unreachable: unavailable, naming redis and nothing of its address; the process carries on', async () => {
    const readiness = await health.checkReadiness({ redisUrl: UNREACHABLE_REDIS });
    assert.equal(readiness.status, 'unavailable');
    assert.ok(readiness.status === 'unavailable');
    assert.deepEqual(readiness.failed, ['redis']);
    assert.equal(readiness.checks.database, 'ok');
    assert.doesNotMatch(JSON.stringify(readiness), /127\.0\.0\.1|redis:\/\//);
    // Asked again while the client reconnects in the background: still a quick, clean answer.
    const again = await health.checkReadiness({ redisUrl: UNREACHABLE_REDIS });
    assert.equal(again.status, 'unavailable');
  });

  test('PostgreSQL unreachable: unavailable, naming the database', async () => {
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: 'postgresql://postgres@127.0.0.1:1/none' }) });
    try {
      const { pingDatabase } = await import('./queries');
      const readiness = await health.checkReadiness({ redisUrl: REDIS, database: () => pingDatabase(unreachable) });
      assert.deepEqual(readiness, { status: 'unavailable', failed: ['database'], checks: { database: 'failed', redis: 'ok' } });
    } finally {
      await unreachable.$disconnect();
    }
  });

  test('the pool /api/metrics reports is the one the app queries through', async () => {
    const { metricsRegistry } = await import('./metrics.mjs');
    const text = await metricsRegistry().metrics();
    const open = Number(/^attest_db_pool_connections\{pool="primary"\} (\d+)$/m.exec(text)?.[1]);
    assert.ok(open >= 1, text.split('\n').filter((line) => line.startsWith('attest_db_pool')).join('\n'));
  });

  test('once the server is stopping: shutting-down (503), and the shutdown hooks close the pool and Redis', async () => {
    const runtime = await import('./runtime.mjs');
    runtime.markShuttingDown();
    const response = await readyRoute.GET();
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { status: 'shutting-down' });
    assert.deepEqual(await runtime.runShutdownHooks(), []);
    const [[name, pool] = []] = runtime.databasePools();
    assert.equal(name, 'primary');
    assert.equal(pool?.totalCount, 0, 'the pool was ended');
  });
});
