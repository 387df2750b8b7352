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
// SIGTERM / SIGINT: stop accepting connections, let requests in flight finish
// (up to STOP_GRACE_MS), exit 0.
//
// Environment: PORT and ATTEST_HOST are the defaults for --port and --hostname.

import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { withPublicCacheHeaders } from './public-cache-headers.mjs';
import { withPublicPagesWithoutScripts } from './public-html.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PEER_ADDRESS_HEADER = 'x-attest-peer-address';
const PEER_HEADER_MARKER = Symbol.for('attest.peerAddressHeader');
const STOP_GRACE_MS = 8_000;

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
  const server = http.createServer(withPeerAddress(withPublicPagesWithoutScripts(withPublicCacheHeaders(app.getRequestHandler()))));

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`[serve] ${signal} received, stopping…`);
    server.close(async () => {
      await app.close().catch((error) => console.error(`[serve] closing Next.js: ${error.message}`));
      process.exit(0);
    });
    // Idle keep-alive connections would hold close() open; busy ones get the grace period.
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, STOP_GRACE_MS).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stop(signal));

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  console.log(`[serve] Attest (production build in ${path.relative(process.cwd(), path.join(ROOT, '.next')) || '.next'}) on http://${hostname}:${port}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`[serve] ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
