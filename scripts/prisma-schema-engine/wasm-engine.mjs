// Loading the WebAssembly schema engine, and turning its errors into the
// JSON-RPC errors the Prisma CLI understands.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

// The engine panics through this global (the wasm-bindgen glue calls
// `set_message`); remember the message so we can report it.
let lastPanicMessage = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanicMessage = message;
  },
};

let glue;

/**
 * Instantiate the WASM module once. Prefer the module shipped inside the
 * `prisma` CLI package (its engine version matches the CLI's), and fall back
 * to the one in @prisma/schema-engine-wasm. Both use the same import names as
 * that package's JS glue; a mismatch fails loudly with a LinkError.
 */
export async function loadWasmEngine() {
  if (glue) return glue;
  // The package's `exports` hide package.json: resolve through the glue file.
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const candidates = [
    path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'schema_engine_bg.wasm'),
    path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'),
  ];
  const wasmPath = candidates.find((file) => fs.existsSync(file));
  if (!wasmPath) throw new Error(`schema_engine_bg.wasm not found in: ${candidates.join(', ')}`);

  const bindings = await import(pathToFileURL(gluePath).href);
  const module = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  glue = bindings;
  return glue;
}

/** The engine's git hash, e.g. for `--version`. */
export const engineVersion = async () => (await loadWasmEngine()).version();

/**
 * Create the engine. It connects through the adapter factory right away.
 *
 * @param {[string, string][] | undefined} datamodels [path, content] pairs
 * @param {(line: string) => void} onLog receives the engine's JSON log lines
 */
export async function createWasmEngine(datamodels, onLog, adapterFactory) {
  const { SchemaEngine } = await loadWasmEngine();
  return SchemaEngine.new({ datamodels }, onLog, adapterFactory);
}

// Plain errors from the engine carry no error code; recognise the usual
// connection errors so the CLI can show the familiar P10xx codes.
const KNOWN_MESSAGES = [
  [/^Can't reach database server/, 'P1001'],
  [/^Database `.*` does not exist/, 'P1003'],
  [/^Authentication failed/, 'P1000'],
];

/**
 * Convert whatever the engine (or our own code) threw into the `error` member
 * of a JSON-RPC response, shaped like the native engine's.
 *
 * @param {unknown} error
 * @param {{ consumeError(id: number): { error: unknown } | undefined }} [errorRegistry]
 */
export function toRpcError(error, errorRegistry) {
  const envelope = (data) => ({ code: 4466, message: 'An error happened. Check the data field for details.', data });

  if (error instanceof WebAssembly.RuntimeError || lastPanicMessage) {
    const message = lastPanicMessage ?? String(error?.message ?? error);
    // The CLI reads a panic's text from data.error.message.
    return envelope({ is_panic: true, message, backtrace: error?.stack ?? null, error: { message } });
  }

  let message = String(error?.message ?? error).trimEnd();
  // Errors thrown by JavaScript inside the adapter reach us as
  // "External error id#N"; show the original error instead.
  message = message.replace(/External error id#(\d+)/g, (text, id) => {
    const original = errorRegistry?.consumeError(Number(id))?.error;
    return original ? String(original.message ?? original) : text;
  });

  // The engine appends a Rust span trace ("   0: module::function\n  with …
  // at file.rs:line"); keep only the migration name it mentions.
  const trace = message.search(/\n\s+0: \S+::/);
  if (trace !== -1) {
    const migrationName = /migration_name="([^"]+)"/.exec(message.slice(trace))?.[1];
    message = message.slice(0, trace).trimEnd() + (migrationName ? `\n\nMigration name: ${migrationName}` : '');
  }

  const errorCode = error?.code ?? KNOWN_MESSAGES.find(([pattern]) => pattern.test(message))?.[1];
  return envelope({
    is_panic: false,
    message,
    meta: error?.meta ?? null,
    ...(typeof errorCode === 'string' && /^P\d{4}$/.test(errorCode) ? { error_code: errorCode } : {}),
  });
}

/** True once the engine has panicked: its instance must not be used again. */
export const hasPanicked = () => lastPanicMessage !== null;
