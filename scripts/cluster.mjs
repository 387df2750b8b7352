// `npm run cluster`: Attest as it runs at scale, on this one machine.
//
//   node scripts/cluster.mjs [--instances 2] [--port 6081] [--app-port 3001] [--pg-port 5441]
//   (--port: Varnish; --app-port: the first instance, the others follow;
//   --pg-port: with ATTEST_CLUSTER_REPLICA=1, the private primary, its replica on the next port)
//
//   Varnish (deploy/varnish/attest.vcl, round robin over health-checked backends)
//     └─ N × scripts/serve.mjs (the production server), sharing
//          Redis (REDIS_URL, default redis://127.0.0.1:6379) for Next's cache, under a key prefix of this run
//          PostgreSQL: DATABASE_URL, or with ATTEST_CLUSTER_REPLICA=1 a private primary + streaming
//          replica made in a temporary folder (scripts/postgres-replica-pair.mjs)
//
// Needs a production build (`npm run build`): it does not build, because a
// build rewrites .next under any server already running from it. It applies
// the migrations, and seeds a database that has no claim yet (the private pair
// always, with the demo accounts). It installs nothing: a missing varnishd or
// PostgreSQL server program stops it with the Debian packages to install.
//
// Ctrl-C / SIGTERM stops the instances (gracefully, then SIGKILL), Varnish
// and the private database, removes the temporary folder and this run's Redis
// keys. scripts/cluster.integration.mjs and scripts/bench-public.mjs import
// startCluster().

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { ATTEST_VCL, VARNISH_DIR, VARNISH_PACKAGES_HINT, backendsVcl, findVarnishd } from '../deploy/varnish/varnishd.mjs';
import { ensureAuthSecret } from './auth-secret.mjs';
import { clearNextDataCache } from './clear-data-cache.mjs';
import { groupGone, killGroup } from './process-group.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => path.join(ROOT, ...parts);
const PRISMA_CLI = at('node_modules', 'prisma', 'build', 'index.js');
const SERVE = at('scripts', 'serve.mjs');
const SEED = at('scripts', 'run-tsx.mjs');
const HOST = '127.0.0.1';
// serve.mjs gives requests in flight 8 s after SIGTERM; a little more, then SIGKILL.
const STOP_GRACE_MS = 10_000;
// Varnish probes each instance's /api/health/live every second (the include
// of deploy/varnish/varnishd.mjs): after 2 failures of the last 3 it is sick
// and gets no request; until then attest.vcl retries a failed fetch on the
// next instance.
const PROBE_PATH = '/api/health/live';

export class ClusterError extends Error {}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function findExecutable(name) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

function canConnect(port, host = HOST) {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => resolve(socket.destroy() || true));
    socket.once('error', () => resolve(false));
  });
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}

/**
 * Spawns `command args` detached (its own process group), output to a log
 * file and, when `echo` is given, line by line to it with a prefix.
 */
function spawnLogged(command, args, { env, logFile, name, echo }) {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const file = fs.createWriteStream(logFile, { flags: 'a' });
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      file.write(chunk);
      if (!echo) return;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      // Varnish's probes make a request log line per instance and second: in the file only.
      for (const line of lines) if (!line.includes('"path":"/api/health/')) echo(`[${name}] ${line}`);
    });
  }
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.exited.then(() => file.end());
  return child;
}

/** SIGTERM, then SIGKILL after graceMs; resolves when the whole group is gone. */
async function stopChild(child, graceMs = STOP_GRACE_MS) {
  if (!child || child.stopped) return;
  child.stopped = true;
  killGroup(child, 'SIGTERM');
  const exited = await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!exited || !(await groupGone(child, 1000))) killGroup(child, 'SIGKILL');
  await child.exited;
  await groupGone(child, 3000);
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function runNodeStep(label, args, env, logFile) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  fs.appendFileSync(logFile, `\n▶ ${label}\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.status !== 0) {
    throw new ClusterError(`${label} failed (exit ${result.status ?? result.signal}):\n${`${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n')}`);
  }
}

async function databaseIsEmpty(url) {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [row] = await sql`SELECT NOT EXISTS (SELECT 1 FROM claims) AS empty`;
    return row.empty;
  } finally {
    await sql.end();
  }
}

/** `varnishadm backend.list`: { app1: true (healthy) | false (sick) , … }. */
function backendHealth(varnishadm, workDir) {
  const result = spawnSync(varnishadm, ['-n', workDir, 'backend.list'], { encoding: 'utf8' });
  const health = {};
  for (const line of (result.stdout ?? '').split('\n')) {
    // "boot.attest_app_1   healthy   0/0   3/3   healthy   …": the include names them attest_app_N.
    const match = line.match(/\battest_app_(\d+)\s.*\b(healthy|sick)\b/);
    if (match) health[`app${match[1]}`] = match[2] === 'healthy';
  }
  return health;
}

