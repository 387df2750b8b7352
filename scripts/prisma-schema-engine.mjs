#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, backed by the
// WebAssembly schema engine running over @prisma/adapter-pg.
//
// The Prisma CLI downloads a native schema-engine binary on first use, which
// is impossible offline. It lets PRISMA_SCHEMA_ENGINE_BINARY name another
// executable instead (prisma.config.ts points it here); this file speaks the
// same command line and the same line-delimited JSON-RPC on stdin/stdout:
//
//   prisma-schema-engine.mjs --version
//   prisma-schema-engine.mjs [--datamodels <schema.prisma>]... --datasource '{"url":…,"shadowDatabaseUrl":…}'
//   prisma-schema-engine.mjs --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//
// PostgreSQL only. stdout carries JSON-RPC only; logs go to stderr as the
// JSON lines the native engine writes (see prisma-schema-engine/log.mjs).

import fs from 'node:fs';
import { logError, logInfo, logWarn, routeConsoleToLog } from './prisma-schema-engine/log.mjs';
import { canConnect, createDatabase, dropDatabase } from './prisma-schema-engine/pg-admin.mjs';
import { serveJsonRpc } from './prisma-schema-engine/rpc-server.mjs';
import { engineVersion } from './prisma-schema-engine/wasm-engine.mjs';

routeConsoleToLog();

/** Cleanup to run before exiting (drops temporary shadow databases). */
let cleanup = async () => {};

/** Exit after cleaning up, but never hang on the cleanup. */
async function exit(code) {
  const timeout = new Promise((resolve) => setTimeout(resolve, 5000).unref());
  await Promise.race([cleanup().catch(() => {}), timeout]);
  process.exit(code);
}

// A crash must be loud: log it as an ERROR line (the CLI shows the last one
// when the engine exits) and exit non-zero. While serving JSON-RPC, the
// server answers the pending request with the error instead (see onCrash).
let onCrash = () => void exit(1);
const crash = (error) => {
  logError(`Schema engine (WASM stand-in) crashed: ${error?.stack ?? error}`);
  onCrash(error);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
// The CLI ends stdin and immediately sends SIGTERM when it is done with us.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => void exit(0));

function parseArgs(argv) {
  const args = { datamodels: [], datasource: {}, cli: null, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--datamodels') {
      // Accept both `--datamodels a --datamodels b` and `--datamodels a b`.
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('-') && argv[i + 1] !== 'cli') {
        args.datamodels.push(argv[++i]);
      }
    } else if (arg === '--datasource') {
      try {
        args.datasource = JSON.parse(argv[++i] ?? '{}');
      } catch (error) {
        args.datasource = { invalid: `Invalid --datasource JSON: ${error.message}` };
      }
    } else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++; // not used by the WASM engine
    else if (arg === 'cli') args.cli = argv[++i] ?? '';
    // Never die on arguments: the CLI may already be waiting for an answer
    // (see rpc-server.mjs, onCrash).
    else logWarn(`Ignoring unknown argument: ${arg}`);
  }
  return args;
}

/** `cli <subcommand>`: one-shot database operations done with plain node-postgres. */
async function runCliSubcommand(subcommand, { url }) {
  // The CLI ignores the first stderr line of these subcommands and parses the
  // rest as JSON log lines, so always print one line first.
  logInfo(`schema-engine (WASM stand-in): cli ${subcommand}`);
  try {
    if (!url) throw new Error('No datasource URL given (--datasource {"url": …}).');
    if (subcommand === 'can-connect-to-database') await canConnect(url);
    else if (subcommand === 'create-database') logInfo(`Created database ${await createDatabase(url)}`);
    else if (subcommand === 'drop-database') await dropDatabase(url);
    else throw new Error(`Unknown cli subcommand: ${subcommand}`);
    process.exit(0);
  } catch (error) {
    logError(error.message, error.code ? { error_code: error.code } : {});
    process.exit(1);
  }
}

const args = parseArgs(process.argv.slice(2));
if (args.version) {
  process.stdout.write(`schema-engine-cli ${await engineVersion()}\n`);
  process.exit(0);
} else if (args.help) {
  process.stdout.write(`${fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 15).join('\n')}\n`);
  process.exit(0);
} else if (args.cli !== null) {
  await runCliSubcommand(args.cli, args.datasource);
} else {
  // Serve right away; the WASM engine is loaded with the first request, so
  // that even a failure to load it becomes an answer the CLI reports.
  logInfo('Starting schema engine (WASM stand-in)');
  ({ onCrash } = serveJsonRpc({
    datamodelPaths: args.datamodels,
    datasource: args.datasource,
    exit,
    setCleanup: (fn) => (cleanup = fn),
  }));
}
