import { componentLogger } from './logger.mjs';

// The app's structured logger (pino, JSON lines on stdout, level from
// LOG_LEVEL). Same process logger as scripts/serve.mjs: see logger.mjs.
// Read the request id a line belongs to with requestIdFrom(await headers()).
export const log = componentLogger('app');

/** The id scripts/serve.mjs gave this request (X-Request-Id), to put on log lines about it. */
export function requestIdFrom(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? undefined;
}
