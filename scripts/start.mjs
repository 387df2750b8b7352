// `npm start`: run Attest on a machine with Node 20 and nothing else.
//
//   1. environment defaults (telemetry off, AUTH_SECRET kept in .data/)
//   2. database: DATABASE_URL if set, else an embedded PostgreSQL (PGlite)
//      with its data in .data/pglite and demo accounts seeded
//   3. prisma generate (only if the generated client is missing or older than
//      the schema), prisma migrate deploy, seed (idempotent, every start)
//   4. next build, only if sources are newer than the last build
//   5. scripts/serve.mjs (Next.js in production mode, plus the client's
//      socket address for the sign-in limits), until Ctrl-C / SIGTERM
//
// Children run as `node <cli.js>`, not through npx or npm (those do not pass
// SIGTERM on), each in its own process group so that stopping also reaches
// what they spawn.
//
// Environment: DATABASE_URL, PORT (3000), EMBEDDED_DB_PORT (54329),
// ATTEST_DATA_DIR (.data/pglite), SEED_DEMO_USERS, AUTH_SECRET,
// ATTEST_TRUSTED_PROXIES (read by the app: see README, "Accounts, roles and sign-in").

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAuthSecret } from './auth-secret.mjs';
import { clearNextDataCache } from './clear-data-cache.mjs';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';
import { groupGone, killGroup } from './process-group.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => path.join(ROOT, ...parts);
const PRISMA_CLI = at('node_modules', 'prisma', 'build', 'index.js');
const NEXT_CLI = at('node_modules', 'next', 'dist', 'bin', 'next');
const SEED = ['scripts/run-tsx.mjs', 'seed/index.ts'];
const SERVE = at('scripts', 'serve.mjs');
const GENERATED_CLIENT = at('lib', 'generated', 'prisma', 'client.ts'); // generator output in prisma/schema.prisma
const SCHEMA = at('prisma', 'schema.prisma');
const BUILD_ID = at('.next', 'BUILD_ID');
// A change to any of these means the production build is out of date.
const BUILD_INPUTS = [
  'app', 'lib', 'components', 'public', 'messages', 'proxy.ts', 'middleware.ts', 'auth.ts', 'auth.config.ts',
  'prisma/schema.prisma', 'next.config.js', 'next.config.mjs', 'next.config.ts',
  'package.json', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs',
];
// The demo accounts are listed once, for the seed, the tests and this banner.
const demoAccounts = JSON.parse(fs.readFileSync(at('seed', 'factories', 'demo-accounts.json'), 'utf8'));
const DEMO_ACCOUNTS = Object.values(demoAccounts.accounts).map((account) => account.email);
const DEMO_PASSWORD = demoAccounts.password;
const STOP_GRACE_MS = 10_000;

const say = (message) => console.log(`[attest] ${message}`);
const shout = (message) => console.error(`\n[attest] ERROR: ${message}`);

// --- State shared with the signal handler -----------------------------------
const children = new Set(); // running child processes
let stopping = false; // a signal arrived: finish the current step's shutdown, start nothing new
let database = null; // the embedded database, if we started one

function onSignal(reason) {
  if (stopping) {
    // Nothing to kill (e.g. still creating the database): just go. The lock
    // is released on exit; a half-made database is cleaned up next start.
    if (children.size === 0) process.exit(130);
    say('Forcing stop…');
    for (const child of children) killGroup(child, 'SIGKILL');
    return;
  }
  stopping = true;
  say(`${reason}, stopping… (Ctrl-C again to force)`);
  for (const child of children) killGroup(child, 'SIGTERM');
  // Whatever has not stopped after the grace period is killed.
  setTimeout(() => {
    if (children.size > 0) say(`Still running after ${STOP_GRACE_MS / 1000} s: killing.`);
    for (const child of children) killGroup(child, 'SIGKILL');
  }, STOP_GRACE_MS).unref();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, (name) => onSignal(`${name} received`));
// npm does not pass SIGTERM on: `kill <npm's pid>` kills npm (and the shell
// it ran us with) and leaves us running. Under npm, losing our parent
// therefore means stop. (Not otherwise: `nohup node scripts/start.mjs &` must
// survive its shell.)
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    onSignal('npm exited');
  }, 1000);
  watch.unref();
}
// Last resort (uncaught error, process.exit): leave no child behind.
process.on('exit', () => {
  for (const child of children) killGroup(child, 'SIGKILL');
});

