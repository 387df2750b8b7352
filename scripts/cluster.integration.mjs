// The cluster of `npm run cluster` (scripts/cluster.mjs), tested as readers
// and editors meet it: Varnish in front of two production instances sharing
// Redis and PostgreSQL. Needs a production build, so scripts/test.mjs runs it
// after the build, as its own stage (`node scripts/test.mjs cluster` alone).
// Not a *.test.mjs file: the unit stage runs before the build.
//
// Editors act through instance A's real server actions over HTTP (see
// scripts/editor-over-http.mjs); readers are plain GETs.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PrismaPg } from '@prisma/adapter-pg';
import postgres from 'postgres';
import { PrismaClient } from '../lib/generated/prisma/client.ts';
import { createTestDatabase } from '../lib/testing/test-database.ts';
import { startCluster } from './cluster.mjs';
import { REVIEWER, approve, arrangeCorrection, currentHeadline, pollUntil, signIn } from './editor-over-http.mjs';

// Ports of their own, so that the suite can run next to a developer's cluster.
const APP_PORT = Number(process.env.ATTEST_CLUSTER_TEST_APP_PORT ?? 3251);
const VARNISH_PORT = Number(process.env.ATTEST_CLUSTER_TEST_VARNISH_PORT ?? 6281);
const PG_PORT = Number(process.env.ATTEST_CLUSTER_TEST_PG_PORT ?? 5451);
const VISIBLE_WITHIN_MS = 1_000; // the promise for a published verdict
// The replica test checks which verdict a refilled page shows; an old page cached as truth would stay for its s-maxage (60 s).
const REFILL_WITHIN_MS = 15_000;
// Pages are fresh in Varnish this long (the app's s-maxage), so that the grace test sees a stale copy soon.
const S_MAXAGE_SECONDS = 2;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until Varnish has a fresh copy of the page (a second GET is a hit). */
async function warm(url) {
  await currentHeadline(url);
  await pollUntil(async () => {
    const response = await fetch(url);
    await response.arrayBuffer();
    return /HIT/.test(response.headers.get('x-cache') ?? '') || Number(response.headers.get('age') ?? 0) > 0;
  }, 5_000, () => `${url} is not cached`);
}

async function dumpLogs(cluster) {
  for (const file of [...cluster.instances.map((i) => i.logFile), cluster.varnish.logFile]) {
    // Without the probes' and the load test's lines, which would fill it.
    const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n') : [];
    const text = lines.filter((line) => !line.includes('"path":"/api/health/')).slice(-25).join('\n');
    console.error(`--- ${path.basename(file)}\n${text}`);
  }
}

// --- The cluster on the machine's PostgreSQL -----------------------------------------

