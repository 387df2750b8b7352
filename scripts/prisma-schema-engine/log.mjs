// Logging for the schema-engine stand-in.
//
// stdout is the JSON-RPC channel to the Prisma CLI, so every diagnostic goes
// to stderr. We write the same JSON lines the native engine writes
// ({"level","fields":{"message",...},"target"}) because the CLI parses them:
// in RPC mode it keeps the last ERROR line to explain a crash, and for the
// `cli …` subcommands it JSON-parses every stderr line after the first and
// reads `fields.error_code` / `fields.message` from the ERROR one.

import { format } from 'node:util';

const TARGET = 'schema_engine::logger';

/** Write one log line to stderr in the native engine's format. */
export function log(level, message, extraFields = {}) {
  const line = JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extraFields },
    target: TARGET,
  });
  process.stderr.write(`${line}\n`);
}

export const logInfo = (message, fields) => log('INFO', message, fields);
export const logWarn = (message, fields) => log('WARN', message, fields);
export const logError = (message, fields) => log('ERROR', message, fields);

/**
 * Libraries that print with console.log would corrupt the JSON-RPC stream on
 * stdout, and plain-text stderr lines would break the CLI's JSON parsing of
 * `cli …` errors: route all console output through `log` instead.
 */
export function routeConsoleToLog() {
  console.log = console.info = console.debug = (...args) => logInfo(format(...args));
  console.warn = (...args) => logWarn(format(...args));
  // ERROR lines are reserved for our own failures (the CLI shows the last one).
  console.error = (...args) => logWarn(format(...args));
}
