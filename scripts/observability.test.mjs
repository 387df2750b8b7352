import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { metricsRegistry } from '../lib/observability/metrics.mjs';
import { PAGE_ROUTES, SITE_ROUTES, loggablePath, requestIdFrom, routeLabel, withRequestLogging } from './observability.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Every route app/ defines, as a URL path with sample values ("(group)" and
 * "[locale]" folders dropped). The `%5Fpaged` twins are only reached by the
 * proxy's rewrite of a `?after=` URL, which is logged under its own path.
 */
function appRoutePaths(directory = 'app', segments = []) {
  return fs.readdirSync(path.join(ROOT, directory), { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const name = entry.name;
      if (name === '%5Fpaged') return [];
      const next = /^\(.*\)$/.test(name) || name === '[locale]' ? segments : [...segments, name.startsWith('[...') ? 'a/b' : name.startsWith('[') ? 'sample' : name];
      return appRoutePaths(`${directory}/${name}`, next);
    }
    return /^(page\.tsx|route\.ts)$/.test(entry.name) ? [`/${segments.join('/')}`] : [];
  });
}

describe('routeLabel', () => {
  test('every route in app/ has its own label, in French and under /en', () => {
    const routes = appRoutePaths();
    assert.ok(routes.length > 30, `only ${routes.length} routes found under app/`);
    const labels = new Set([...PAGE_ROUTES, ...SITE_ROUTES]);
    for (const route of routes) {
      const label = routeLabel(route);
      assert.ok(labels.has(label), `${route} is labelled "${label}": add its pattern to scripts/observability.mjs`);
      if (!route.startsWith('/api') && !route.startsWith('/dashboard') && !['/login', '/sitemap.xml'].includes(route) && !route.startsWith('/sitemaps')) {
        assert.equal(routeLabel(`/en${route === '/' ? '' : route}`), label, `/en${route}`);
      }
    }
  });

  test('maps real paths to their pattern, and everything else to a few fixed labels', () => {
    assert.equal(routeLabel('/claims/le-chomage-a-baisse?x=1'), '/claims/[slug]');
    assert.equal(routeLabel('/en/claims/unemployment-fell'), '/claims/[slug]');
    assert.equal(routeLabel('/en'), '/');
    assert.equal(routeLabel('/'), '/');
    assert.equal(routeLabel('/api/claims?limit=1'), '/api/claims');
    assert.equal(routeLabel('/api/claims/some-slug'), '/api/claims/[slug]');
    assert.equal(routeLabel('/dashboard'), '/dashboard/*');
    assert.equal(routeLabel('/dashboard/claims/abc/verdicts/new'), '/dashboard/*');
    assert.equal(routeLabel('/api/auth/callback/credentials'), '/api/auth/*');
    assert.equal(routeLabel('/_next/static/chunks/app.js'), '/_next/static/*');
    assert.equal(routeLabel('/favicon.ico'), 'static');
    assert.equal(routeLabel('/claims'), 'other');
    assert.equal(routeLabel('/claims/a/b/c/d'), 'other');
    assert.equal(routeLabel('/wp-admin/setup.php'), 'other');
    assert.equal(routeLabel('/api/nope'), 'other');
    assert.equal(routeLabel('//evil.example/%%%'), 'other');
    assert.equal(routeLabel('http://[bad'), '/');
  });

  test('10,000 made-up URLs make no new label', () => {
    const labels = new Set([...PAGE_ROUTES, ...SITE_ROUTES, 'static', 'other']);
    for (let index = 0; index < 10_000; index += 1) {
      const label = routeLabel(`/${index.toString(36)}/x${index}/${'y'.repeat(index % 7)}.${index}`);
      assert.ok(labels.has(label), label);
    }
  });
});

describe('loggablePath', () => {
  test('drops the query string, hides the dispute token, and truncates long paths', () => {
    assert.equal(loggablePath('/search?q=secret+words&token=abc', '/search'), '/search');
    assert.equal(loggablePath('/disputes/s3cr3t-t0ken', routeLabel('/disputes/s3cr3t-t0ken')), '/disputes/[token]');
    assert.equal(loggablePath('/en/disputes/s3cr3t-t0ken', routeLabel('/en/disputes/s3cr3t-t0ken')), '/disputes/[token]');
    assert.equal(loggablePath(`/${'a'.repeat(10_000)}`, 'other').length, 257);
  });
});

