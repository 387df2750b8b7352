// The cluster of `npm run cluster` (scripts/cluster.mjs), tested as readers
// and editors meet it: Varnish in front of two production instances sharing
// Redis and PostgreSQL. Needs a production build, so scripts/test.mjs runs it
// after the build, as its own stage (`node scripts/test.mjs cluster` alone).
// Not a *.test.mjs file: the unit stage runs before the build.
//
// Editors act through instance A's real server actions over HTTP (sign-in
// form, then "Approve and publish"), so the app's own commit → updateTag →
// Varnish purge path runs; readers are plain GETs.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import postgres from 'postgres';
import { PrismaClient } from '../lib/generated/prisma/client.ts';
import { createTestDatabase } from '../lib/testing/test-database.ts';
import { createVerdict } from '../seed/factories/claims.ts';
import { startCluster } from './cluster.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const demo = JSON.parse(fs.readFileSync(path.join(ROOT, 'seed', 'factories', 'demo-accounts.json'), 'utf8'));
const REVIEWER = { email: demo.accounts.editor.email, password: demo.password };
const SEED_AUTHOR_EMAIL = 'seed-author@attest.local';
// Ports of their own, so that the suite can run next to a developer's cluster.
const APP_PORT = Number(process.env.ATTEST_CLUSTER_TEST_APP_PORT ?? 3251);
const VARNISH_PORT = Number(process.env.ATTEST_CLUSTER_TEST_VARNISH_PORT ?? 6281);
const PG_PORT = Number(process.env.ATTEST_CLUSTER_TEST_PG_PORT ?? 5451);
const VISIBLE_WITHIN_MS = 1_000; // the issue's promise for a published verdict
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- Acting as an editor, over HTTP ---------------------------------------------------

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8'));

/** A server action of the build: its id and the route of the first page that uses it. */
function serverAction(file, name) {
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === file && entry.exportedName === name) return { id, page: Object.keys(entry.workers)[0] };
  }
  throw new Error(`${file}#${name} is not in the build's server-reference manifest`);
}

/**
 * Calls a (previousState, formData) action as React does: the form's fields
 * under "_1_", then the root "0" referring to them. Resolves { status,
 * redirectedTo, cookies }.
 */
async function callAction(baseUrl, { id, page }, routeParam, fields, cookie = '') {
  const route = page.replace(/^app/, '').replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '').replace(/\[[^\]]+\]/g, routeParam ?? '');
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
  body.append('0', '[null,"$K1"]');
  const response = await fetch(`${baseUrl}${route}`, {
    method: 'POST',
    headers: { 'Next-Action': id, Accept: 'text/x-component', Origin: baseUrl, Cookie: cookie },
    body,
    redirect: 'manual',
  });
  await response.arrayBuffer();
  const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0]);
  return { status: response.status, redirectedTo: response.headers.get('x-action-redirect'), cookies };
}

/** Signs in through the sign-in form's action on one instance; resolves the Cookie header of the session. */
async function signIn(baseUrl, { email, password }) {
  const result = await callAction(baseUrl, serverAction('lib/auth/actions.ts', 'signInAction'), '', { email, password });
  const session = result.cookies.find((pair) => /session-token=/.test(pair));
  assert.ok(session, `signing in as ${email} on ${baseUrl} set no session cookie (status ${result.status}, redirect ${result.redirectedTo})`);
  return result.cookies.join('; ');
}

/** "Approve and publish" on one instance, as the signed-in reviewer. */
async function approve(baseUrl, cookie, verdict) {
  const action = serverAction('lib/verdicts/actions.ts', 'approveVerdictAction');
  const result = await callAction(baseUrl, action, verdict.id, { verdictId: verdict.id, version: String(verdict.version) }, cookie);
  assert.match(result.redirectedTo ?? '', /done=published/, `approving ${verdict.id} did not publish (status ${result.status}, redirect ${result.redirectedTo})`);
}

// --- Arranging data -----------------------------------------------------------------

