import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures/test';

// Health, request ids, metrics and graceful shutdown through the real
// production server (scripts/serve.mjs). The suite's own server has no
// metrics token; the second half starts a server of its own with one, and
// stops it with SIGTERM.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const OWN_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const OWN_URL = `http://127.0.0.1:${OWN_PORT}`;
const METRICS_TOKEN = 'e2e-metrics-token-0123456789abcdef';
const SHUTDOWN_DELAY_MS = 2_000;

test.describe('health and request ids on the suite’s server', () => {
  test('live: 200 {"status":"ok"}, not stored, no cookie', async ({ request }) => {
    const response = await request.get('/api/health/live');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(response.headers()['set-cookie']).toBeUndefined();
  });

  test('ready: 200 with the database checked, not stored, no cookie', async ({ request }) => {
    // A cold instance may take longer than the check's timeout for its first query: probes retry, so does this.
    await expect.poll(async () => (await request.get('/api/health/ready')).status(), { timeout: 15_000 }).toBe(200);
    const response = await request.get('/api/health/ready');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(response.headers()['set-cookie']).toBeUndefined();
  });

  test('probes in a burst all answer', async ({ request }) => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, index) => request.get(index % 2 ? '/api/health/ready' : '/api/health/live')));
    expect(answers.map((response) => response.status())).toEqual(Array(40).fill(200));
  });

  test('metrics without a configured token: 404', async ({ request }) => {
    const response = await request.get('/api/metrics', { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status()).toBe(404);
    expect(response.headers()['cache-control']).toBe('no-store');
  });

  test('a plain X-Request-Id comes back; a hostile one is replaced', async ({ request }) => {
    const kept = await request.get('/api/claims?limit=1', { headers: { 'X-Request-Id': 'varnish-1234.5_a' } });
    expect(kept.headers()['x-request-id']).toBe('varnish-1234.5_a');
    const long = await request.get('/api/claims?limit=1', { headers: { 'X-Request-Id': 'x'.repeat(10_240) } });
    expect(long.status()).toBe(200);
    expect(long.headers()['x-request-id']).toMatch(UUID);
    const page = await request.get('/', { headers: { 'X-Request-Id': '<script>alert(1)</script>' } });
    expect(page.headers()['x-request-id']).toMatch(UUID);
  });
});

type OwnServer = { child: ChildProcess; lines: () => Array<Record<string, unknown>>; exit: Promise<number | null> };

function startOwnServer(): OwnServer {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set');
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(OWN_PORT), '--hostname', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: 'e2e-only-secret-not-for-production-000000',
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      ATTEST_PUBLIC_URL: OWN_URL,
      ATTEST_METRICS_TOKEN: METRICS_TOKEN,
      ATTEST_SHUTDOWN_DELAY_MS: String(SHUTDOWN_DELAY_MS),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, lines, exit };
}

/** Resolves with the status, or "refused" when nothing accepts the connection. */
function getStatus(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string } | 'refused'> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${OWN_URL}${pathname}`, { headers: { Connection: 'close', ...headers }, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNREFUSED' ? resolve('refused') : reject(error)));
  });
}

test.describe('a server of its own: metrics and SIGTERM', () => {
  test.describe.configure({ timeout: 90_000 });
  let server: OwnServer | undefined;

  test.beforeAll(async () => {
    server = startOwnServer();
    await expect.poll(async () => (await getStatus('/api/health/live')) !== 'refused', { timeout: 60_000, intervals: [250] }).toBe(true);
    // Ready once its first query answers in time (which also opens the pool the metrics report).
    await expect.poll(async () => getStatus('/api/health/ready'), { timeout: 20_000, intervals: [250] }).toMatchObject({ status: 200 });
  });

  test.afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exit;
    }
  });

  test('a request through serve.mjs shows in /api/metrics, and in one JSON log line', async () => {
    const api = await getStatus('/api/claims?limit=1', { 'X-Request-Id': 'e2e-operations-1' });
    expect(api).toMatchObject({ status: 200 });
    expect(await getStatus('/api/metrics')).toMatchObject({ status: 401 });
    expect(await getStatus('/api/metrics', { Authorization: 'Bearer wrong' })).toMatchObject({ status: 401 });
    const metrics = await getStatus('/api/metrics', { Authorization: `Bearer ${METRICS_TOKEN}` });
    if (metrics === 'refused') throw new Error('refused');
    expect(metrics.status).toBe(200);
    // Recorded by scripts/observability.mjs, rendered by the route Next bundled: one registry.
    expect(metrics.body).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/claims",status_class="2xx"\} [1-9]\d*$/m);
    // The pool lib/db.ts made inside Next's bundle, read by the same registry.
    expect(metrics.body).toMatch(/^attest_db_pool_connections\{pool="primary"\} [1-9]\d*$/m);
    expect(metrics.body).toMatch(/^process_resident_memory_bytes \d+/m);

    await expect.poll(() => server?.lines().filter((line) => line.requestId === 'e2e-operations-1').length).toBe(1);
    const line = server?.lines().find((entry) => entry.requestId === 'e2e-operations-1');
    expect(line).toMatchObject({ level: 'info', component: 'http', method: 'GET', path: '/api/claims', route: '/api/claims', status: 200 });
    expect(typeof line?.durationMs).toBe('number');
    expect(Number(line?.bytes)).toBeGreaterThan(0);
  });

  test('SIGTERM: ready says 503 at once, new connections are refused after the delay, the request in flight completes, exit 0', async () => {
    if (!server) throw new Error('no server');
    const own = server;
    expect(await getStatus('/api/health/ready')).toMatchObject({ status: 200 });

    // A request in flight: its body arrives slowly, so it lasts as long as we like. (Auth.js reads
    // the body, then refuses the update for want of a CSRF token: any complete answer will do.)
    const body = JSON.stringify({});
    let settle: (value: { status: number } | Error) => void = () => {};
    const slowAnswer = new Promise<{ status: number } | Error>((resolve) => (settle = resolve));
    const slow = http.request(`${OWN_URL}/api/auth/session`, {
      method: 'POST',
      agent: false,
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
    });
    slow.on('response', (response) => {
      response.resume();
      response.on('end', () => settle({ status: response.statusCode ?? 0 }));
    });
    slow.on('error', (error) => settle(error));
    slow.write(body.slice(0, 1));
    slow.flushHeaders();
    await new Promise((resolve) => setTimeout(resolve, 200));

    own.child.kill('SIGTERM');
    await expect.poll(async () => getStatus('/api/health/ready'), { timeout: SHUTDOWN_DELAY_MS, intervals: [100] }).toEqual({
      status: 503,
      body: JSON.stringify({ status: 'shutting-down' }),
    });
    await expect.poll(async () => getStatus('/api/health/live'), { timeout: 10_000, intervals: [100] }).toBe('refused');

    slow.end(body.slice(1));
    const answer = await slowAnswer;
    expect(answer).not.toBeInstanceOf(Error);
    expect((answer as { status: number }).status).toBeLessThan(500);
    expect(await own.exit).toBe(0);
    expect(own.lines().map((line) => line.msg)).toEqual(expect.arrayContaining(['stopping: readiness answers 503', 'stopped']));
    expect(own.lines().filter((line) => line.level === 'error')).toEqual([]);
  });
});
