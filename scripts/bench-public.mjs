// `npm run bench:public`: the public read path under load, side by side in one run.
//
//   node scripts/run-tsx.mjs scripts/bench-public.mjs [--duration 10] [--connections 64]
//        [--port 6081] [--app-port 3001] [--nginx-port 8081]
//
// Starts the cluster of `npm run cluster` (two instances behind Varnish) on a
// database of its own (created on TEST_DATABASE_URL's server, default the
// local postgresql://postgres@127.0.0.1:5432, migrated, seeded, dropped at the
// end: the bench publishes verdicts), and nginx serving the very same bytes
// as static files. Then `wrk -t2 -c<connections> -d<duration>s` on the claim
// page and /api/claims, (a) through Varnish, (b) straight from one instance,
// (c) from nginx; the time from "Approve and publish" on one instance to the
// new verdict through Varnish (median of 3, after one not counted); the RSS of each instance after
// the load. Prints a table against the issue's targets.
//
// Needs a production build, varnishd, and wrk + nginx: those two it installs
// with apt-get when missing (and says so), as the issue allows for the bench.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client.ts';
import { ClusterError, startCluster } from './cluster.mjs';
import { REVIEWER, approve, arrangeCorrection, currentHeadline, pollUntil, signIn } from './editor-over-http.mjs';
import { assertLocalDatabaseUrl } from './local-database.mjs';

const TARGETS = { varnishShareOfNginx: 0.9, instanceShareOfNginx: 0.05, rssMb: 300 };
const APPROVE_RUNS = 3;
// As every browser asks. Varnish stores what the app compressed; asked for
// identity it would gunzip on every hit, which no reader costs it.
const ACCEPT_ENCODING = 'gzip';
const say = (message) => console.log(`[bench] ${message}`);

function which(name) {
  return spawnSync('sh', ['-c', `command -v ${name} || ls /usr/sbin/${name} 2>/dev/null`], { encoding: 'utf8' }).stdout.trim().split('\n')[0] || null;
}

/** wrk and nginx, installed from Debian if missing (the only thing this repository installs by itself). */
function ensureLoadTools() {
  const missing = ['wrk', 'nginx'].filter((tool) => !which(tool));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new ClusterError(`${missing.join(' and ')} missing: apt-get install -y ${missing.join(' ')}`);
  say(`Installing ${missing.join(' and ')} with apt-get (apt-get install -y ${missing.join(' ')})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) throw new ClusterError(`apt-get ${args.join(' ')} failed`);
  }
}

/** nginx in the foreground on 127.0.0.1:port, serving files { urlPath: { file, type } } from dir. */
async function startNginx(dir, port, files) {
  const locations = Object.entries(files)
    .map(([urlPath, { file, type, headers }]) => `    location = ${urlPath} {\n      default_type "${type}";\n      alias ${file};\n${headers.map(([name, value]) => `      add_header ${name} "${value}";\n`).join('')}    }`)
    .join('\n');
  const temp = (name) => `${name}_temp_path ${path.join(dir, `${name}-temp`)};`;
  const config = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    config,
    `daemon off;
worker_processes auto;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'nginx-error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  server {
    listen 127.0.0.1:${port};
${locations}
  }
}
`,
  );
  // Workers run as nobody when started as root: they must be able to read the files.
  fs.chmodSync(dir, 0o755);
  const child = spawn(which('nginx'), ['-p', dir, '-c', config], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await pollUntil(async () => {
    if (child.exitCode !== null) throw new ClusterError(`nginx did not start: ${errors.trim()}`);
    return fetch(`http://127.0.0.1:${port}${Object.keys(files)[0]}`).then((r) => r.ok, () => false);
  }, 10_000, () => `nginx not answering on ${port}: ${errors.trim()}`);
  return {
    stop: async () => {
      process.kill(-child.pid, 'SIGQUIT'); // graceful shutdown
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    },
  };
}

const MS = { us: 0.001, ms: 1, s: 1000 };
const toMs = (text) => {
  const match = text?.match(/^([\d.]+)(us|ms|s)$/);
  return match ? Number(match[1]) * MS[match[2]] : null;
};

/** One wrk run: { rps, p50, p99 (ms), timeouts, errors (socket errors + non-2xx/3xx), requests }. */
function wrk(url, { duration, connections }) {
  const result = spawnSync(which('wrk'), ['-t2', `-c${connections}`, `-d${duration}s`, '--latency', '--timeout', '2s', '-H', `Accept-Encoding: ${ACCEPT_ENCODING}`, url], { encoding: 'utf8' });
  const out = result.stdout ?? '';
  if (result.status !== 0) throw new Error(`wrk ${url} failed: ${out}${result.stderr}`);
  const socket = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const non2xx = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  const requests = Number(out.match(/(\d+) requests in/)?.[1] ?? 0);
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0),
    requests,
    // With no request answered, wrk prints 0 for every percentile.
    p50: requests > 0 ? toMs(out.match(/^\s+50%\s+(\S+)/m)?.[1]) : null,
    p99: requests > 0 ? toMs(out.match(/^\s+99%\s+(\S+)/m)?.[1]) : null,
    timeouts: socket ? Number(socket[4]) : 0,
    errors: (socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0) + non2xx,
  };
}