describe('a cluster of two instances behind Varnish', () => {
  let database;
  let cluster;
  let failed = false;

  before(async () => {
    database = await createTestDatabase();
    cluster = await startCluster({
      databaseUrl: database.url,
      appPort: APP_PORT,
      varnishPort: VARNISH_PORT,
      cachePrefix: `attest-cluster-${process.pid}:`,
      env: { ATTEST_PUBLIC_S_MAXAGE: String(S_MAXAGE_SECONDS) },
    });
  });
  after(async () => {
    if (failed && cluster) await dumpLogs(cluster);
    await cluster?.stop();
    await database?.drop();
  });

  test('a verdict approved through instance A is visible through Varnish and on instance B within 1 s', async (t) => {
    try {
      const [a, b] = cluster.instances;
      const cookie = await signIn(a.url, REVIEWER);
      // The promise is about a running site: one untimed publish first, so
      // that neither instance pays its first render of a corrected claim
      // (code loaded and compiled on first use, over a second in a fresh
      // process) inside the measured second.
      // Next's cache is shared, so a page one instance rendered is a hit on
      // the other: each renders claim pages of its own (both languages).
      const { items } = await (await fetch(`${a.url}/api/claims?limit=12`)).json();
      await Promise.all(cluster.instances.map(async (instance, index) => {
        for (const { slug } of items.filter((_, i) => i % cluster.instances.length === index)) {
          for (const prefix of ['', '/en']) await (await fetch(`${instance.url}${prefix}/claims/${slug}`)).arrayBuffer();
        }
      }));
      const warmUp = await arrangeCorrection(database.prisma, database.sql);
      await approve(a.url, cookie, warmUp.verdict);
      for (const base of [b.url, a.url, cluster.varnishUrl]) {
        await pollUntil(async () => (await currentHeadline(`${base}${warmUp.claimPath}`)).headline === warmUp.newHeadline, REFILL_WITHIN_MS, () => `${base}${warmUp.claimPath} never showed the warm-up verdict`);
      }
      const arranged = await arrangeCorrection(database.prisma, database.sql);
      const throughVarnish = `${cluster.varnishUrl}${arranged.claimPath}`;
      const onB = `${b.url}${arranged.claimPath}`;
      // Both caches hold the old verdict first: Varnish's copy, and B's Next cache.
      await warm(throughVarnish);
      assert.equal((await currentHeadline(onB)).headline, arranged.oldHeadline);
      assert.equal((await currentHeadline(throughVarnish)).headline, arranged.oldHeadline);

      await approve(a.url, cookie, arranged.verdict);
      // Each address polled on its own: an answer counts at the time it arrives.
      const [throughVarnishMs, onBMs] = await Promise.all(
        [throughVarnish, onB].map((url) => {
          let last;
          return pollUntil(
            async () => (last = await currentHeadline(url)).headline === arranged.newHeadline,
            VISIBLE_WITHIN_MS,
            () => `${url} served "${last?.headline}" (X-Cache ${last?.cache}, Age ${last?.age}, Next cache ${last?.nextCache}); expected "${arranged.newHeadline}"`,
          );
        }),
      );
      t.diagnostic(`visible through Varnish ${Math.round(throughVarnishMs)} ms and on B ${Math.round(onBMs)} ms after the action returned`);
    } catch (error) {
      failed = true;
      throw error;
    }
  });

  test('killing one instance under load loses no request but those in flight to it', async (t) => {
    try {
      // Varnish passes /api/health/* to an instance, never caching it: every
      // request of the load reaches one, and costs it no rendering, so the
      // load is steady whatever else the machine does.
      const concurrency = 8;
      const results = []; // { startedAt, failure }
      let inFlight = 0;
      let killedAt = Infinity;
      let inFlightAtKill = 0;
      let stopAt = Infinity;
      const worker = async () => {
        while (performance.now() < stopAt) {
          const startedAt = performance.now();
          inFlight++;
          let failure = null;
          try {
            const response = await fetch(`${cluster.varnishUrl}/api/health/live`, { signal: AbortSignal.timeout(10_000) });
            await response.arrayBuffer();
            if (response.status !== 200) failure = `HTTP ${response.status}`;
          } catch (error) {
            failure = error.cause?.code ?? error.name;
          }
          inFlight--;
          results.push({ startedAt, failure });
        }
      };
      const load = Promise.all(Array.from({ length: concurrency }, worker));
      // Steady first: both instances answering (the first requests of a fresh instance are slow).
      await pollUntil(async () => (await sleep(100), results.filter((r) => !r.failure).length >= 50), 20_000, () => `${results.length} requests answered`);
      inFlightAtKill = inFlight;
      killedAt = performance.now();
      await cluster.instances[1].kill();
      // Long enough for Varnish's probe to mark it sick, and some more.
      await cluster.waitForBackends({ app1: true, app2: false }, 10_000);
      stopAt = performance.now() + 1_000;
      await load;

      const before = results.filter((r) => r.startedAt < killedAt);
      const afterKill = results.filter((r) => r.startedAt >= killedAt);
      const failedBefore = before.filter((r) => r.failure);
      const failedAfter = afterKill.filter((r) => r.failure);
      t.diagnostic(`${results.length} requests: ${before.length} before the kill (${failedBefore.length} failed, ${inFlightAtKill} were in flight), ${afterKill.length} after (${failedAfter.length} failed)`);
      assert.ok(before.length > 10 && afterKill.length > 10, 'the load was too light to tell anything');
      // Requests that reached the killed instance before its death may fail;
      // every request that started later is answered, by the instance left.
      assert.ok(failedBefore.length <= inFlightAtKill, `${failedBefore.length} requests started before the kill failed, but only ${inFlightAtKill} were in flight: ${failedBefore.map((r) => r.failure).join(', ')}`);
      assert.deepEqual(failedAfter.map((r) => r.failure), [], 'requests started after the kill failed');
    } catch (error) {
      failed = true;
      throw error;
    }
  });

  test('with every instance stopped, Varnish serves the stale copy of a page (grace)', async () => {
    try {
      const [claim] = await database.sql`SELECT slug FROM claims WHERE status = 'PUBLISHED' ORDER BY slug DESC LIMIT 1`;
      const url = `${cluster.varnishUrl}/claims/${claim.slug}`;
      await warm(url);
      const { headline } = await currentHeadline(url);
      // Past its s-maxage the copy is stale, and kept for the grace period.
      await sleep(S_MAXAGE_SECONDS * 1000 + 500);
      await Promise.all(cluster.instances.map((instance) => instance.stop()));
      await cluster.waitForBackends({ app1: false, app2: false }, 10_000);
      const served = await currentHeadline(url);
      assert.equal(served.headline, headline);
      assert.equal(served.cache, 'HIT', 'not served from Varnish');
      assert.ok(served.stale, 'the copy Varnish served was not stale: this tested no grace');
    } catch (error) {
      failed = true;
      throw error;
    }
  });
});

