// A private PostgreSQL 15 primary and streaming replica in a folder of their
// own, for the read-replica tests and `ATTEST_CLUSTER_REPLICA=1`: the
// machine's PostgreSQL refuses replication connections (no `replication`
// line in its pg_hba.conf), so the pair is made here, in a few seconds.
//
//   import { startReplicaPair } from './postgres-replica-pair.mjs';
//   const pair = await startReplicaPair({ dir, primaryPort: 5441, replicaPort: 5442 });
//   … pair.primaryUrl, pair.replicaUrl …
//   await pair.stop();
//
// As a command: `node scripts/postgres-replica-pair.mjs [--dir D]
// [--primary-port 5441] [--replica-port 5442]` prints the two URLs as one
// JSON line and keeps the pair up until Ctrl-C / SIGTERM.
//
// initdb refuses to run as root: as root, the PostgreSQL programs run as the
// `postgres` user (runuser), in a folder that user owns.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const POSTGRES_BIN = process.env.ATTEST_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
const PROGRAMS = ['initdb', 'pg_ctl', 'pg_basebackup'];

/** Throws a message that says what to install when the PostgreSQL 15 server programs are missing. */
export function assertPostgresBinaries(bin = POSTGRES_BIN) {
  const missing = PROGRAMS.filter((program) => !fs.existsSync(path.join(bin, program)));
  if (missing.length > 0) {
    throw new Error(
      `The PostgreSQL server programs (${missing.join(', ')}) are not in ${bin}: install them with ` +
        '`apt-get install -y postgresql-15` (Debian), or set ATTEST_POSTGRES_BIN to their folder.',
    );
  }
}

/** The `postgres` user's ids when running as root (null otherwise: the programs run as the current user). */
function asPostgresUser() {
  if (process.getuid?.() !== 0) return null;
  const entry = /^postgres:[^:]*:(\d+):(\d+):/m.exec(fs.readFileSync('/etc/passwd', 'utf8'));
  if (!entry) throw new Error('Running as root, but there is no `postgres` user to run PostgreSQL as (initdb refuses root).');
  return { uid: Number(entry[1]), gid: Number(entry[2]) };
}

async function pg(program, args, user) {
  const file = path.join(POSTGRES_BIN, program);
  const [command, commandArgs] = user ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    return await run(command, commandArgs, { env: { ...process.env, LC_ALL: 'C.UTF-8' }, maxBuffer: 8 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`${program} ${args.join(' ')} failed: ${error.stderr || error.message}`);
  }
}

/** `count` distinct TCP ports free on 127.0.0.1 right now (tests run beside other pairs: the CLI's defaults may be taken). */
export async function freePorts(count) {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function serverOptions(dataDir, port) {
  // fsync off: the pair is thrown away, and tests should not wait for disks.
  return `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=100`;
}

/**
 * Makes and starts the pair in `dir` (created, or a new temporary folder);
 * resolves once the replica accepts connections.
 * @param {{ dir?: string, primaryPort?: number, replicaPort?: number }} [options]
 * @returns {Promise<{ primaryUrl: string, replicaUrl: string, dir: string, stop: () => Promise<void>, stopReplica: () => Promise<void> }>}
 */
export async function startReplicaPair({ dir, primaryPort = 5441, replicaPort = 5442 } = {}) {
  assertPostgresBinaries();
  const root = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'attest-pg-pair-'));
  const removeRoot = dir === undefined;
  fs.mkdirSync(root, { recursive: true });
  const user = asPostgresUser();
  if (user) fs.chownSync(root, user.uid, user.gid);
  const primaryDir = path.join(root, 'primary');
  const replicaDir = path.join(root, 'replica');
  const started = [];

  const stop = async () => {
    for (const dataDir of started.reverse()) {
      await pg('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], user).catch((error) => console.error(error.message));
    }
    started.length = 0;
    if (removeRoot) fs.rmSync(root, { recursive: true, force: true });
  };

  try {
    await pg('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], user);
    fs.appendFileSync(path.join(primaryDir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
    await pg('pg_ctl', ['-D', primaryDir, '-o', serverOptions(primaryDir, primaryPort), '-l', path.join(primaryDir, 'server.log'), '-w', 'start'], user);
    started.push(primaryDir);
    await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast'], user);
    // The standby names itself, so that the primary's pg_stat_replication shows it.
    fs.appendFileSync(path.join(replicaDir, 'postgresql.auto.conf'), `\nprimary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres application_name=attest_replica'\n`);
    await pg('pg_ctl', ['-D', replicaDir, '-o', serverOptions(replicaDir, replicaPort), '-l', path.join(replicaDir, 'server.log'), '-w', 'start'], user);
    started.push(replicaDir);
  } catch (error) {
    await stop();
    throw error;
  }
  /** Stops the replica alone (a replica failure, for tests); stop() still cleans up. */
  const stopReplica = async () => {
    const index = started.indexOf(replicaDir);
    if (index === -1) return;
    started.splice(index, 1);
    await pg('pg_ctl', ['-D', replicaDir, '-m', 'immediate', '-w', 'stop'], user);
  };
  return {
    primaryUrl: `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgresql://postgres@127.0.0.1:${replicaPort}/postgres`,
    dir: root,
    stop,
    stopReplica,
  };
}

function option(args, name, fallback) {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  // Handlers first: a SIGTERM that comes while the pair starts, or right
  // after the URLs are printed, still stops it.
  let pair;
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    if (!pair) return; // still starting: stopped below once it is up
    await pair.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  pair = await startReplicaPair({
    dir: option(args, '--dir', undefined),
    primaryPort: Number(option(args, '--primary-port', '5441')),
    replicaPort: Number(option(args, '--replica-port', '5442')),
  });
  if (stopping) {
    await pair.stop();
    process.exit(0);
  }
  console.log(JSON.stringify({ primaryUrl: pair.primaryUrl, replicaUrl: pair.replicaUrl, dir: pair.dir }));
  setInterval(() => {}, 1 << 30);
}