/**
 * Starts the cluster and resolves once Varnish sees every instance healthy.
 *
 * options: instances (2), appPort (3001; instances take consecutive ports),
 * varnishPort (6081), databaseUrl (DATABASE_URL), redisUrl (REDIS_URL or
 * redis://127.0.0.1:6379), replica ({ primaryPort, replicaPort } or false;
 * default from ATTEST_CLUSTER_REPLICA=1 with ports 5441/5442), cachePrefix
 * (default attest-cluster-<pid>-<time>:), env (extra variables for the
 * instances), probeUrl (/api/health/live), log (a function for progress and the children's output; none by
 * default).
 *
 * Resolves { varnishUrl, varnish, instances, databaseUrl, replicaUrl,
 * cachePrefix, dir, backendHealth(), waitForBackends(), stop() }; each
 * instance is { name, port, url, pid, logFile, stop(), kill(), start() }.
 */
export async function startCluster(options = {}) {
  const count = Number(options.instances ?? 2);
  const appPort = Number(options.appPort ?? 3001);
  const varnishPort = Number(options.varnishPort ?? 6081);
  const replicaOption = options.replica ?? (process.env.ATTEST_CLUSTER_REPLICA === '1' ? {} : false);
  const log = options.log ?? (() => {});
  if (!Number.isInteger(count) || count < 1 || count > 32) throw new ClusterError(`--instances must be a number from 1 to 32, not "${options.instances}"`);
  for (const [name, port] of [['app port', appPort], ['Varnish port', varnishPort]]) {
    if (!Number.isInteger(port) || port < 1 || port > 65535 - count) throw new ClusterError(`The ${name} must be a port number, not "${port}"`);
  }

  // --- What it needs, checked before anything starts --------------------------------
  let varnishd;
  try {
    varnishd = findVarnishd();
  } catch (error) {
    throw new ClusterError(error.message);
  }
  // varnishadm comes in the same package: it reads the backends' health.
  const varnishadm = findExecutable('varnishadm');
  if (!varnishadm) throw new ClusterError(`varnishadm is not installed. On Debian: ${VARNISH_PACKAGES_HINT}`);
  if (!fs.existsSync(at('.next', 'BUILD_ID'))) throw new ClusterError('No production build in .next: run `npm run build` first.');
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!replicaOption && !databaseUrl) {
    throw new ClusterError('DATABASE_URL is not set. Point it at a PostgreSQL database, or run ATTEST_CLUSTER_REPLICA=1 npm run cluster for a private primary + replica.');
  }
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = new URL(redisUrl);
  if (!(await canConnect(Number(redis.port || 6379), redis.hostname))) {
    throw new ClusterError(`Redis does not answer on ${redis.host}. Start it (redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no) or set REDIS_URL.`);
  }
  const ports = Array.from({ length: count }, (_, index) => appPort + index);
  for (const port of [varnishPort, ...ports]) {
    if (!(await portIsFree(port))) throw new ClusterError(`Port ${port} is already in use: choose others with --port / --app-port.`);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-cluster-'));
  const setupLog = path.join(dir, 'setup.log');
  const cachePrefix = options.cachePrefix ?? `attest-cluster-${process.pid}-${Date.now().toString(36)}:`;
  const children = new Set();
  let pair = null;
  let stopped = false;
  // Last resort (an uncaught error, process.exit): no child outlives us.
  const onExit = () => {
    for (const child of children) killGroup(child, 'SIGKILL');
    pair?.stop?.().catch(() => {});
  };
  process.on('exit', onExit);

  const baseEnv = {
    ...process.env,
    PATH: `${at('node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    NEXT_TELEMETRY_DISABLED: '1',
    CHECKPOINT_DISABLE: '1',
  };

  const instances = [];
  let varnish = null;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    log('Stopping…');
    await Promise.all([...instances.map((instance) => instance.stop()), stopChild(varnish)]);
    if (pair) await pair.stop().catch((error) => log(`stopping the private PostgreSQL: ${error.message}`));
    await deleteRedisKeys(redisUrl, cachePrefix).catch((error) => log(`Redis keys under ${cachePrefix} left behind: ${error.message}`));
    process.off('exit', onExit);
    fs.rmSync(dir, { recursive: true, force: true });
    log('Stopped.');
  };

  try {
    // --- Database ---------------------------------------------------------------------
    let primaryUrl = databaseUrl;
    let replicaUrl = process.env.DATABASE_REPLICA_URLS;
    let seedDemoUsers = process.env.SEED_DEMO_USERS;
    if (replicaOption) {
      const { assertPostgresBinaries, startReplicaPair } = await import('./postgres-replica-pair.mjs');
      try {
        assertPostgresBinaries();
      } catch (error) {
        throw new ClusterError(error.message);
      }
      // The PostgreSQL programs run as the postgres user when we are root: it must reach its folder in ours.
      fs.chmodSync(dir, 0o711);
      log('Starting a private PostgreSQL primary + streaming replica…');
      pair = await startReplicaPair({ dir: path.join(dir, 'postgres'), primaryPort: replicaOption.primaryPort ?? 5441, replicaPort: replicaOption.replicaPort ?? 5442 });
      primaryUrl = pair.primaryUrl;
      replicaUrl = pair.replicaUrl;
      // A throw-away database: the demo accounts let you sign in.
      seedDemoUsers ??= '1';
    }
    log('Applying database migrations…');
    runNodeStep('prisma migrate deploy', [PRISMA_CLI, 'migrate', 'deploy'], { ...baseEnv, DATABASE_URL: primaryUrl }, setupLog);
    if (await databaseIsEmpty(primaryUrl)) {
      log('Seeding (the database has no claim yet)…');
      runNodeStep('seed', [SEED, 'seed/index.ts'], { ...baseEnv, DATABASE_URL: primaryUrl, ...(seedDemoUsers ? { SEED_DEMO_USERS: seedDemoUsers } : {}) }, setupLog);
    }

    // --- App instances ------------------------------------------------------------------
    ensureAuthSecret(ROOT, log);
    if (!process.env.AUTH_URL) baseEnv.AUTH_TRUST_HOST ??= 'true';
    // The instances share Redis; nothing is left in .next from another database.
    clearNextDataCache(ROOT);
    const varnishUrl = `http://${HOST}:${varnishPort}`;
    const instanceEnv = {
      ...baseEnv,
      AUTH_SECRET: process.env.AUTH_SECRET,
      DATABASE_URL: primaryUrl,
      ...(replicaUrl ? { DATABASE_REPLICA_URLS: replicaUrl } : {}),
      REDIS_URL: redisUrl,
      ATTEST_CACHE_PREFIX: cachePrefix,
      ATTEST_VARNISH_URLS: varnishUrl,
      // Links, feeds and canonical URLs name the address readers use: Varnish's.
      ATTEST_PUBLIC_URL: process.env.ATTEST_PUBLIC_URL ?? varnishUrl,
      // Varnish connects from loopback and appends the client to X-Forwarded-For.
      ATTEST_TRUSTED_PROXIES: process.env.ATTEST_TRUSTED_PROXIES ?? '127.0.0.1,::1',
      ...options.env,
    };
    for (const [index, port] of ports.entries()) {
      const name = `app${index + 1}`;
      const logFile = path.join(dir, `${name}.log`);
      let child = null;
      const instance = {
        name,
        port,
        url: `http://${HOST}:${port}`,
        logFile,
        get pid() {
          return child?.pid;
        },
        /** (Re)starts the instance; resolves once it accepts connections. */
        async start() {
          if (child && !child.stopped) return;
          child = spawnLogged(process.execPath, [SERVE, '--port', String(port), '--hostname', HOST], { env: { ...instanceEnv, ATTEST_INSTANCE: name }, logFile, name, echo: options.log });
          children.add(child);
          const current = child;
          current.exited.then(({ code, signal }) => {
            children.delete(current);
            if (!current.stopped) log(`${name} exited by itself (${signal ?? `exit code ${code}`}); Varnish sends its requests to the others. Log: ${logFile}`);
          });
          // serve.mjs listens only once Next is ready.
          const deadline = Date.now() + 60_000;
          while (!(await canConnect(port))) {
            const gone = await Promise.race([current.exited.then(() => true), sleep(200).then(() => false)]);
            if (gone) throw new ClusterError(`${name} exited while starting:\n${tail(logFile)}`);
            if (Date.now() > deadline) throw new ClusterError(`${name} did not listen on ${port} within 60 s:\n${tail(logFile)}`);
          }
        },
        /** SIGTERM (serve.mjs finishes requests in flight), SIGKILL after the grace period. */
        stop: () => stopChild(child),
        /** SIGKILL, no grace: a crash. */
        async kill() {
          if (!child || child.stopped) return;
          child.stopped = true;
          killGroup(child, 'SIGKILL');
          await child.exited;
        },
      };
      instances.push(instance);
    }
    log(`Starting ${count} app instance${count > 1 ? 's' : ''} on ports ${ports.join(', ')}…`);
    await Promise.all(instances.map((instance) => instance.start()));

    // --- Varnish ------------------------------------------------------------------------
    fs.writeFileSync(
      path.join(dir, 'attest-backends.vcl'),
      backendsVcl({ backends: ports.map((port) => ({ host: HOST, port })), purgers: ['127.0.0.1', '::1'], probeUrl: options.probeUrl ?? PROBE_PATH }),
    );
    const workDir = path.join(dir, 'varnishd');
    const varnishLog = path.join(dir, 'varnish.log');
    log(`Starting Varnish on ${varnishPort}…`);
    varnish = spawnLogged(
      varnishd,
      [
        '-F', // foreground: it is our child, stopped by its pid
        '-n', workDir,
        '-a', `${HOST}:${varnishPort}`,
        '-T', `${HOST}:0`,
        '-f', ATTEST_VCL,
        // attest.vcl's include "attest-backends.vcl" is found in this run's folder.
        '-p', `vcl_path=${dir}:${VARNISH_DIR}`,
        '-s', `malloc,${options.varnishMemory ?? '256m'}`,
        // Running as root, the default jail switches to the varnish user, who may not read our temporary folder.
        ...(process.getuid?.() === 0 ? ['-j', 'none'] : []),
      ],
      { env: baseEnv, logFile: varnishLog, name: 'varnish', echo: options.log },
    );
    children.add(varnish);
    const waitForBackends = async (expected = Object.fromEntries(instances.map((instance) => [instance.name, true])), timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (varnish.exitCode !== null || varnish.signalCode !== null) {
          const output = tail(varnishLog);
          throw new ClusterError(`Varnish stopped:\n${output}${/xkey/.test(output) ? `\nThe xkey vmod is part of varnish-modules: ${VARNISH_PACKAGES_HINT}` : ''}`);
        }
        const health = backendHealth(varnishadm, workDir);
        if (Object.entries(expected).every(([name, healthy]) => health[name] === healthy)) return health;
        if (Date.now() > deadline) throw new ClusterError(`Varnish's backends are ${JSON.stringify(health)}, not ${JSON.stringify(expected)} after ${timeoutMs / 1000} s. Varnish:\n${tail(varnishLog, 15)}`);
        await sleep(250);
      }
    };
    await waitForBackends();

    log(`Cluster ready: ${varnishUrl}`);
    return {
      varnishUrl,
      varnish: { pid: varnish.pid, workDir, logFile: varnishLog },
      instances,
      databaseUrl: primaryUrl,
      replicaUrl: replicaUrl ?? null,
      privateDatabase: Boolean(pair),
      cachePrefix,
      dir,
      backendHealth: () => backendHealth(varnishadm, workDir),
      waitForBackends,
      stop,
    };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

/**
 * Removes this run's keys from Redis: a prefix per run keeps runs apart, and
 * would otherwise pile up. Best effort, through ioredis when the app has it
 * (the shared Next cache does), else left to their own expiry.
 */
async function deleteRedisKeys(redisUrl, prefix) {
  let Redis;
  try {
    ({ default: Redis } = await import('ioredis'));
  } catch {
    return;
  }
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 500);
      if (keys.length > 0) await client.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', short: 'n' },
      port: { type: 'string', short: 'p' },
      'app-port': { type: 'string' },
      'pg-port': { type: 'string' },
    },
    strict: true,
  });
  const say = (message) => console.log(`[cluster] ${message}`);
  let cluster = null;
  let stopping = false;
  const onSignal = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received`);
    if (cluster) await cluster.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);
  // npm does not pass SIGTERM on (see scripts/start.mjs): under npm, losing our parent means stop.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && onSignal('npm exited'), 1000).unref();
  }
  try {
    const pgPort = values['pg-port'] === undefined ? undefined : Number(values['pg-port']);
    const replica = process.env.ATTEST_CLUSTER_REPLICA === '1' ? { primaryPort: pgPort, replicaPort: pgPort === undefined ? undefined : pgPort + 1 } : false;
    cluster = await startCluster({ instances: values.instances, varnishPort: values.port, appPort: values['app-port'], replica, log: say });
  } catch (error) {
    console.error(`\n[cluster] ERROR: ${error instanceof ClusterError ? error.message : error.stack}`);
    process.exit(1);
  }
  if (stopping) return;
  console.log(
    [
      '',
      '────────────────────────────────────────────────────────────',
      `  Attest cluster: ${cluster.varnishUrl}   (Varnish, round robin)`,
      ...cluster.instances.map((instance) => `    ${instance.name}: ${instance.url}   (pid ${instance.pid})`),
      `  Database: ${cluster.privateDatabase ? `private primary + streaming replica in ${cluster.dir}` : 'DATABASE_URL'}`,
      `  Redis key prefix: ${cluster.cachePrefix}`,
      `  Logs: ${cluster.dir}`,
      '  Ctrl-C stops everything.',
      '────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
  // An instance that dies by itself is reported (above), not restarted: this is a test bench.
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
