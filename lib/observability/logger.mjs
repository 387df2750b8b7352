// One pino logger per process, for scripts/serve.mjs and the app's server
// code alike (lib/observability/log.ts): the same JSON lines on stdout, the
// same level, whichever side writes them. Kept on globalThis for the reason
// runtime.mjs gives (Next's bundle is a second module instance).
//
// LOG_LEVEL: fatal, error, warn, info (default), debug, trace or silent.

import pino from 'pino';

const LOGGER = Symbol.for('attest.observability.logger');
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The level LOG_LEVEL names; an unknown name is an error, not a silent fallback to a level nobody asked for. */
export function logLevelFrom(value) {
  if (value === undefined || value === '') return 'info';
  const level = value.trim().toLowerCase();
  if (!LOG_LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`);
  return level;
}

export function rootLogger() {
  globalThis[LOGGER] ??= pino({
    level: logLevelFrom(process.env.LOG_LEVEL),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Nothing here logs headers; should a caller pass a request or headers
    // object anyway, credentials are blanked rather than written to disk.
    redact: {
      paths: ['headers.cookie', 'headers.authorization', '*.headers.cookie', '*.headers.authorization', 'cookie', 'authorization'],
      censor: '[redacted]',
    },
  });
  return globalThis[LOGGER];
}

/** A child of the process logger that tags each line with its component ("serve", "http", "health", …). */
export function componentLogger(component) {
  return rootLogger().child({ component });
}