/**
 * A published claim with a published verdict, and a submitted correction of
 * it by the seed's author (so the demo editor may review it), with a headline
 * of its own to look for on the page.
 */
async function arrangeCorrection(prisma, sql, claimSlug) {
  const [claim] = await sql`
    SELECT c.id, c.slug, v.headline, a.source_id FROM claims c
    JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED'
    JOIN appearances a ON a.claim_id = c.id
    WHERE c.status = 'PUBLISHED' ${claimSlug ? sql`AND c.slug = ${claimSlug}` : sql``}
    ORDER BY c.slug LIMIT 1`;
  assert.ok(claim, 'the seeded database has no published claim with a published verdict');
  const [author] = await sql`SELECT id FROM users WHERE email = ${SEED_AUTHOR_EMAIL}`;
  assert.ok(author, `the seeded database has no ${SEED_AUTHOR_EMAIL}`);
  const verdict = await createVerdict(prisma, { claimId: claim.id, authorId: author.id, state: 'SUBMITTED', evidenceSourceId: claim.source_id, correctionNote: 'Correction publiée par le test du cluster.' });
  const headline = `Verdict du cluster ${crypto.randomBytes(4).toString('hex')}`;
  await sql`UPDATE verdicts SET headline = ${headline} WHERE id = ${verdict.id}`;
  const [{ version }] = await sql`SELECT version FROM verdicts WHERE id = ${verdict.id}`;
  return { claimPath: `/claims/${claim.slug}`, oldHeadline: claim.headline, newHeadline: headline, verdict: { id: verdict.id, version } };
}

// --- Reading as a reader ------------------------------------------------------------

/** The claim page's current verdict headline (earlier verdicts are listed too, under another class). */
async function currentHeadline(url) {
  const response = await fetch(url);
  const html = await response.text();
  assert.equal(response.status, 200, `GET ${url}: ${response.status}`);
  const match = html.match(/class="verdict-headline"[^>]*>([^<]*)</);
  assert.ok(match, `GET ${url}: no current verdict on the page`);
  return { headline: match[1], cache: response.headers.get('x-cache'), age: Number(response.headers.get('age') ?? 0) };
}

/** Polls fn until it returns true or the deadline passes; resolves the milliseconds it took, or throws with the last value. */
async function pollUntil(fn, deadlineMs, describeLast) {
  const started = performance.now();
  let last;
  for (;;) {
    last = await fn();
    if (last === true) return performance.now() - started;
    if (performance.now() - started > deadlineMs) throw new assert.AssertionError({ message: `not within ${deadlineMs} ms: ${describeLast()}` });
    await sleep(25);
  }
}

/** Waits until Varnish has a fresh copy of the page (a second GET is a hit). */
async function warm(url) {
  await currentHeadline(url);
  await pollUntil(async () => (await fetch(url).then(async (r) => (await r.arrayBuffer(), r.headers.get('x-cache') ?? ''))).includes('HIT'), 5_000, () => `${url} is not cached`);
}