/** VmRSS of every process in the instance's process group (the server and anything it spawned), in MB. */
function groupRssMb(leaderPid) {
  let kb = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the command name (2) may hold spaces, so split after its ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== leaderPid) continue;
      kb += Number(fs.readFileSync(`/proc/${entry}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

async function createBenchDatabase() {
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  assertLocalDatabaseUrl(serverUrl);
  const name = `attest_bench_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}

const fmt = (value, digits = 0) => (value === null || value === undefined || Number.isNaN(value) ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const pad = (text, width, right = false) => (right ? String(text).padStart(width) : String(text).padEnd(width));
// After a wrk run the servers close the keep-alive connections fetch left
// idle; one retry takes a fresh connection.
const get = (url, init) => fetch(url, init).catch(() => fetch(url, init));
// The headers nginx sends with a file as the app sends them with the page
// (security headers, Cache-Control, Content-Encoding…): the same answer, not a
// lighter one. nginx writes its own framing, date and type; xkey is what
// Varnish keeps to itself.
const NOT_COPIED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-type', 'etag', 'x-request-id', 'xkey']);
function staticHeaders(headers) {
  return Object.entries(headers)
    .filter(([name, value]) => !NOT_COPIED.has(name) && typeof value === 'string' && !/["$\\]/.test(value))
    .map(([name, value]) => [name, value]);
}

function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, encoding: response.headers['content-encoding'], headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .once('error', reject);
  });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '64' },
      port: { type: 'string', default: '6081' },
      'app-port': { type: 'string', default: '3001' },
      'nginx-port': { type: 'string', default: '8081' },
    },
    strict: true,
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  if (!(duration > 0) || !(connections > 0)) throw new ClusterError('--duration and --connections must be positive numbers');
  ensureLoadTools();

  const cleanup = [];
  let stopping = false;
  const stopAll = async () => {
    for (const step of cleanup.reverse()) await step().catch((error) => console.error(`[bench] cleanup: ${error.message}`));
    cleanup.length = 0;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      await stopAll();
      process.exit(130);
    });
  }

  try {
    say('Creating a database of its own (migrated and seeded with the demo accounts)…');
    const database = await createBenchDatabase();
    cleanup.push(database.drop);
    process.env.SEED_DEMO_USERS = '1';
    const cluster = await startCluster({ databaseUrl: database.url, varnishPort: Number(values.port), appPort: Number(values['app-port']), log: say, replica: false });
    cleanup.push(cluster.stop);

    const sql = postgres(database.url, { max: 2, onnotice: () => {} });
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }) });
    cleanup.push(async () => {
      await sql.end();
      await prisma.$disconnect();
    });
    const [claim] = await sql`SELECT slug FROM claims WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1`;
    const routes = [
      { label: 'claim page', path: `/claims/${claim.slug}`, type: 'text/html; charset=utf-8' },
      { label: '/api/claims', path: '/api/claims', type: 'application/json' },
    ];

    // nginx serves, as files, the bytes the app sends for the same URLs (compressed as the app compresses them).
    const www = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-bench-nginx-'));
    cleanup.push(async () => fs.rmSync(www, { recursive: true, force: true }));
    const files = {};
    for (const [index, route] of routes.entries()) {
      // node:http, not fetch: fetch would decompress the body.
      const { status, encoding, headers, body } = await rawGet(`${cluster.instances[0].url}${route.path}`, { 'Accept-Encoding': ACCEPT_ENCODING });
      if (status !== 200) throw new ClusterError(`GET ${route.path}: ${status}`);
      const file = path.join(www, `route-${index}`);
      fs.writeFileSync(file, body, { mode: 0o644 });
      files[route.path] = { file, type: route.type, headers: staticHeaders(headers) };
      route.bytes = body.length;
      route.encoding = encoding ?? 'identity';
    }
    const nginx = await startNginx(www, Number(values['nginx-port']), files);
    cleanup.push(nginx.stop);

    const servers = [
      { label: 'Varnish', base: cluster.varnishUrl },
      { label: 'one instance', base: cluster.instances[0].url },
      { label: 'nginx static', base: `http://127.0.0.1:${values['nginx-port']}` },
    ];
    const rows = [];
    for (const route of routes) {
      // First requests fill Varnish's and the app's caches: the load measures the steady state.
      for (const server of servers) {
        for (let i = 0; i < 3; i++) await get(`${server.base}${route.path}`).then((r) => r.arrayBuffer());
      }
      for (const server of servers) {
        say(`wrk -t2 -c${connections} -d${duration}s ${server.base}${route.path}`);
        rows.push({ route, server, ...wrk(`${server.base}${route.path}`, { duration, connections }) });
      }
    }
    const rss = cluster.instances.map((instance) => ({ name: instance.name, mb: groupRssMb(instance.pid) }));

    say(`Approve → visible through Varnish, ${APPROVE_RUNS} runs after a first one…`);
    const cookie = await signIn(cluster.instances[0].url, REVIEWER);
    const visibleMs = [];
    // One more run first, not counted: the first action of a fresh instance loads the newsroom's code.
    for (let run = -1; run < APPROVE_RUNS; run++) {
      const arranged = await arrangeCorrection(prisma, sql, claim.slug);
      const url = `${cluster.varnishUrl}${arranged.claimPath}`;
      await currentHeadline(url);
      const started = performance.now();
      await approve(cluster.instances[0].url, cookie, arranged.verdict);
      await pollUntil(async () => (await currentHeadline(url)).headline === arranged.newHeadline, 30_000, () => 'the new verdict never showed through Varnish');
      if (run >= 0) visibleMs.push(performance.now() - started);
    }

    // --- The table --------------------------------------------------------------------
    const lines = [];
    const header = `${pad('route', 12)} ${pad('served by', 13)} ${pad('req/s', 9, true)} ${pad('p50 ms', 8, true)} ${pad('p99 ms', 8, true)} ${pad('timeouts', 8, true)} ${pad('errors', 7, true)} ${pad('% nginx', 8, true)}  target`;
    lines.push(header, '-'.repeat(header.length + 14));
    const checks = [];
    for (const row of rows) {
      const nginxRow = rows.find((other) => other.route === row.route && other.server.label === 'nginx static');
      const share = row.rps / nginxRow.rps;
      let target = '';
      if (row.server.label === 'Varnish') target = `≥ ${TARGETS.varnishShareOfNginx * 100} %`;
      if (row.server.label === 'one instance') target = `≥ ${TARGETS.instanceShareOfNginx * 100} %`;
      const minimum = row.server.label === 'Varnish' ? TARGETS.varnishShareOfNginx : row.server.label === 'one instance' ? TARGETS.instanceShareOfNginx : 0;
      const ok = share >= minimum && row.timeouts === 0;
      if (target) checks.push(ok);
      else checks.push(row.timeouts === 0);
      lines.push(
        `${pad(row.route.label, 12)} ${pad(row.server.label, 13)} ${pad(fmt(row.rps), 9, true)} ${pad(fmt(row.p50, 2), 8, true)} ${pad(fmt(row.p99, 2), 8, true)} ${pad(row.timeouts, 8, true)} ${pad(row.errors, 7, true)} ${pad(`${fmt(share * 100, 1)} %`, 8, true)}  ${target ? `${target}, no timeouts: ${ok ? 'met' : 'MISSED'}` : `no timeouts: ${row.timeouts === 0 ? 'met' : 'MISSED'}`}`,
      );
    }
    lines.push('');
    lines.push(`approve → visible through Varnish: median ${fmt(median(visibleMs))} ms (runs: ${visibleMs.map((ms) => fmt(ms)).join(', ')} ms)`);
    for (const { name, mb } of rss) {
      checks.push(mb <= TARGETS.rssMb);
      lines.push(`RSS of ${name} after the load: ${fmt(mb)} MB (target ≤ ${TARGETS.rssMb} MB: ${mb <= TARGETS.rssMb ? 'met' : 'MISSED'})`);
    }
    lines.push(`wrk -t2 -c${connections} -d${duration}s --timeout 2s -H 'Accept-Encoding: ${ACCEPT_ENCODING}'; ${os.cpus().length} CPUs; ${routes.map((route) => `${route.label} ${fmt(route.bytes / 1024, 1)} KiB (${route.encoding})`).join(', ')}; nginx sends the app's headers with the same bytes.`);
    lines.push(`Targets met: ${checks.filter(Boolean).length} of ${checks.length}.`);
    console.log(`\n${lines.join('\n')}\n`);
  } finally {
    await stopAll();
  }
}

try {
  await main();
} catch (error) {
  console.error(`\n[bench] ERROR: ${error instanceof ClusterError ? error.message : error.stack}${error.cause ? `\n  cause: ${error.cause.message ?? error.cause}` : ''}`);
  process.exitCode = 1;
}
