// Attest's production HTTP server: `next start`, plus the client's address.
//
//   node scripts/serve.mjs [--port 3000] [--hostname 127.0.0.1]
//
// Needs a production build (`next build`). `npm start` (scripts/start.mjs) and
// the e2e suite run it; run it yourself instead of `next start`.
//
// Why not `next start`: Next.js gives a route no way to read the TCP peer's
// address. It copies it into X-Forwarded-For only when the request has none,
// so a client that sends its own X-Forwarded-For chooses the address the
// sign-in limits count it under. This server is Next's own request handler
// (the custom-server API, production mode) behind a plain Node HTTP server
// that first replaces any client-sent copy of PEER_ADDRESS_HEADER with
// `socket.remoteAddress`. lib/request/client-address.ts reads it, and only
// believes it when this server announced the header's name on globalThis:
// under `next dev` or a bare `next start` nobody strips the header, so the
// app then treats every client as one unknown address.
//
// SIGTERM / SIGINT: /api/health/ready answers 503 at once (so a load
// balancer or Varnish probe takes the instance out); after
// ATTEST_SHUTDOWN_DELAY_MS (default 0: give it the probes' interval behind a
// balancer) stop accepting connections and close idle keep-alive ones; let
// requests in flight finish (up to STOP_GRACE_MS more); close Next.js, the
// database pool and Redis; exit 0.
//
// Every request gets an id and one JSON log line (pino, LOG_LEVEL) and is
// counted in /api/metrics: see scripts/observability.mjs.
//
// Environment: PORT and ATTEST_HOST are the defaults for --port and --hostname.

import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { componentLogger } from '../lib/observability/logger.mjs';
import { markShuttingDown, runShutdownHooks } from '../lib/observability/runtime.mjs';
import { withRequestLogging } from './observability.mjs';
import { withPublicCacheHeaders } from './public-cache-headers.mjs';
import { withPublicPagesWithoutScripts } from './public-html.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PEER_ADDRESS_HEADER = 'x-attest-peer-address';
const PEER_HEADER_MARKER = Symbol.for('attest.peerAddressHeader');
const STOP_GRACE_MS = 8_000;
const log = componentLogger('serve');

/** ATTEST_SHUTDOWN_DELAY_MS: how long a stopping server keeps accepting requests while readiness says 503. */
export function shutdownDelayFrom(value) {
  if (value === undefined || value === '') return 0;
  const delay = Number(value);
  if (!Number.isInteger(delay) || delay < 0 || delay > 60_000) throw new Error(`ATTEST_SHUTDOWN_DELAY_MS must be a whole number of milliseconds from 0 to 60000, not "${value}"`);
  return delay;
}

/**
 * Wraps a Node request listener: the request reaches it with
 * PEER_ADDRESS_HEADER set from the socket, whatever the client sent under
 * that name (Node joins repeated headers into one, so one delete removes all).
 */
export function withPeerAddress(listener) {
  return (request, response) => {
    delete request.headers[PEER_ADDRESS_HEADER];
    const peer = request.socket.remoteAddress;
    if (peer) request.headers[PEER_ADDRESS_HEADER] = peer;
    return listener(request, response);
  };
}

/** Tells lib/request/client-address.ts that PEER_ADDRESS_HEADER comes from this server, not from the client. */
export function announcePeerAddressHeader() {
  globalThis[PEER_HEADER_MARKER] = PEER_ADDRESS_HEADER;
}

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
    strict: true,
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname ?? process.env.ATTEST_HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
  const shutdownDelay = shutdownDelayFrom(process.env.ATTEST_SHUTDOWN_DELAY_MS);

  // Next's custom-server API reads NODE_ENV to pick production or development behaviour.
  process.env.NODE_ENV = 'production';
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  // lib/site/settings.ts builds absolute links on http://localhost:$PORT when ATTEST_PUBLIC_URL is unset.
  process.env.PORT = String(port);
  announcePeerAddressHeader();
  const { default: next } = await import('next');
  // Next builds the URL the proxy sees as http://localhost:PORT/…, and treats
  // a proxy rewrite whose origin differs from the server's own as a rewrite to
  // another site, fetched over HTTP (through the proxy again). Telling Next its
  // hostname is "localhost", whatever address this server listens on, keeps
  // the proxy's rewrites (languages, the not-found page) inside the server.
  const app = next({ dev: false, dir: ROOT, hostname: 'localhost', port });
  await app.prepare();
  // Compression, and reader pages without Next's scripts: see scripts/public-html.mjs.
  // Cache headers (and a page's 404) are set on Next's own answer, before its
  // HTML is rewritten and compressed; the request line is logged last, with
  // the status the client got.
  const server = http.createServer(
    withPeerAddress(withRequestLogging(withPublicPagesWithoutScripts(withPublicCacheHeaders(app.getRequestHandler())))),
  );

  let stopping = false;
  let closed = false;
  const closeAndExit = async () => {
    if (closed) return;
    closed = true;
    await app.close().catch((error) => log.error({ err: { message: error.message } }, 'closing Next.js failed'));
    // The database pool and Redis, registered by lib/db.ts and lib/observability/redis.ts.
    for (const failure of await runShutdownHooks()) log.error(failure, 'closing a connection pool failed');
    log.info('stopped');
    process.exit(0);
  };
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    markShuttingDown();
    log.info({ signal, delayMs: shutdownDelay, graceMs: STOP_GRACE_MS }, 'stopping: readiness answers 503');
    setTimeout(() => {
      server.close(closeAndExit);
      // Idle keep-alive connections would hold close() open; busy ones get the grace period.
      server.closeIdleConnections();
    }, shutdownDelay);
    setTimeout(() => {
      log.warn('grace period over: closing the connections still open');
      server.closeAllConnections();
      closeAndExit();
    }, shutdownDelay + STOP_GRACE_MS).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stop(signal));

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  log.info({ url: `http://${hostname}:${port}`, build: path.relative(process.cwd(), path.join(ROOT, '.next')) || '.next' }, 'Attest is serving');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    log.fatal({ err: error }, 'could not start');
    process.exit(1);
  });
}
