// The JSON-RPC server the Prisma CLI talks to: one JSON object per line on
// stdin (requests, and responses to our `print` requests), one per line on
// stdout (responses, and `print` requests).

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { logError, logInfo } from './log.mjs';
import { createAdapterFactory } from './pg-adapter.mjs';
import { createDatabase } from './pg-admin.mjs';
import { createWasmEngine, hasPanicked, toRpcError } from './wasm-engine.mjs';

// The WASM engine's methods that the CLI calls by the same JSON-RPC name.
const PASSTHROUGH_METHODS = new Set([
  'applyMigrations',
  'dbExecute',
  'debugPanic',
  'devDiagnostic',
  'diagnoseMigrationHistory',
  'ensureConnectionValidity',
  'introspect',
  'introspectSql',
  'markMigrationApplied',
  'markMigrationRolledBack',
  'reset',
  'schemaPush',
]);

/**
 * Serve requests until stdin closes.
 *
 * @param {{ datamodelPaths: string[], datasource: { url?: string, shadowDatabaseUrl?: string },
 *           exit: (code: number) => void, setCleanup: (fn: () => Promise<void>) => void }} options
 * @returns {{ onCrash: (error: unknown) => void }}
 */
export function serveJsonRpc({ datamodelPaths, datasource, exit, setCleanup }) {
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  const datamodels = datamodelPaths.length
    ? datamodelPaths.map((file) => [file, fs.readFileSync(path.resolve(file), 'utf8')])
    : undefined; // the engine wants undefined, not an empty list

  // Created on the first request: the WASM engine connects to the database
  // as soon as it is constructed.
  let adapter = null;
  let enginePromise = null;
  const getEngine = () =>
    (enginePromise ??= (async () => {
      if (datasource.invalid) throw new Error(datasource.invalid);
      if (!datasource.url) {
        throw new Error('The datasource URL is not set: set DATABASE_URL (see prisma.config.ts).');
      }
      adapter = createAdapterFactory(datasource);
      setCleanup(adapter.cleanup);
      // The engine's own log lines already have the native format.
      const onLog = (line) => process.stderr.write(`${String(line).trimEnd()}\n`);
      return createWasmEngine(datamodels, onLog, adapter.factory);
    })());
  const cleanup = () => adapter?.cleanup() ?? Promise.resolve();

  // The engine asks the CLI to print diff output with a `print` request.
  const pendingPrints = new Map();
  let printCount = 0;
  const printViaCli = (content) =>
    new Promise((resolve) => {
      const id = `print-${++printCount}`;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: '2.0', id, method: 'print', params: { content: content.replace(/\n$/, '') } });
    });

  // evaluateDataLoss and createMigration do not get a shadow database in the
  // WASM engine: they reuse the schema of the migration history that
  // devDiagnostic computed on a shadow database, cached under the list of
  // *applied* migrations. When `migrate dev` has just applied pending
  // migrations, that cache misses and they fail. Then fill the cache (all
  // migrations are applied by now) and try once more.
  async function withMigrationSchemaCache(method, params) {
    const engine = await getEngine();
    try {
      return await engine[method](params);
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/.test(error?.message)) throw error;
      logInfo(`${method}: migration history schema not cached yet, computing it on a shadow database`);
      await engine.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters,
      });
      return engine[method](params);
    }
  }

  const handlers = {
    // The CLI prints nothing from the diff result itself; the native engine
    // sends the script back through `print`.
    async diff(params) {
      const { stdout, ...rest } = await (await getEngine()).diff(params);
      if (stdout) await printViaCli(stdout);
      return { ...rest, stdout: null };
    },
    evaluateDataLoss: (params) => withMigrationSchemaCache('evaluateDataLoss', params),
    createMigration: (params) => withMigrationSchemaCache('createMigration', params),
    async getDatabaseVersion(params) {
      return (await getEngine()).version(params ?? undefined);
    },
    async createDatabase({ datasource: target }) {
      const url = target?.tag === 'ConnectionString' ? target.url : datasource.url;
      return { databaseName: await createDatabase(url) };
    },
  };

  // Why the engine can no longer serve requests (a crash or a panic), if so.
  let broken = null;
  // The request being handled, until it has been answered.
  let current = null;

  const answer = (request, response) => {
    if (request.answered) return; // e.g. already answered by onCrash
    request.answered = true;
    send({ jsonrpc: '2.0', id: request.id, ...response });
  };
  const answerError = (request, error) => {
    const rpcError = toRpcError(error, adapter?.factory.errorRegistry);
    logError(`${request.method} failed: ${rpcError.data.message}`);
    answer(request, { error: rpcError });
  };

  async function handle(request) {
    const { id, method, params } = request;
    logInfo(`JSON-RPC request ${id}: ${method}`);
    current = request;
    try {
      if (broken) throw broken;
      let result;
      if (handlers[method]) result = await handlers[method](params);
      else if (PASSTHROUGH_METHODS.has(method)) result = await (await getEngine())[method](params);
      else throw new Error(`The WASM schema engine stand-in does not support the "${method}" method.`);
      await cleanup();
      answer(request, { result: result ?? null });
    } catch (error) {
      await cleanup().catch(() => {});
      answerError(request, error);
      // No method is safe to call on a WASM instance after a panic.
      if (hasPanicked()) broken = error;
    } finally {
      current = null;
    }
  }

  // Requests run one at a time, in order; responses to our own `print`
  // requests are handled immediately (a request may be waiting for one).
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      logError(`Ignoring a line that is not JSON: ${line.slice(0, 200)}`);
      return;
    }
    if (message.method === undefined) {
      pendingPrints.get(message.id)?.();
      pendingPrints.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });
  // stdin closed: finish what was asked, then leave.
  lines.on('close', () => queue.then(() => exit(broken ? 1 : 0)));

  return {
    // Answer the request in progress with the crash instead of exiting: when
    // the engine dies while the CLI waits for an answer, the CLI (7.10) hangs
    // in its own cleanup and then exits 0 without printing anything. The CLI
    // ends the process (stdin end + SIGTERM) once it has reported the error.
    onCrash(error) {
      broken = new Error(`The schema engine (WASM stand-in) crashed: ${error?.message ?? error}`);
      if (current) answerError(current, broken);
    },
  };
}
