// Embedded PostgreSQL for `npm start`: PostgreSQL 17 compiled to WebAssembly
// (PGlite) running inside this Node process, served over the ordinary Postgres
// wire protocol on a TCP port so Prisma (through node-postgres), psql and any
// other client can use it like a normal server. Nothing to install.
//
// PGlite is ONE PostgreSQL backend (one session). Every client connection is
// multiplexed onto it, so this file's main job is to keep clients from
// stepping on each other:
//   - an extended-protocol batch (Parse/Bind/Describe/Execute ... Sync) runs
//     without another connection's messages in between, otherwise one
//     client's Bind could hit another client's unnamed statement;
//   - an explicit transaction (BEGIN ... COMMIT/ROLLBACK) owns the session
//     until it ends; other connections wait (transactions run one at a time);
//   - a client that disconnects mid-batch or mid-transaction is rolled back.
// @electric-sql/pglite-socket 0.1.6 provides the message framing
// (PGLiteSocketHandler), but its PGLiteSocketServer only keeps explicit
// transactions together (batches can interleave), hangs in start() when the
// port is taken, and hangs on psql's SSL request. So we run our own small
// net.Server and queue, and reuse its handler.
//
// Session state that real PostgreSQL keeps per connection is shared here:
// SET, named prepared statements, temp tables, advisory locks and LISTEN.
// node-postgres / Prisma's adapter-pg use none of them by default.

import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';

// Extensions the migrations create (CREATE EXTENSION needs their files loaded).
const EXTENSIONS = { unaccent, pg_trgm, fuzzystrmatch };

// PGlite accepts any user, password and database name and always runs as
// user "postgres" in database "postgres"; we advertise exactly that.
const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'postgres';