// --- Running children ---------------------------------------------------------

const childEnv = () => ({
  ...process.env,
  PATH: `${at('node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
});

/**
 * Run `node <args>` in ROOT. With quiet: true the output is kept and shown
 * only if the step fails, so a normal start stays short.
 * Resolves { code, signal, output }.
 */
function runNode(args, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: childEnv(),
      stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
      detached: true, // own process group, see killGroup
    });
    children.add(child);
    let output = '';
    if (quiet) {
      child.stdout.on('data', (data) => (output += data));
      child.stderr.on('data', (data) => (output += data));
    }
    child.on('error', (error) => {
      children.delete(child);
      resolve({ code: 1, signal: null, output: `${output}${error.message}\n` });
    });
    // 'close' also waits for the output pipes; 'exit' does not need to.
    child.on(quiet ? 'close' : 'exit', async (code, signal) => {
      // The leader is gone; give what it started (next-server, build
      // workers) a moment to finish stopping, then make sure of it.
      await groupGone(child, 3000);
      killGroup(child, 'SIGKILL');
      children.delete(child);
      resolve({ code, signal, output });
    });
  });
}

class StepFailed extends Error {
  constructor(message, exitCode) {
    super(message);
    this.exitCode = exitCode;
  }
}

async function step(label, args, options) {
  say(`${label}…`);
  const started = Date.now();
  const { code, signal, output } = await runNode(args, options);
  if (stopping) return;
  if (code !== 0) {
    if (output) process.stderr.write(`\n${output.trimEnd()}\n`);
    throw new StepFailed(`${label} failed (${signal ? `killed by ${signal}` : `exit code ${code}`}).`, code || 1);
  }
  say(`${label}: done in ${seconds(started)}`);
}

// --- Helpers --------------------------------------------------------------------

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const mtime = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;

// Newest modification time of a file or, recursively, of a directory's files.
function newestMtime(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.next') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

// Settings that `next build` bakes into the pages (next.config.ts inlines
// them), recorded next to the build so that changing one rebuilds.
const BUILD_SETTINGS_FILE = at('.next', 'attest-build-settings.json');
const buildSettings = () => JSON.stringify({ ATTEST_DEFAULT_LOCALE: process.env.ATTEST_DEFAULT_LOCALE ?? 'fr' });

function buildIsStale() {
  const built = mtime(BUILD_ID);
  if (built === undefined) return 'no build yet';
  const changed = BUILD_INPUTS.find((input) => newestMtime(at(input)) > built);
  if (changed) return `${changed} changed since the last build`;
  // A build made outside `npm start` (`npm run build`, `npm test`) has no record: the defaults.
  const recorded = fs.existsSync(BUILD_SETTINGS_FILE) ? fs.readFileSync(BUILD_SETTINGS_FILE, 'utf8') : JSON.stringify({ ATTEST_DEFAULT_LOCALE: 'fr' });
  return recorded === buildSettings() ? null : 'ATTEST_DEFAULT_LOCALE changed since the last build';
}

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

// Attest listens on loopback unless ATTEST_HOST says otherwise: the demo
// accounts have a published password, so they must not be reachable from the
// network by default. (Not HOSTNAME: shells and containers set it to the
// machine's name.)
const HOST = process.env.ATTEST_HOST || '127.0.0.1';

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}

// Resolves once something accepts connections on the port (Next is ready).
async function waitForPort(port, isDone) {
  while (!isDone()) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, HOST === '0.0.0.0' || HOST === '::' ? '127.0.0.1' : HOST);
      socket.once('connect', () => resolve(socket.destroy() || true));
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

function printBanner(port, databaseDescription) {
  const lines = [
    '',
    '────────────────────────────────────────────────────────────',
    `  Attest is running at  http://localhost:${port}`,
    '',
    ...databaseDescription.map((line) => `  ${line}`),
  ];
  if (process.env.SEED_DEMO_USERS === '1' || process.env.SEED_DEMO_USERS === 'true') {
    lines.push(
      '',
      `  Demo accounts, for trying Attest out (password: ${DEMO_PASSWORD}):`,
      ...DEMO_ACCOUNTS.map((email) => `    ${email}`),
    );
  }
  lines.push('', '  Ctrl-C stops the server.', '────────────────────────────────────────────────────────────', '');
  console.log(lines.join('\n'));
}

