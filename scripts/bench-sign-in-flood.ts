// Benchmark: does a flood of failed sign-ins slow the public pages down?
// Times a public claim page alone, then while 20 clients send failed
// sign-ins as fast as they can, and prints both side by side, with a
// reference: the same page while 20 clients ask for the cheapest page there
// is (the slowdown any 20 busy clients cause on this machine). It prints
// figures and asserts nothing.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/attest_bench \
//     node scripts/run-tsx.mjs scripts/bench-sign-in-flood.ts [--seconds=10] [--flooders=20]
//
// starts the production server (scripts/serve.mjs, on a free port; the build
// must exist: `npm run build`) on that database, which must be called
// attest_bench…: it is migrated and seeded first. The server is started with
// ATTEST_TRUSTED_PROXIES=127.0.0.1 and every failed sign-in claims another
// client address and another email, as a botnet would: no limit refuses them,
// so each one costs a full password hash, the worst case for the server.
//
//   node scripts/run-tsx.mjs scripts/bench-sign-in-flood.ts --url=http://127.0.0.1:3000
//
// targets a server already running on this machine instead (loopback only).
// Started without trusted proxies, its per-address limit soon refuses the
// flood without hashing; the line "hashed / refused by a limit" says which
// case was measured.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareBenchDatabase } from './bench-database';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const { values } = parseArgs({
  options: { url: { type: 'string' }, seconds: { type: 'string', default: '10' }, flooders: { type: 'string', default: '20' } },
  strict: true,
});
const wholeNumber = (name: string, raw: string | undefined, max: number) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return value;
};
const SECONDS = wholeNumber('seconds', values.seconds, 120);
const FLOODERS = wholeNumber('flooders', values.flooders, 100);
// The page is read by a few readers at once, each waiting for its answer: a steady, modest load.
const READERS = 2;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

// --- The server -------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startServer(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) fail('No production build: run `npm run build` first.');
  const { url: databaseUrl } = await prepareBenchDatabase('a flood of sign-in attempts');
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-only-secret-not-for-production-0000',
      AUTH_TRUST_HOST: 'true',
      ATTEST_TRUSTED_PROXIES: '127.0.0.1',
    },
  });
  // However this script ends, the server ends with it.
  process.on('exit', () => child.kill('SIGTERM'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`The server exited (code ${child.exitCode}).`);
    const ready = await fetch(`${baseUrl}/api/claims?limit=1`).then((response) => response.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { baseUrl, stop };
}

// --- Load -------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Reads the page in a loop from READERS readers until `until`; the latencies in ms. */
async function readPage(url: string, until: number): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const response = await fetch(url);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

const cookiePairs = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');

type FloodCount = { hashed: number; limited: number; other: number };

/** For reference: a client asking for the cheapest page there is, again and again, until `until`. */
async function hammerCheapPage(baseUrl: string, until: number): Promise<void> {
  while (performance.now() < until) await (await fetch(`${baseUrl}/api/auth/csrf`)).arrayBuffer();
}

/** Reads the page while `load` clients do their thing, starting once they are under way. */
async function readPageDuring(url: string, seconds: number, load: (until: number) => Promise<void>[]): Promise<number[]> {
  const until = performance.now() + seconds * 1000;
  const [latencies] = await Promise.all([
    new Promise<number[]>((resolve, reject) => setTimeout(() => readPage(url, until).then(resolve, reject), 500)),
    ...load(until),
  ]);
  return latencies;
}

/** One client failing to sign in, again and again, until `until`, each time as someone new from somewhere new. */
async function flood(baseUrl: string, worker: number, until: number, count: FloodCount): Promise<void> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = cookiePairs(csrf).join('; ');
  let attempt = 0;
  while (performance.now() < until) {
    attempt++;
    const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: cookie,
        'X-Forwarded-For': `10.${worker}.${(attempt >> 8) & 255}.${attempt & 255}`,
      },
      body: new URLSearchParams({ csrfToken, email: `flood-${worker}-${attempt}@bench.invalid`, password: 'not-the-password' }),
    });
    await response.arrayBuffer();
    const code = new URL(response.headers.get('location') ?? '/', baseUrl).searchParams.get('code');
    if (code === 'credentials') count.hashed++;
    else if (code === 'throttled') count.limited++;
    else count.other++;
  }
}

async function main() {
  let baseUrl: string;
  let stop = async () => {};
  if (values.url) {
    const target = new URL(values.url);
    if (!LOOPBACK.has(target.hostname)) fail(`Refusing to load ${target.hostname}: this benchmark only targets a server on this machine (127.0.0.1, localhost, [::1]).`);
    baseUrl = target.origin;
  } else {
    ({ baseUrl, stop } = await startServer());
  }
  try {
    const list = (await (await fetch(`${baseUrl}/api/claims?limit=1`)).json()) as { items?: { url: string }[] };
    const claimUrl = list.items?.[0]?.url;
    if (!claimUrl) fail('No published claim to read: seed the database.');
    const pageUrl = `${baseUrl}${new URL(claimUrl).pathname}`;
    await readPage(pageUrl, performance.now() + 1000); // warm the cache and the connections

    const alone = await readPage(pageUrl, performance.now() + SECONDS * 1000);
    const count: FloodCount = { hashed: 0, limited: 0, other: 0 };
    const during = await readPageDuring(pageUrl, SECONDS, (until) =>
      Array.from({ length: FLOODERS }, (_, worker) => flood(baseUrl, worker + 1, until, count)),
    );
    // The same number of clients asking for something that costs nothing: how
    // much of the slowdown is only the load of that many clients on this machine.
    const reference = await readPageDuring(pageUrl, SECONDS, (until) => Array.from({ length: FLOODERS }, () => hammerCheapPage(baseUrl, until)));

    const width = 48;
    const row = (label: string, latencies: number[]) =>
      `${label.padEnd(width)}${String(latencies.length).padStart(9)}${percentile(latencies, 50).toFixed(1).padStart(10)}${percentile(latencies, 95).toFixed(1).padStart(10)}`;
    console.log(`\n${pageUrl}, ${SECONDS} s per run, ${READERS} readers\n`);
    console.log(`${''.padEnd(width)}${'requests'.padStart(9)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}`);
    console.log(row('claim page alone', alone));
    console.log(row(`claim page, ${FLOODERS} clients failing to sign in`, during));
    console.log(row(`(reference: ${FLOODERS} clients reading /api/auth/csrf)`, reference));
    const total = count.hashed + count.limited + count.other;
    console.log(
      `\nfailed sign-ins: ${total} (${(total / SECONDS).toFixed(1)}/s); hashed ${count.hashed} / refused by a limit ${count.limited}` +
        (count.other ? ` / other answers ${count.other}` : ''),
    );
  } finally {
    await stop();
  }
}

await main();