// --- The cluster on a private primary + streaming replica ----------------------------

describe('a cluster on a PostgreSQL primary and a streaming replica', () => {
  let cluster;
  let prisma;
  let primary;
  let replica;
  let failed = false;

  before(async () => {
    cluster = await startCluster({ replica: { primaryPort: PG_PORT, replicaPort: PG_PORT + 1 }, appPort: APP_PORT, varnishPort: VARNISH_PORT, cachePrefix: `attest-cluster-${process.pid}-replica:` });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: cluster.databaseUrl, max: 2 }) });
    primary = postgres(cluster.databaseUrl, { max: 2, onnotice: () => {} });
    replica = postgres(cluster.replicaUrl, { max: 1, onnotice: () => {} });
  });
  after(async () => {
    if (failed && cluster) await dumpLogs(cluster);
    if (replica) await replica`SELECT pg_wal_replay_resume()`.catch(() => {});
    await prisma?.$disconnect();
    await primary?.end();
    await replica?.end();
    await cluster?.stop();
  });

  test('a page refilled after a publish shows the new verdict, even while the replica lags behind', async (t) => {
    try {
      const [, b] = cluster.instances;
      const arranged = await arrangeCorrection(prisma, primary);
      const throughVarnish = `${cluster.varnishUrl}${arranged.claimPath}`;
      const onB = `${b.url}${arranged.claimPath}`;
      // The replica has the submitted verdict, and the caches the old page.
      await pollUntil(async () => (await replica`SELECT 1 FROM verdicts WHERE id = ${arranged.verdict.id}`).length === 1, 10_000, () => 'the replica never received the arranged verdict');
      await warm(throughVarnish);
      assert.equal((await currentHeadline(onB)).headline, arranged.oldHeadline);
      // The instances do read from the replica (their pools keep connections open): this test is not vacuous.
      const [{ clients }] = await replica`SELECT count(*)::int AS clients FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`;
      assert.ok(clients > 0, 'no instance has connected to the replica: public reads do not use it');

      // From now on the replica stays behind the primary.
      await replica`SELECT pg_wal_replay_pause()`;
      const cookie = await signIn(cluster.instances[0].url, REVIEWER);
      await approve(cluster.instances[0].url, cookie, arranged.verdict);
      const [{ state }] = await replica`SELECT state FROM verdicts WHERE id = ${arranged.verdict.id}`;
      assert.equal(state, 'SUBMITTED', 'the replica was meant to lag behind the publish');

      // The refilled pages come from the primary: the new verdict, and from then on never the old one.
      // What is asserted here is which verdict comes back, not how fast (the
      // first test holds the 1 s): the bound only ends a test that would wait forever.
      const [throughVarnishMs, onBMs] = await Promise.all(
        [throughVarnish, onB].map((url) => {
          let last;
          return pollUntil(
            async () => (last = await currentHeadline(url)).headline === arranged.newHeadline,
            REFILL_WITHIN_MS,
            () => `${url} served "${last?.headline}" (X-Cache ${last?.cache}, Age ${last?.age}, Next cache ${last?.nextCache}); expected "${arranged.newHeadline}"`,
          );
        }),
      );
      for (let i = 0; i < 10; i++) {
        for (const url of [throughVarnish, onB]) assert.equal((await currentHeadline(url)).headline, arranged.newHeadline, `${url} went back to an older verdict`);
        await sleep(100);
      }
      t.diagnostic(`new verdict through Varnish ${Math.round(throughVarnishMs)} ms and on B ${Math.round(onBMs)} ms after the action returned, replica still behind`);
    } catch (error) {
      failed = true;
      throw error;
    }
  });
});