// --- Main -------------------------------------------------------------------------

async function main() {
  const startedAt = Date.now();
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  process.env.CHECKPOINT_DISABLE ??= '1'; // Prisma's update check: no network calls
  // Auth.js refuses requests in production unless told the Host header can be
  // trusted; for a locally started server it can. Set AUTH_URL or
  // AUTH_TRUST_HOST yourself behind a proxy.
  if (!process.env.AUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';
  ensureAuthSecret(ROOT, say);
  // Checked first so a busy port does not cost a migration and a build.
  const port = Number(process.env.PORT || 3000);
  if (!(await portIsFree(port))) {
    throw new StepFailed(`Port ${port} is already in use. Stop what uses it, or choose another port: PORT=3001 npm start`, 1);
  }

  let databaseDescription;
  if (process.env.DATABASE_URL) {
    databaseDescription = [`Database: ${redact(process.env.DATABASE_URL)} (from DATABASE_URL)`];
  } else {
    const dataDir = path.resolve(ROOT, process.env.ATTEST_DATA_DIR || path.join('.data', 'pglite'));
    const dbPort = Number(process.env.EMBEDDED_DB_PORT || 54329);
    say('Starting the embedded PostgreSQL…');
    try {
      database = await startEmbeddedPostgres({ dataDir, port: dbPort, log: say });
    } catch (error) {
      throw new StepFailed(`Could not start the embedded PostgreSQL: ${error.message}`, 1);
    }
    process.env.DATABASE_URL = database.url;
    // Demo accounts only in the throw-away embedded database, unless the user decided.
    process.env.SEED_DEMO_USERS ??= '1';
    databaseDescription = [
      `Database: embedded PostgreSQL (PGlite), data in ${path.relative(ROOT, dataDir) || dataDir}`,
      `          ${redact(database.url)}`,
    ];
    if (stopping) return 0;
  }

  if (mtime(GENERATED_CLIENT) === undefined || mtime(GENERATED_CLIENT) < mtime(SCHEMA)) {
    await step('Generating the Prisma client', [PRISMA_CLI, 'generate'], { quiet: true });
    if (stopping) return 0;
  }
  await step('Applying database migrations', [PRISMA_CLI, 'migrate', 'deploy'], { quiet: true });
  if (stopping) return 0;
  // The seed is idempotent, so it runs on every start: cheap when nothing
  // changed, and a database that was reset gets its data back.
  await step('Seeding', SEED, { quiet: true });
  if (stopping) return 0;

  const stale = buildIsStale();
  if (stale) {
    // The build prints its own progress; it takes a minute or two.
    await step(`Building the app (${stale})`, [NEXT_CLI, 'build']);
    if (stopping) return 0;
    fs.writeFileSync(BUILD_SETTINGS_FILE, buildSettings());
  }

  clearNextDataCache(ROOT);
  say(`Starting the server on port ${port} (startup so far: ${seconds(startedAt)})…`);
  const server = runNode([SERVE, '--port', String(port), '--hostname', HOST]);
  let exited = false;
  server.then(() => (exited = true));
  waitForPort(port, () => exited || stopping).then((ready) => ready && printBanner(port, databaseDescription));
  const { code, signal } = await server;
  if (stopping) return 0;
  // The server stopped by itself: that is a failure even with code 0.
  throw new StepFailed(`The server stopped unexpectedly (${signal ? `killed by ${signal}` : `exit code ${code}`}).`, code || 1);
}

let exitCode = 0;
try {
  exitCode = await main();
} catch (error) {
  exitCode = error instanceof StepFailed ? error.exitCode : 1;
  shout(error instanceof StepFailed ? error.message : error.stack);
  for (const child of children) killGroup(child, 'SIGTERM');
}
if (database) {
  await database.stop().catch((error) => shout(`closing the embedded database: ${error.message}`));
}
if (stopping) say('Stopped.');
// Exit when the event loop is empty (so piped output is flushed), or soon
// anyway if some handle lingers.
process.exitCode = exitCode;
setTimeout(() => process.exit(exitCode), 2000).unref();
