import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';
import postgres from 'postgres';
import { assertPostgresBinaries, freePorts, startReplicaPair } from './postgres-replica-pair.mjs';

// The private primary + streaming replica the read-replica tests and the
// replica cluster run on, on ports free at the time (other pairs may run beside).

test('a row written on the primary is read on the replica, which is in recovery; stop() removes everything', async () => {
  const [primaryPort, replicaPort] = await freePorts(2);
  const pair = await startReplicaPair({ primaryPort, replicaPort });
  const primary = postgres(pair.primaryUrl, { max: 1, onnotice: () => {} });
  const replica = postgres(pair.replicaUrl, { max: 1, onnotice: () => {} });
  try {
    await primary`CREATE TABLE pair_check (n int)`;
    await primary`INSERT INTO pair_check VALUES (42)`;
    const [{ recovering }] = await replica`SELECT pg_is_in_recovery() AS recovering`;
    assert.equal(recovering, true);
    const deadline = Date.now() + 10_000;
    let rows = [];
    while (rows.length === 0 && Date.now() < deadline) {
      rows = await replica`SELECT n FROM pair_check`.catch(() => []);
      if (rows.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(rows.map((row) => row.n), [42]);
    const [{ standbys }] = await primary`SELECT count(*)::int AS standbys FROM pg_stat_replication WHERE application_name = 'attest_replica'`;
    assert.equal(standbys, 1);
  } finally {
    await primary.end();
    await replica.end();
    await pair.stop();
  }
  assert.equal(fs.existsSync(pair.dir), false, 'stop() left the data folder behind');
});

test('as a command it prints both URLs and stops the pair on SIGTERM', async () => {
  const [primaryPort, replicaPort] = await freePorts(2);
  const child = spawn(process.execPath, ['scripts/postgres-replica-pair.mjs', '--primary-port', String(primaryPort), '--replica-port', String(replicaPort)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code} before printing the URLs`)));
    });
    const { primaryUrl, replicaUrl, dir } = JSON.parse(line);
    assert.equal(primaryUrl, `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`);
    assert.equal(replicaUrl, `postgresql://postgres@127.0.0.1:${replicaPort}/postgres`);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.equal(fs.existsSync(dir), false);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('missing PostgreSQL server programs are a clear error, not a skip', () => {
  assert.throws(() => assertPostgresBinaries('/nonexistent/postgresql/bin'), /apt-get install -y postgresql-15/);
});
