import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { freePorts, startReplicaPair } from '../../scripts/postgres-replica-pair.mjs';

// Public reads against a real private PostgreSQL 15 primary + streaming
// replica (scripts/postgres-replica-pair.mjs), holding a copy of the seeded
// test template, with the last public write's position in the machine's Redis.

const run = promisify(execFile);
const DATABASE = 'attest';
const prefix = `attest-test-shared:${randomBytes(4).toString('hex')}:`;

type Modules = {
  prisma: typeof import('../db').prisma;
  withPublicRead: typeof import('./public-read').withPublicRead;
  notePublicWrite: typeof import('./public-writes').notePublicWrite;
  requiredReplayLsn: typeof import('./public-writes').requiredReplayLsn;
  resetPublicWrites: typeof import('./public-writes').resetPublicWrites;
  disconnectReplicas: typeof import('./replicas').disconnectReplicas;
};

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Copies the seeded template (scripts/test.mjs made it) into the pair's primary. */
async function copyTemplate(primaryUrl: string): Promise<void> {
  const serverUrl = process.env.ATTEST_TEST_SERVER_URL;
  const template = process.env.ATTEST_TEST_TEMPLATE_DB;
  if (!serverUrl || !template) throw new Error('Run this test through `npm test` (scripts/test.mjs), which prepares the template database.');
  const dump = '/tmp/attest-replica-test-' + randomBytes(4).toString('hex') + '.sql';
  await run('/usr/lib/postgresql/15/bin/pg_dump', ['--no-owner', '--no-privileges', '-f', dump, withDatabase(serverUrl, template)]);
  await run('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-f', dump, withDatabase(primaryUrl, DATABASE)], { maxBuffer: 16 * 1024 * 1024 });
  await run('rm', ['-f', dump]);
}

async function inRecovery(read: () => Promise<{ r: boolean }[]>): Promise<boolean> {
  const [row] = await read();
  assert.ok(row);
  return row.r;
}

describe('public reads on a streaming replica', () => {
  let pair: Awaited<ReturnType<typeof startReplicaPair>> | undefined;
  let replicaSql: postgres.Sql;
  let m: Modules;

  before(async () => {
    const [primaryPort, replicaPort] = await freePorts(2);
    pair = await startReplicaPair({ primaryPort, replicaPort });
    const admin = postgres(pair.primaryUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    await copyTemplate(pair.primaryUrl);
    process.env.DATABASE_URL = withDatabase(pair.primaryUrl, DATABASE);
    process.env.DATABASE_REPLICA_URLS = withDatabase(pair.replicaUrl, DATABASE);
    process.env.REDIS_URL = process.env.ATTEST_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/4';
    process.env.ATTEST_CACHE_PREFIX = prefix;
    replicaSql = postgres(withDatabase(pair.replicaUrl, DATABASE), { max: 1, onnotice: () => {} });
    // The copy reaches the replica before the tests start.
    const deadline = Date.now() + 30_000;
    while ((await replicaSql`SELECT count(*)::int AS n FROM claims`.catch(() => [{ n: 0 }]))[0]?.n === 0) {
      if (Date.now() > deadline) throw new Error('the replica never replayed the copied database');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [db, publicRead, publicWrites, replicas] = await Promise.all([import('../db'), import('./public-read'), import('./public-writes'), import('./replicas')]);
    m = { prisma: db.prisma, withPublicRead: publicRead.withPublicRead, ...publicWrites, disconnectReplicas: replicas.disconnectReplicas };
  });

  after(async () => {
    await replicaSql?.end().catch(() => {});
    if (m) {
      await m.disconnectReplicas();
      await m.resetPublicWrites();
      await m.prisma.$disconnect();
    }
    await pair?.stop();
  });

  const recoveryOf = (client: Modules['prisma']) => client.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`;

  test('a public read is answered by the replica, a dashboard read by the primary', async () => {
    assert.equal(await m.withPublicRead(() => inRecovery(() => recoveryOf(m.prisma))), true, 'the public read did not reach the replica');
    assert.equal(await inRecovery(() => recoveryOf(m.prisma)), false, 'a read outside a public read left the primary');
  });

  test('writes and transactions inside a public read go to the primary', async () => {
    const key = `replica-test:${randomBytes(4).toString('hex')}`;
    await m.withPublicRead(async () => {
      await m.prisma.rateLimitHit.create({ data: { key, expiresAt: new Date(Date.now() + 60_000) } });
      await m.prisma.$executeRaw`UPDATE rate_limit_hits SET expires_at = expires_at WHERE key = ${key}`;
      const inTransaction = await m.prisma.$transaction(async (tx) => inRecovery(() => tx.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`));
      assert.equal(inTransaction, false, 'a transaction inside a public read ran on the replica');
    });
    assert.equal(await m.prisma.rateLimitHit.count({ where: { key } }), 1);
  });

  test('after a public write the replica answers only once it has replayed it', async () => {
    const key = `replica-lag:${randomBytes(4).toString('hex')}`;
    const publicCount = () => m.withPublicRead(() => m.prisma.rateLimitHit.count({ where: { key } }));
    await replicaSql`SELECT pg_wal_replay_pause()`;
    try {
      await m.prisma.rateLimitHit.create({ data: { key, expiresAt: new Date(Date.now() + 60_000) } });
      // Control: the paused replica has not seen the row, and without a note it still answers.
      assert.equal(await publicCount(), 0, 'the replica should still answer (and lag) before the write is noted');

      await m.notePublicWrite();
      assert.equal(await publicCount(), 1, 'a public read after the noted write showed the replica’s old data');
      assert.equal(await m.withPublicRead(() => inRecovery(() => recoveryOf(m.prisma))), false, 'the lagging replica answered');

      // Another instance (no memory of this write) learns the position from Redis.
      const noted = await m.requiredReplayLsn();
      await m.resetPublicWrites();
      assert.equal(await m.requiredReplayLsn(), noted);
    } finally {
      await replicaSql`SELECT pg_wal_replay_resume()`;
    }
    const deadline = Date.now() + 10_000;
    while (!(await m.withPublicRead(() => inRecovery(() => recoveryOf(m.prisma))))) {
      assert.ok(Date.now() < deadline, 'public reads never went back to the replica after it caught up');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(await publicCount(), 1);
  });

  test('an unreachable replica hands public reads to the primary', async () => {
    assert.ok(pair);
    await pair.stopReplica();
    const key = `replica-down:${randomBytes(4).toString('hex')}`;
    await m.prisma.rateLimitHit.create({ data: { key, expiresAt: new Date(Date.now() + 60_000) } });
    assert.equal(await m.withPublicRead(() => m.prisma.rateLimitHit.count({ where: { key } })), 1);
    assert.equal(await m.withPublicRead(() => inRecovery(() => recoveryOf(m.prisma))), false);
  });
});
