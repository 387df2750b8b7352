// Request ids, one JSON log line and one metrics sample per request, for
// scripts/serve.mjs (which wires withRequestLogging around Next's handler).
//
// Request id: a load balancer or Varnish in front may already have given the
// request an X-Request-Id; it is kept only when it looks like an id (at most
// 64 characters of [A-Za-z0-9._-]), so a client cannot put CR/LF, markup or
// 10 kB into our logs and response headers. Otherwise a new UUID. The app
// reads it from the request headers (lib/observability/log.ts), the client
// from the response's X-Request-Id.
//
// What a line holds: method, path (never the query string: search terms and
// tokens travel there; and for the dispute page, whose path is a secret
// token, the route pattern instead), route pattern, status, duration, bytes
// sent, request id. Never headers, so never cookies or Authorization.

import { randomUUID } from 'node:crypto';
import { componentLogger } from '../lib/observability/logger.mjs';
import { recordHttpRequest } from '../lib/observability/metrics.mjs';
import { isShuttingDown } from '../lib/observability/runtime.mjs';

export const REQUEST_ID_HEADER = 'x-request-id';
const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_LOGGED_PATH = 256;

/** The incoming id when it is a plain token of at most 64 characters, else a fresh UUID. */
export function requestIdFrom(incoming) {
  return typeof incoming === 'string' && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

// Route patterns the metrics may name, as in app/ (the locale segment and
// route groups left out). A segment in brackets matches any one segment, a
// trailing "*" any rest. Bounded on purpose: a label per raw path would let
// anyone create unlimited time series with made-up URLs.
// scripts/observability.test.mjs checks this list against app/.
export const PAGE_ROUTES = [
  '/',
  '/claimants',
  '/claimants/[slug]',
  '/claims/[slug]',
  '/claims/[slug]/contest',
  '/claims/[slug]/share-image',
  '/corrections',
  '/disputes/[token]',
  '/feeds/claimants/[slug]/[format]',
  '/feeds/corrections/[format]',
  '/feeds/fact-checks/[format]',
  '/feeds/tags/[tag]/[format]',
  '/methodology',
  '/ratings/[key]',
  '/search',
  '/sources/[id]',
  '/tags/[tag]',
];
export const SITE_ROUTES = [
  '/api/auth/*',
  '/api/claims',
  '/api/claims/[slug]',
  '/api/exports/claims.csv',
  '/api/exports/claims.jsonl',
  '/api/factcheck/claims-search',
  '/api/factcheck/claims:search',
  '/api/factcheck/pages',
  '/api/health/live',
  '/api/health/ready',
  '/api/metrics',
  '/api/sources/[id]',
  '/dashboard/*',
  '/login',
  '/sitemap.xml',
  '/sitemaps/[file]',
  '/_next/static/*',
  '/_next/image',
  '/_next/*',
];

function matches(pattern, segments) {
  const parts = pattern.split('/').filter(Boolean);
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index];
    if (part === '*') return index === parts.length - 1 && segments.length >= index;
    const segment = segments[index];
    if (segment === undefined) return false;
    if (!(part.startsWith('[') && part.endsWith(']')) && part !== segment) return false;
  }
  return segments.length === parts.length;
}

function pathnameOf(url) {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return '/';
  }
}

/** The route pattern a request URL belongs to, from a fixed list; "other" for anything else. */
export function routeLabel(url) {
  const segments = pathnameOf(url).split('/').filter(Boolean);
  const site = SITE_ROUTES.find((pattern) => matches(pattern, segments));
  if (site) return site;
  // Reader pages, French unprefixed or under a two-letter locale (/en/…).
  const withoutLocale = /^[a-z]{2}$/.test(segments[0] ?? '') ? segments.slice(1) : segments;
  const page = PAGE_ROUTES.find((pattern) => matches(pattern, withoutLocale));
  if (page) return page;
  if (segments.length === 1 && segments[0]?.includes('.')) return 'static';
  return 'other';
}

/** What the log line says the path was: the route pattern when the path itself is a secret, never the query. */
export function loggablePath(url, route) {
  if (route.includes('[token]')) return route;
  const pathname = pathnameOf(url);
  return pathname.length > MAX_LOGGED_PATH ? `${pathname.slice(0, MAX_LOGGED_PATH)}…` : pathname;
}

/**
 * Wraps a Node request listener: gives each request its id (request and
 * response header), and when the response is done (or the client gave up),
 * writes one log line and one http_request_duration_seconds sample.
 */
export function withRequestLogging(listener, { logger = componentLogger('http') } = {}) {
  return (request, response) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader('X-Request-Id', requestId);
    // Keep-alive clients of a stopping server reconnect elsewhere after this response.
    if (isShuttingDown()) response.setHeader('Connection', 'close');
    const socket = request.socket;
    const bytesBefore = socket.bytesWritten;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(request.url);
      const aborted = !response.writableFinished;
      recordHttpRequest({ method: request.method ?? 'GET', route, statusCode: response.statusCode, seconds, nextCache: response.getHeader('x-nextjs-cache') });
      logger.info(
        {
          requestId,
          method: request.method,
          path: loggablePath(request.url, route),
          route,
          status: response.statusCode,
          durationMs: Math.round(seconds * 1e4) / 10,
          // Headers included, after compression: what went over the socket.
          bytes: socket.bytesWritten - bytesBefore,
          ...(aborted ? { aborted: true } : {}),
        },
        'request',
      );
    };
    response.once('finish', finish);
    response.once('close', finish);
    return listener(request, response);
  };
}