describe('requestIdFrom', () => {
  test('keeps a plain id of at most 64 characters', () => {
    assert.equal(requestIdFrom('abc-123_x.y'), 'abc-123_x.y');
    assert.equal(requestIdFrom('a'.repeat(64)), 'a'.repeat(64));
  });

  test('replaces anything else with a fresh UUID', () => {
    for (const hostile of [undefined, '', 'a'.repeat(65), 'x'.repeat(10_240), 'id\r\nSet-Cookie: a=b', 'id\nx', 'a b', '<script>', 'id, other', ['a', 'b']]) {
      const id = requestIdFrom(hostile);
      assert.match(id, UUID, `${JSON.stringify(hostile)?.slice(0, 40)} → ${id}`);
    }
    assert.notEqual(requestIdFrom(undefined), requestIdFrom(undefined));
  });
});

describe('withRequestLogging', () => {
  async function serveOnce(listener, send) {
    const lines = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, callback) => (lines.push(JSON.parse(String(chunk))), callback()) }));
    const server = http.createServer(withRequestLogging(listener, { logger }));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await send(server.address().port);
      // The line is written when the response finishes, which the client may see first.
      for (let wait = 0; lines.length === 0 && wait < 100; wait += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      return { response, lines };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  function get(port, requestPath, headers = {}) {
    return new Promise((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path: requestPath, headers }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }));
      });
      request.on('error', reject);
    });
  }

  test('gives the app and the client the same id, and logs one line without the query, cookies or authorization', async () => {
    let seenByApp;
    const { response, lines } = await serveOnce(
      (request, response) => {
        seenByApp = request.headers['x-request-id'];
        response.setHeader('x-nextjs-cache', 'HIT');
        response.end('hello');
      },
      (port) => get(port, '/en/claims/some-claim?q=private', { 'X-Request-Id': 'lb-42', Cookie: 'authjs.session-token=secret', Authorization: 'Bearer secret' }),
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers['x-request-id'], 'lb-42');
    assert.equal(seenByApp, 'lb-42');
    assert.equal(lines.length, 1);
    const [line] = lines;
    assert.equal(line.requestId, 'lb-42');
    assert.equal(line.method, 'GET');
    assert.equal(line.path, '/en/claims/some-claim');
    assert.equal(line.route, '/claims/[slug]');
    assert.equal(line.status, 200);
    assert.equal(typeof line.durationMs, 'number');
    assert.ok(line.bytes > 'hello'.length, `bytes ${line.bytes}`);
    assert.doesNotMatch(JSON.stringify(line), /secret|private/);
  });

  test('never echoes a hostile id: CR/LF or 10 kB become a fresh UUID', async () => {
    for (const hostile of ['x'.repeat(10_240), 'abc\tdef']) {
      let seenByApp;
      const { response, lines } = await serveOnce(
        (request, response) => ((seenByApp = request.headers['x-request-id']), response.end('ok')),
        (port) => get(port, '/', { 'X-Request-Id': hostile }),
      );
      assert.match(response.headers['x-request-id'], UUID);
      assert.equal(seenByApp, response.headers['x-request-id']);
      assert.equal(lines[0]?.requestId, seenByApp);
    }
  });

  test('a CR/LF in the raw id never reaches the app or the response', async () => {
    const lines = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, callback) => (lines.push(String(chunk)), callback()) }));
    const server = http.createServer(withRequestLogging((_request, response) => response.end('ok'), { logger }));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const net = await import('node:net');
    const raw = await new Promise((resolve) => {
      const socket = net.connect(server.address().port, '127.0.0.1', () =>
        socket.end('GET / HTTP/1.1\r\nHost: x\r\nX-Request-Id: abc\rSet-Cookie: evil=1\r\nConnection: close\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('close', () => resolve(data));
    });
    await new Promise((resolve) => server.close(resolve));
    // Node refuses a bare CR in a header (400) or the id is replaced; either way nothing is echoed.
    assert.doesNotMatch(raw, /evil/i);
    assert.doesNotMatch(lines.join(''), /evil/i);
  });

  test('counts the request in the shared registry under its route pattern and Next cache result', async () => {
    const registry = metricsRegistry();
    const before = await registry.getSingleMetric('attest_next_cache_responses_total').get();
    const hitsBefore = before.values.find((value) => value.labels.route === '/api/claims' && value.labels.result === 'HIT')?.value ?? 0;
    await serveOnce(
      (_request, response) => (response.setHeader('x-nextjs-cache', 'HIT'), response.end('[]')),
      (port) => get(port, '/api/claims?limit=1'),
    );
    const after = await registry.getSingleMetric('attest_next_cache_responses_total').get();
    assert.equal(after.values.find((value) => value.labels.route === '/api/claims' && value.labels.result === 'HIT')?.value, hitsBefore + 1);
    const text = await registry.metrics();
    assert.match(text, /http_request_duration_seconds_count\{method="GET",route="\/api\/claims",status_class="2xx"\} \d+/);
  });
});