/**
 * Start PostgreSQL (PGlite) on host:port with its data in dataDir.
 * Port 0, or a port that is taken, means "pick a free one"; the returned url
 * has the real port.
 *
 * @param {{ dataDir: string, port?: number, host?: string, log?: (message: string) => void }} options
 * @returns {Promise<{ url: string, port: number, dataDir: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port = 0, host = '127.0.0.1', log = () => {} }) {
  if (!dataDir) throw new Error('startEmbeddedPostgres: dataDir is required');
  dataDir = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });

  // The lock sits next to the data directory, not in it: initdb wants an
  // empty directory, and PGlite has no postmaster.pid of its own.
  const releaseLock = acquireLock(`${dataDir}.lock`, dataDir, log);
  let db;
  let server;
  try {
    await initialiseIfNeeded(dataDir, log);
    const started = Date.now();
    db = await PGlite.create({ dataDir, extensions: EXTENSIONS });
    log(`PostgreSQL ${await serverVersion(db)} (PGlite) opened ${dataDir} in ${Date.now() - started} ms`);

    const queue = new SessionQueue(db, log);
    const sockets = new Set();
    server = net.createServer((socket) => acceptConnection(socket, queue, sockets));
    const actualPort = await listenOnFreePort(server, port, host, log);
    const urlHost = host.includes(':') ? `[${host}]` : host;
    const url = `postgresql://${USER}:${PASSWORD}@${urlHost}:${actualPort}/${DATABASE}?sslmode=disable`;

    let stopping;
    const stop = () => {
      stopping ??= (async () => {
        // Order matters: no new clients, drop current ones, let the query that
        // is running finish, then shut PostgreSQL down cleanly (a checkpoint,
        // so the next start does not need WAL recovery), then release the lock.
        const closed = new Promise((resolve) => server.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await queue.close();
        await closed;
        await db.close();
        releaseLock();
      })();
      return stopping;
    };
    return { url, port: actualPort, dataDir, stop };
  } catch (error) {
    server?.close();
    await db?.close().catch(() => {});
    releaseLock();
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Data directory

// The first start runs initdb (~8 s). It runs in a temporary sibling directory
// that is renamed into place only when complete, so interrupting the first
// start (Ctrl-C) cannot leave a half-made database that breaks later starts.
async function initialiseIfNeeded(dataDir, log) {
  const parent = path.dirname(dataDir);
  const tempPrefix = `${path.basename(dataDir)}.initdb-`;
  // We hold the lock, so any temp directory left here is from a dead start.
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith(tempPrefix)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(
      `${dataDir} exists but is not a PostgreSQL data directory (it has no PG_VERSION). ` +
        'Remove it, or choose another data directory.',
    );
  }

  log(`Creating a new database in ${dataDir} (first start only, about 10 s)…`);
  const started = Date.now();
  const tempDir = path.join(parent, `${tempPrefix}${process.pid}`);
  const db = await PGlite.create({ dataDir: tempDir, extensions: EXTENSIONS });
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true }); // empty or absent (checked above)
  fs.renameSync(tempDir, dataDir);
  log(`Database created in ${Date.now() - started} ms`);
}

async function serverVersion(db) {
  const { rows } = await db.query('SHOW server_version');
  return rows[0]?.server_version ?? '?';
}

// ---------------------------------------------------------------------------
// Lock: one process per data directory. PGlite would happily open the same
// files twice and corrupt them, so a second `npm start` must be refused.

function acquireLock(lockPath, dataDir, log) {
  // The token tells our lock from a later one with the same pid.
  const mine = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), token: crypto.randomUUID() };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createLockFile(lockPath, `${JSON.stringify(mine)}\n`)) {
      // Remove the lock even if the process dies from an uncaught exception.
      const release = () => {
        process.off('exit', release);
        if (readLock(lockPath)?.token === mine.token) fs.rmSync(lockPath, { force: true });
      };
      process.on('exit', release);
      return release;
    }
    const holder = readLock(lockPath);
    if (holder === undefined) continue; // vanished between our create and read: retry
    if (holder && lockHolderAlive(holder)) {
      const error = new Error(
        `The embedded database in ${dataDir} is already in use by another process ` +
          `(pid ${holder.pid}${holder.host && holder.host !== os.hostname() ? ` on ${holder.host}` : ''}` +
          `${holder.startedAt ? `, since ${holder.startedAt}` : ''}). ` +
          'Is another `npm start` running? Stop it first. ' +
          `If that process no longer exists, delete ${lockPath}.`,
      );
      error.code = 'EMBEDDED_DB_LOCKED';
      throw error;
    }
    log(`Taking over a stale lock ${holder ? `left by pid ${holder.pid} (no longer running)` : '(unreadable)'}`);
    fs.rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not create ${lockPath}: another process keeps recreating it.`);
}

// Create the lock file atomically, already complete: write a private temp file
// and hard-link it into place (link fails if the lock exists), so a reader
// never sees a half-written lock. Falls back to O_EXCL where links are not
// supported.
function createLockFile(lockPath, content) {
  const temp = `${lockPath}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content);
  try {
    fs.linkSync(temp, lockPath);
    return true;
  } catch (error) {
    if (error.code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV'].includes(error.code)) throw error;
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      return true;
    } catch (fallbackError) {
      if (fallbackError.code === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

// undefined: no lock file; null: unreadable (treated as stale); else its content.
function readLock(lockPath) {
  let text;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const lock = JSON.parse(text);
    return Number.isInteger(lock?.pid) ? lock : null;
  } catch {
    return null;
  }
}

function lockHolderAlive({ pid, host }) {
  // A pid from another machine (data dir on a shared disk) cannot be checked.
  if (host && host !== os.hostname()) return true;
  if (pid === process.pid) return true; // this process already has it open
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (error) {
    return error.code === 'EPERM'; // exists but belongs to another user
  }
}

// ---------------------------------------------------------------------------
// Network

// Try the requested port; if it is taken, let the OS pick a free one.
async function listenOnFreePort(server, port, host, log) {
  try {
    return await listen(server, port, host);
  } catch (error) {
    if (error.code !== 'EADDRINUSE' || port === 0) throw error;
    const freePort = await listen(server, 0, host);
    log(`Port ${port} is in use; the embedded database listens on ${freePort} instead`);
    return freePort;
  }
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

// Before the startup message a client may ask for SSL or GSS encryption;
// answer "N" (not supported) so it continues in plain text instead of
// hanging (psql's default sslmode=prefer does this). Cancel requests are
// dropped: a query running in WebAssembly cannot be interrupted.
function acceptConnection(socket, queue, sockets) {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => socket.destroy()); // e.g. ECONNRESET before startup

  let buffered = Buffer.alloc(0);
  const onData = (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 8) {
      const code = buffered.readInt32BE(4);
      if (buffered.readInt32BE(0) === 8 && (code === SSL_REQUEST || code === GSSENC_REQUEST)) {
        socket.write('N');
        buffered = buffered.subarray(8);
        continue;
      }
      if (code === CANCEL_REQUEST) {
        socket.destroy();
        return;
      }
      // The startup message: hand the socket, with what we read, to the handler.
      socket.off('data', onData);
      socket.pause();
      socket.unshift(buffered);
      const handler = new PGLiteSocketHandler({ queryQueue: queue, closeOnDetach: true });
      handler
        .attach(socket)
        .then(() => socket.resume())
        .catch(() => socket.destroy());
      return;
    }
  };
  socket.on('data', onData);
}

// ---------------------------------------------------------------------------
// The session queue. PGLiteSocketHandler calls enqueue() once per protocol
// message, clearQueueForHandler() + clearTransactionIfNeeded() on disconnect.

const EXTENDED_PROTOCOL = new Set([...'PBDECH'].map((c) => c.charCodeAt(0))); // Parse Bind Describe Execute Close Flush
const SYNC = 'S'.charCodeAt(0);
const SIMPLE_QUERY = 'Q'.charCodeAt(0);
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);
const STALL_WARNING_MS = 15_000;

class SessionQueue {
  #db;
  #log;
  #jobs = [];
  #owner = null; // handler id that must run next (open batch or transaction), or null
  #batchOpen = false; // extended-protocol messages received since the last Sync
  #draining = false;
  #running = Promise.resolve(); // the latest drain loop, awaited by close()
  #closed = false;
  #stallTimer = null;

  constructor(db, log) {
    this.#db = db;
    this.#log = log;
  }

  enqueue(handlerId, message, onData) {
    if (this.#closed) return Promise.reject(new Error('The embedded database is shutting down'));
    return new Promise((resolve, reject) => {
      this.#jobs.push({ handlerId, run: () => this.#execute(handlerId, message, onData), resolve, reject });
      this.#drain();
    });
  }

  getQueueLength() {
    return this.#jobs.length;
  }

  clearQueueForHandler(handlerId) {
    this.#jobs = this.#jobs.filter((job) => {
      if (job.handlerId !== handlerId) return true;
      job.reject(new Error('Client disconnected'));
      return false;
    });
  }

  // A client went away while it owned the session: end its batch and roll
  // back its transaction so the others can continue.
  clearTransactionIfNeeded(handlerId) {
    if (this.#owner !== handlerId || this.#closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#jobs.push({
        handlerId,
        run: async () => {
          if (this.#batchOpen) await this.#db.runExclusive(() => this.#db.execProtocolRaw(SYNC_MESSAGE));
          if (this.#db.isInTransaction()) await this.#db.exec('ROLLBACK');
          this.#batchOpen = false;
          this.#owner = null;
        },
        resolve,
        reject,
      });
      this.#drain();
    });
  }

  // Refuse new work, fail what is queued, wait for the message being run.
  async close() {
    this.#closed = true;
    clearTimeout(this.#stallTimer);
    for (const job of this.#jobs.splice(0)) job.reject(new Error('The embedded database is shutting down'));
    await this.#running;
  }

  async #execute(handlerId, message, onData) {
    let bytes = 0;
    await this.#db.runExclusive(() =>
      this.#db.execProtocolRawStream(message, {
        onRawData: (data) => {
          bytes += data.length;
          onData(data);
        },
      }),
    );
    const type = isStartupMessage(message) ? null : message[0];
    if (EXTENDED_PROTOCOL.has(type)) this.#batchOpen = true;
    else if (type === SYNC || type === SIMPLE_QUERY) this.#batchOpen = false;
    this.#owner = this.#batchOpen || this.#db.isInTransaction() ? handlerId : null;
    return bytes;
  }

  // One drain loop at a time. The flag is set and cleared synchronously with
  // the loop's decisions, so a message enqueued at any moment is either
  // picked up by the running loop or starts a new one.
  #drain() {
    if (this.#draining) return;
    this.#draining = true;
    this.#running = this.#drainLoop();
  }

  async #drainLoop() {
    try {
      for (;;) {
        const index = this.#owner === null ? (this.#jobs.length > 0 ? 0 : -1) : this.#jobs.findIndex((job) => job.handlerId === this.#owner);
        if (index === -1) break;
        const [job] = this.#jobs.splice(index, 1);
        try {
          job.resolve(await job.run());
        } catch (error) {
          job.reject(error); // the handler closes that client; the others go on
        }
      }
    } finally {
      this.#draining = false;
    }
    this.#watchForStall();
  }

  // Everything waits while one connection sits in an open transaction. Say so,
  // because from the outside it looks like a hang (typical cause: code inside
  // a Prisma interactive transaction querying through the outer client).
  #watchForStall() {
    clearTimeout(this.#stallTimer);
    if (this.#owner === null || this.#jobs.length === 0 || this.#closed) return;
    const owner = this.#owner;
    this.#stallTimer = setTimeout(() => {
      if (this.#owner === owner && this.#jobs.length > 0 && !this.#draining) {
        this.#log(
          `Connection #${owner} has kept a transaction open for ${STALL_WARNING_MS / 1000} s while ` +
            `${this.#jobs.length} message(s) from other connections wait: the embedded database runs one transaction at a time.`,
        );
      }
    }, STALL_WARNING_MS);
    this.#stallTimer.unref();
  }
}

function isStartupMessage(message) {
  if (message.length < 8) return false;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  return view.getInt32(4) === 196608; // protocol version 3.0
}
