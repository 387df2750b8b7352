import assert from 'node:assert/strict';
import Module, { createRequire } from 'node:module';
import { test } from 'node:test';
import { NextRequest, type NextFetchEvent } from 'next/server';

// The proxy (proxy.ts) on a reader's request: no Auth.js, so no cookie, and no
// database (this test has none: a query would fail it). The newsroom still
// goes through Auth.js.

process.env.AUTH_SECRET ??= 'proxy-routing-test-secret-0000000000000';

// Next runs the proxy under the react-server condition, where `server-only`
// is an empty module; Node's test runner has no such condition, so the module
// is stubbed the same way before the proxy is loaded.
const require = createRequire(import.meta.url);
const serverOnly = require.resolve('server-only');
const stub = new Module(serverOnly);
stub.loaded = true;
require.cache[serverOnly] = stub;
const { default: proxy } = await import('../../proxy');

async function route(path: string, init: { headers?: Record<string, string> } = {}) {
  const request = new NextRequest(new URL(path, 'http://localhost:3000'), init);
  // Only Auth.js's wrapper receives the event, and it does not read it.
  return proxy(request, { waitUntil: () => {} } as unknown as NextFetchEvent);
}

test('a reader page, in either language, is routed without a cookie and without the database', async () => {
  for (const path of ['/', '/claims/no-such-claim', '/en/claims/any', '/sources/x', '/tags/Koursk', '/en/ratings/false', '/claims/x/contest']) {
    const response = await route(path);
    assert.equal(response.headers.get('set-cookie'), null, path);
    assert.ok(response.status < 400, `${path}: ${response.status}`);
  }
});

test('a later page of a listing is rewritten to its twin route; a twin asked for directly is the not-found page', async () => {
  const later = await route('/en/claimants/kremlin?after=abc');
  assert.equal(new URL(later.headers.get('x-middleware-rewrite') ?? '').pathname, '/en/claimants/kremlin/_paged');
  const home = await route('/?after=abc');
  assert.equal(new URL(home.headers.get('x-middleware-rewrite') ?? '').pathname, '/fr/_paged');
  const direct = await route('/claimants/_paged');
  assert.equal(new URL(direct.headers.get('x-middleware-rewrite') ?? '').pathname, '/_attest/not-found');
});

test('an address no record can have goes to the not-found page before any page renders', async () => {
  for (const path of ['/claims/%00', `/claims/${'x'.repeat(10_000)}`]) {
    const response = await route(path);
    assert.equal(new URL(response.headers.get('x-middleware-rewrite') ?? '').pathname, '/_attest/not-found', path);
  }
});

test('the dashboard still goes through Auth.js: without a session, to the sign-in page', async () => {
  const response = await route('/dashboard/claims');
  assert.equal(response.status, 307);
  assert.equal(new URL(response.headers.get('location') ?? '').pathname, '/login');
});