async function dumpLogs(cluster) {
  for (const file of [...cluster.instances.map((i) => i.logFile), cluster.varnish.logFile]) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-25).join('\n') : '';
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
    cluster = await startCluster({ databaseUrl: database.url, appPort: APP_PORT, varnishPort: VARNISH_PORT, cachePrefix: `attest-cluster-${process.pid}:` });
  });
  after(async () => {
    if (failed && cluster) await dumpLogs(cluster);
    await cluster?.stop();
    await database?.drop();
  });

  test('a verdict approved through instance A is visible through Varnish and on instance B within 1 s', async (t) => {
    try {
      const [a, b] = cluster.instances;
      const arranged = await arrangeCorrection(database.prisma, database.sql);
      const throughVarnish = `${cluster.varnishUrl}${arranged.claimPath}`;
      const onB = `${b.url}${arranged.claimPath}`;
      // Both caches hold the old verdict first: Varnish's copy, and B's Next cache.
      await warm(throughVarnish);
      assert.equal((await currentHeadline(onB)).headline, arranged.oldHeadline);
      assert.equal((await currentHeadline(throughVarnish)).headline, arranged.oldHeadline);

      const cookie = await signIn(a.url, REVIEWER);
      await approve(a.url, cookie, arranged.verdict);
      let seen = {};
      const took = await pollUntil(
        async () => {
          const [varnish, direct] = await Promise.all([currentHeadline(throughVarnish), currentHeadline(onB)]);
          seen = { varnish, direct };
          return varnish.headline === arranged.newHeadline && direct.headline === arranged.newHeadline;
        },
        VISIBLE_WITHIN_MS,
        () => `through Varnish "${seen.varnish?.headline}", on B "${seen.direct?.headline}", expected "${arranged.newHeadline}"`,
      );
      t.diagnostic(`visible through Varnish and on B ${Math.round(took)} ms after the action returned`);
    } catch (error) {
      failed = true;
      throw error;
    }
  });

  test('killing one instance under load loses no request but those in flight to it', async (t) => {
    try {
      // Each URL is new to Varnish, so every request reaches an instance.
      const [claim] = await database.sql`SELECT slug FROM claims WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1`;
      const concurrency = 8;
      const results = []; // { startedAt, failure }
      let inFlight = 0;
      let killedAt = Infinity;
      let inFlightAtKill = 0;
      let stopAt = Infinity;
      let sequence = 0;
      const worker = async () => {
        while (performance.now() < stopAt) {
          const startedAt = performance.now();
          inFlight++;
          let failure = null;
          try {
            const response = await fetch(`${cluster.varnishUrl}/claims/${claim.slug}?load=${sequence++}`, { signal: AbortSignal.timeout(10_000) });
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
      await sleep(1_500);
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

  test('with every instance stopped, Varnish still serves the pages it holds (grace)', async () => {
    try {
      const [claim] = await database.sql`SELECT slug FROM claims WHERE status = 'PUBLISHED' ORDER BY slug DESC LIMIT 1`;
      const url = `${cluster.varnishUrl}/claims/${claim.slug}`;
      await warm(url);
      const { headline } = await currentHeadline(url);
      await Promise.all(cluster.instances.map((instance) => instance.stop()));
      await cluster.waitForBackends({ app1: false, app2: false }, 10_000);
      const served = await currentHeadline(url);
      assert.equal(served.headline, headline);
      assert.ok(/HIT/.test(served.cache ?? '') || served.age > 0, `served with X-Cache ${served.cache}, Age ${served.age}: not from Varnish's cache`);
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

      // From now on the replica stays behind the primary.
      await replica`SELECT pg_wal_replay_pause()`;
      const cookie = await signIn(cluster.instances[0].url, REVIEWER);
      await approve(cluster.instances[0].url, cookie, arranged.verdict);
      const [{ state }] = await replica`SELECT state FROM verdicts WHERE id = ${arranged.verdict.id}`;
      assert.equal(state, 'SUBMITTED', 'the replica was meant to lag behind the publish');

      // The refilled pages come from the primary: the new verdict, and from then on never the old one.
      const pages = [];
      const took = await pollUntil(
        async () => {
          const seen = await Promise.all([currentHeadline(throughVarnish), currentHeadline(onB)]);
          pages.push(...seen);
          return seen.every((page) => page.headline === arranged.newHeadline);
        },
        5_000,
        () => `pages seen: ${pages.slice(-2).map((page) => `"${page.headline}" (${page.cache ?? 'direct'})`).join(', ')}; expected "${arranged.newHeadline}"`,
      );
      for (let i = 0; i < 10; i++) {
        for (const url of [throughVarnish, onB]) assert.equal((await currentHeadline(url)).headline, arranged.newHeadline, `${url} went back to an older verdict`);
        await sleep(100);
      }
      t.diagnostic(`new verdict on both ${Math.round(took)} ms after the action returned, replica still behind`);
    } catch (error) {
      failed = true;
      throw error;
    }
  });
});
