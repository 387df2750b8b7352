// Prometheus metrics (prom-client), one registry per process.
//
// scripts/serve.mjs records every request (scripts/observability.mjs) and
// app/api/metrics renders the registry; the first is plain Node, the second
// is bundled by Next.js. prom-client is in next.config.ts's
// serverExternalPackages so both load node_modules' copy, and the registry
// lives on globalThis so both see one set of metrics whichever module
// instance asks first (see runtime.mjs).

import client from 'prom-client';
import { databasePools } from './runtime.mjs';

const METRICS = Symbol.for('attest.observability.metrics');

/** The values Next puts in X-Nextjs-Cache; anything else is not counted. */
const NEXT_CACHE_RESULTS = new Set(['HIT', 'MISS', 'STALE', 'REVALIDATED']);

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpRequestDuration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to the last byte of the response, by route pattern (never the raw path) and status class.',
    labelNames: ['method', 'route', 'status_class'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const nextCacheResults = new client.Counter({
    name: 'attest_next_cache_responses_total',
    help: "Responses by Next.js's cache result (the X-Nextjs-Cache header: HIT, MISS, STALE, REVALIDATED).",
    labelNames: ['route', 'result'],
    registers: [registry],
  });
  const varnishPurges = new client.Counter({
    name: 'attest_varnish_purges_total',
    help: 'Tag purges sent to Varnish nodes, by result.',
    labelNames: ['result'],
    registers: [registry],
  });
  const poolGauge = (name, help, read) =>
    new client.Gauge({
      name,
      help,
      labelNames: ['pool'],
      registers: [registry],
      // Read on scrape: the pool's counters are already there, nothing to keep in step.
      collect() {
        this.reset();
        for (const [pool, counts] of databasePools()) this.set({ pool }, read(counts));
      },
    });
  poolGauge('attest_db_pool_connections', 'PostgreSQL connections open in the pool (idle and in use).', (pool) => pool.totalCount);
  poolGauge('attest_db_pool_idle_connections', 'PostgreSQL connections open and idle in the pool.', (pool) => pool.idleCount);
  poolGauge('attest_db_pool_waiting_requests', 'Queries waiting for a free connection.', (pool) => pool.waitingCount);
  return { registry, httpRequestDuration, nextCacheResults, varnishPurges };
}

function metrics() {
  globalThis[METRICS] ??= createMetrics();
  return globalThis[METRICS];
}

export function metricsRegistry() {
  return metrics().registry;
}

/** One finished HTTP request. route must be a bounded label (scripts/observability.mjs's routeLabel). */
export function recordHttpRequest({ method, route, statusCode, seconds, nextCache }) {
  const { httpRequestDuration, nextCacheResults } = metrics();
  httpRequestDuration.observe({ method: boundedMethod(method), route, status_class: `${Math.floor(statusCode / 100)}xx` }, seconds);
  const result = typeof nextCache === 'string' ? nextCache.toUpperCase() : undefined;
  if (result && NEXT_CACHE_RESULTS.has(result)) nextCacheResults.inc({ route, result });
}

/** One purge request to one Varnish node, by result ("ok", "failed", …: a short lower-case word, else counted as "other"). */
export function recordVarnishPurge(result) {
  metrics().varnishPurges.inc({ result: /^[a-z_]{1,20}$/.test(result) ? result : 'other' });
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PURGE']);

/** A client can send any token as its method: only the usual ones become label values. */
function boundedMethod(method) {
  return METHODS.has(method) ? method : 'OTHER';
}
