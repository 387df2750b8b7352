// node --test scripts/embedded-postgres.test.mjs
// Exercises the embedded PostgreSQL the way the app uses it: node-postgres
// (what Prisma's adapter-pg uses) over TCP, many connections at once, the
// extensions and text-search setup the migrations need, data surviving a
// restart, and the one-process-per-data-directory lock. About 15 s: the first
// start runs initdb.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';

const MODULE_URL = new URL('./embedded-postgres.mjs', import.meta.url).href;
let tempDir;
let dataDir;

before(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-embedded-pg-'));
  dataDir = path.join(tempDir, 'pglite');
});
after(() => fs.rmSync(tempDir, { recursive: true, force: true }));

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Start the module in a separate Node process (the lock is per process).
function startInChildProcess(dir) {
  const code = `import(${JSON.stringify(MODULE_URL)}).then((m) => m.startEmbeddedPostgres({ dataDir: ${JSON.stringify(dir)}, port: 0 }))
    .then(async (db) => { console.log('STARTED'); await db.stop(); }, (e) => { console.error(e.message); process.exit(3); });`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

test('first start: extensions, French text search, concurrency, lock', async () => {
  const db = await startEmbeddedPostgres({ dataDir, port: 0 });
  try {
    assert.match(db.url, /^postgresql:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres\?sslmode=disable$/);
    assert.ok(fs.existsSync(`${dataDir}.lock`), 'lock file exists while running');

    await withClient(db.url, async (client) => {
      await client.query('CREATE EXTENSION IF NOT EXISTS unaccent');
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await client.query('CREATE EXTENSION IF NOT EXISTS fuzzystrmatch');
      await client.query('CREATE TEXT SEARCH CONFIGURATION attest_french (COPY = french)');
      await client.query(
        'ALTER TEXT SEARCH CONFIGURATION attest_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem',
      );
      const { rows } = await client.query(
        "SELECT to_tsvector('attest_french', 'Les soldats nord-coréens déployés')::text AS v, similarity('Koursk', 'Kursk') AS s, levenshtein('Koursk', 'Kursk') AS l",
      );
      assert.equal(rows[0].v, "'coreen':5 'deploy':6 'le':1 'nord':4 'nord-coreen':3 'soldat':2");
      assert.ok(rows[0].s > 0.4 && rows[0].s < 0.5, `similarity ${rows[0].s}`);
      assert.equal(rows[0].l, 1);
      await client.query('CREATE TABLE kept (id int PRIMARY KEY, label text)');
      await client.query("INSERT INTO kept VALUES (1, 'déjà vu')");
      await client.query('CREATE TABLE counters (client int, step int)');
    });

    // 20 connections at once, each with its own statements (parameterised, so
    // extended protocol) and transactions; none may see another's work.
    const clients = Array.from({ length: 20 }, () => new pg.Client({ connectionString: db.url }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      await Promise.all(
        clients.map(async (client, i) => {
          let committed = 0;
          for (let step = 0; step < 6; step++) {
            const { rows } = await client.query(`SELECT $1::int AS v${i}, $2::text AS who`, [step, `c${i}`]);
            assert.deepEqual(rows[0], { [`v${i}`]: step, who: `c${i}` });
            await client.query('BEGIN');
            await client.query('INSERT INTO counters VALUES ($1, $2)', [i, step]);
            const count = await client.query('SELECT count(*)::int AS n FROM counters WHERE client = $1', [i]);
            assert.equal(count.rows[0].n, committed + 1, `client ${i} sees only its committed rows + its own`);
            if (step % 2) {
              await client.query('COMMIT');
              committed++;
            } else {
              await client.query('ROLLBACK');
            }
          }
        }),
      );
      const { rows } = await clients[0].query('SELECT count(*)::int AS n FROM counters');
      assert.equal(rows[0].n, 20 * 3);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }

    // A client that disconnects inside a transaction is rolled back and does
    // not block the others.
    const quitter = new pg.Client({ connectionString: db.url });
    quitter.on('error', () => {}); // we are about to cut its connection
    await quitter.connect();
    await quitter.query('BEGIN');
    await quitter.query("INSERT INTO kept VALUES (2, 'never committed')");
    quitter.connection.stream.destroy();
    await withClient(db.url, async (client) => {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM kept');
      assert.equal(rows[0].n, 1);
    });

    // Same data directory from a second process: refused, with the reason.
    const second = await startInChildProcess(dataDir);
    assert.equal(second.code, 3, second.output);
    assert.match(second.output, new RegExp(`already in use by another process \\(pid ${process.pid}`));
    // ...and from this process too.
    await assert.rejects(startEmbeddedPostgres({ dataDir, port: 0 }), { code: 'EMBEDDED_DB_LOCKED' });
  } finally {
    await db.stop();
  }
  assert.ok(!fs.existsSync(`${dataDir}.lock`), 'lock removed on stop');
});

test('reopen keeps data; a taken port falls back to a free one', async () => {
  const blocker = net.createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const takenPort = blocker.address().port;
  try {
    const db = await startEmbeddedPostgres({ dataDir, port: takenPort });
    try {
      assert.notEqual(db.port, takenPort);
      assert.ok(db.url.includes(`:${db.port}/`));
      await withClient(db.url, async (client) => {
        const { rows } = await client.query('SELECT label FROM kept ORDER BY id');
        assert.deepEqual(rows, [{ label: 'déjà vu' }]);
        const tsv = await client.query("SELECT to_tsvector('attest_french', 'Déployés')::text AS v");
        assert.equal(tsv.rows[0].v, "'deploy':1");
      });
    } finally {
      await db.stop();
    }
  } finally {
    blocker.close();
  }
});

test('a stale lock left by a dead process is taken over', async () => {
  // A pid that certainly is not running: a child that has already exited.
  const dead = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => dead.on('exit', resolve));
  fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: dead.pid, host: os.hostname(), startedAt: 'earlier' }));

  const messages = [];
  const db = await startEmbeddedPostgres({ dataDir, port: 0, log: (m) => messages.push(m) });
  try {
    assert.ok(messages.some((m) => m.includes(`stale lock left by pid ${dead.pid}`)), messages.join('\n'));
    assert.equal(JSON.parse(fs.readFileSync(`${dataDir}.lock`, 'utf8')).pid, process.pid);
  } finally {
    await db.stop();
  }
});

// What `npm start` does on a first run (scripts/start.mjs): every migration,
// then the seed, on the embedded PostgreSQL — PGlite's PostgreSQL 17, whose
// rules differ from the test server's 15 (e.g. functions in index
// expressions run with an empty search_path, so they must name their schema).
test('every migration and the seed apply on the embedded PostgreSQL, as on a first `npm start`', async () => {
  const root = new URL('..', import.meta.url).pathname;
  const freshDir = path.join(tempDir, 'migrated');
  const db = await startEmbeddedPostgres({ dataDir: freshDir, port: 0 });
  try {
    const run = (args) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, DATABASE_URL: db.url }, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('exit', (code) => resolve({ code, output }));
      });
    const migrated = await run([path.join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'migrate', 'deploy']);
    assert.equal(migrated.code, 0, migrated.output);
    const seeded = await run([path.join(root, 'scripts', 'run-tsx.mjs'), 'seed/index.ts']);
    assert.equal(seeded.code, 0, seeded.output);
    await withClient(db.url, async (client) => {
      // The search the readers' site runs, on what the seed wrote.
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM claims WHERE search_vector @@ attest_search_query('Lavrof')`);
      assert.ok(rows[0].n > 0, 'a misspelled name finds its claims on the embedded database');
    });
  } finally {
    await db.stop();
  }
});
