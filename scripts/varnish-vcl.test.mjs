// deploy/varnish/attest.vcl in a real varnishd, in front of a small Node
// backend that says what the app would (Cache-Control, xkey, Set-Cookie) and
// counts what reaches it. Without varnishd these tests fail, naming the
// Debian packages to install.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { backendsVcl, compileAttestVcl, findVarnishd, startVarnishd, VARNISH_DIR } from '../deploy/varnish/varnishd.mjs';
import { publicPage, request, startTestBackend } from '../deploy/varnish/test-backend.mjs';

// Ports of this file: Varnish 6181–6183 and 6185, backends 3221–3224 and 3228.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const local = (port) => ({ host: '127.0.0.1', port });

async function pollUntil(check, what, deadlineMs = 10_000) {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

test('without varnishd, the error names the Debian packages to install', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-no-varnishd-'));
  try {
    assert.throws(() => findVarnishd([empty]), /varnishd is not installed.*apt-get install -y varnish varnish-modules/);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
  assert.match(findVarnishd(), /varnishd$/);
});

test('attest.vcl compiles with the example include', () => {
  compileAttestVcl(fs.readFileSync(path.join(VARNISH_DIR, 'attest-backends.example.vcl'), 'utf8'));
});

test('attest.vcl compiles with a generated include (one backend, a CIDR range of purgers)', () => {
  compileAttestVcl(backendsVcl({ backends: [local(3000)], purgers: ['10.0.0.0/8', '::1'] }));
});

describe('attest.vcl: what is cached, what passes, purge by tag', () => {
  let backend;
  let varnish;
  before(async () => {
    backend = await startTestBackend(3221);
    varnish = await startVarnishd({ port: 6181, includeText: backendsVcl({ backends: [local(3221)], purgers: ['127.0.0.1'], probeUrl: '/probe' }) });
  });
  after(async () => {
    await varnish?.stop();
    await backend?.close();
  });
  const get = (pathname, options = {}) => request(varnish.url, { path: pathname, ...options });

  test('an anonymous GET is cached: the second is a HIT, the backend is asked once', async () => {
    const first = await get('/claims/cached');
    const second = await get('/claims/cached');
    assert.equal(first.headers['x-cache'], 'MISS');
    assert.equal(second.headers['x-cache'], 'HIT');
    assert.equal(second.body, first.body);
    assert.match(String(second.headers.age), /^\d+$/);
    assert.equal(backend.hits('/claims/cached'), 1);
    const head = await get('/claims/cached', { method: 'HEAD' });
    assert.equal(head.headers['x-cache'], 'HIT');
    assert.equal(backend.hits('/claims/cached'), 1);
  });

  test('each reader gets the request id of their own request, never one a client chose or the one stored with the page', async () => {
    const respond = backend.respond;
    // The app keeps the X-Request-Id it is given and answers with it (scripts/observability.mjs).
    backend.respond = (request) => publicPage(request, { extraHeaders: { 'X-Request-Id': String(request.headers['x-request-id'] ?? '') } });
    try {
      const first = await get('/claims/request-id', { headers: { 'X-Request-Id': 'chosen-by-a-client' } });
      const second = await get('/claims/request-id', { headers: { 'X-Request-Id': 'chosen-by-another' } });
      assert.equal(second.headers['x-cache'], 'HIT');
      const [fetched] = backend.requests.filter((request) => request.url === '/claims/request-id');
      assert.match(String(fetched?.headers['x-request-id']), /^\d+$/, 'the instance is given Varnish\'s id');
      assert.equal(first.headers['x-request-id'], fetched?.headers['x-request-id']);
      assert.match(String(second.headers['x-request-id']), /^\d+$/);
      assert.notEqual(second.headers['x-request-id'], first.headers['x-request-id']);
    } finally {
      backend.respond = respond;
    }
  });

  test('tracking parameters are dropped and other parameters kept, so a shared link hits', async () => {
    await get('/claims?utm_source=x&page=2&fbclid=y&UTM_Campaign=z');
    const again = await get('/claims?page=2');
    assert.equal(again.headers['x-cache'], 'HIT');
    assert.equal(backend.hits('/claims?page=2'), 1);
    await get('/tags/health?utm_medium=mail');
    assert.equal(backend.hits('/tags/health'), 1);
    await get('/search?q=utm_source%3Dx&gclid=1');
    assert.equal(backend.hits('/search?q=utm_source%3Dx'), 1);
  });

  test('cookies other than the session are stripped: readers share one object', async () => {
    const first = await get('/claims/with-cookies', { headers: { Cookie: '_pk_id=1; authjs.csrf-token=abc; authjs.callback-url=%2F' } });
    const second = await get('/claims/with-cookies', { headers: { Cookie: 'other=2' } });
    assert.equal(first.headers['x-cache'], 'MISS');
    assert.equal(second.headers['x-cache'], 'HIT');
    const seen = backend.requests.filter((entry) => entry.url === '/claims/with-cookies');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].headers.cookie, undefined);
  });

  test('a request with an Auth.js session cookie passes, every time, cookie included', async () => {
    for (const [index, name] of ['authjs.session-token', '__Secure-authjs.session-token', 'authjs.session-token.0'].entries()) {
      const url = `/claims/signed-in-${index}`;
      const cookie = `theme=dark; ${name}=eyJhbGciOi`;
      const first = await get(url, { headers: { Cookie: cookie } });
      const second = await get(url, { headers: { Cookie: cookie } });
      assert.deepEqual([first.headers['x-cache'], second.headers['x-cache']], ['PASS', 'PASS'], name);
      assert.equal(backend.hits(url), 2, name);
      assert.equal(backend.requests.at(-1).headers.cookie, cookie);
    }
  });

  test('the newsroom, sign-in, Auth.js and the operators\' routes pass even when the app says public', async () => {
    const passed = ['/dashboard', '/dashboard/claims/1', '/login', '/en/login?callbackUrl=%2Fdashboard', '/api/auth/session', '/api/metrics', '/api/health/live', '/api/health/ready'];
    for (const url of passed) {
      await get(url);
      const second = await get(url);
      assert.equal(second.headers['x-cache'], 'PASS', url);
      assert.equal(backend.hits(url), 2, url);
    }
    // An absolute-form request line cannot sneak past the path rules.
    await get('http://127.0.0.1:6181/dashboard/absolute');
    const absolute = await get('http://127.0.0.1:6181/dashboard/absolute');
    assert.equal(absolute.headers['x-cache'], 'PASS');
    assert.equal(backend.hits('/dashboard/absolute'), 2);
    // The rules match whole path segments.
    await get('/dashboards-of-the-world');
    assert.equal((await get('/dashboards-of-the-world')).headers['x-cache'], 'HIT');
  });

  test('POST (a server action, the dispute form) and other methods pass', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const url = `/claims/contest-${method}`;
      await get(url, { method, body: 'x=1' });
      const second = await get(url, { method, body: 'x=1' });
      assert.equal(second.headers['x-cache'], 'PASS', method);
      assert.equal(backend.hits(url), 2, method);
    }
  });

  test('Next\'s RSC and server-action requests pass, and an RSC payload is never stored as the page', async () => {
    backend.respond = (incoming) =>
      incoming.headers.rsc || incoming.url.includes('_rsc=')
        ? { status: 200, headers: { 'Content-Type': 'text/x-component', 'Cache-Control': 'public, max-age=0, s-maxage=60', Vary: 'rsc, next-router-state-tree, next-router-prefetch' }, body: '0:["rsc payload"]' }
        : publicPage(incoming);
    try {
      const html = await get('/claims/rsc');
      for (const headers of [{ RSC: '1' }, { 'Next-Router-Prefetch': '1' }, { 'Next-Router-State-Tree': '%5B%5D' }, { 'Next-Action': 'abc123' }]) {
        const answer = await get('/claims/rsc', { headers });
        assert.equal(answer.headers['x-cache'], 'PASS', JSON.stringify(headers));
      }
      assert.equal((await get('/claims/rsc?_rsc=1x2y')).headers['x-cache'], 'PASS');
      const page = await get('/claims/rsc');
      assert.equal(page.headers['x-cache'], 'HIT');
      assert.equal(page.body, html.body);
      assert.match(page.headers['content-type'], /text\/html/);
      // Belt and braces: an RSC payload the app marked public is still not stored.
      backend.respond = () => ({ status: 200, headers: { 'Content-Type': 'text/x-component', 'Cache-Control': 'public, s-maxage=60' }, body: '0:[]' });
      await get('/claims/rsc-only');
      assert.equal((await get('/claims/rsc-only')).headers['x-cache'], 'MISS');
      assert.equal(backend.hits('/claims/rsc-only'), 2);
    } finally {
      backend.respond = (incoming) => publicPage(incoming);
    }
  });

  test('a response with Set-Cookie, private, no-store, no-cache or no freshness is never stored', async () => {
    const variants = {
      'set-cookie': { 'Cache-Control': 'public, max-age=0, s-maxage=60', 'Set-Cookie': 'authjs.csrf-token=abc; Path=/; HttpOnly' },
      private: { 'Cache-Control': 'private, max-age=60' },
      'no-store': { 'Cache-Control': 'no-store' },
      'next-dynamic': { 'Cache-Control': 'private, no-cache, no-store, max-age=0, must-revalidate' },
      'no-cache': { 'Cache-Control': 'public, no-cache, s-maxage=60' },
      'no-cache-control': {},
      'zero-ttl': { 'Cache-Control': 'public, max-age=0' },
    };
    backend.respond = (incoming) => ({ status: 200, headers: variants[incoming.url.split('/').pop()] ?? {}, body: 'x' });
    try {
      for (const name of Object.keys(variants)) {
        const url = `/uncacheable/${name}`;
        await get(url);
        const second = await get(url);
        assert.equal(second.headers['x-cache'], 'MISS', name);
        assert.equal(backend.hits(url), 2, name);
      }
    } finally {
      backend.respond = (incoming) => publicPage(incoming);
    }
  });

  test('the reader gets neither the xkey header nor stale-while-revalidate (this cache\'s grace, not the browser\'s)', async () => {
    const cacheControl = {
      '/claims/swr-last': ['public, max-age=0, s-maxage=60, stale-while-revalidate=300', 'public, max-age=0, s-maxage=60'],
      '/claims/swr-middle': ['public, stale-while-revalidate=300, s-maxage=60', 'public, s-maxage=60'],
      '/claims/swr-none': ['public, max-age=0, s-maxage=60', 'public, max-age=0, s-maxage=60'],
    };
    backend.respond = (incoming) => publicPage(incoming, { tags: ['claims', 'claim:hidden'], extraHeaders: { 'Cache-Control': cacheControl[incoming.url][0] } });
    try {
      for (const [url, [, expected]] of Object.entries(cacheControl)) {
        const miss = await get(url);
        const hit = await get(url);
        assert.equal(hit.headers['x-cache'], 'HIT', url);
        for (const answer of [miss, hit]) {
          assert.equal(answer.headers.xkey, undefined, url);
          assert.equal(answer.headers['cache-control'], expected, url);
        }
      }
    } finally {
      backend.respond = (incoming) => publicPage(incoming);
    }
  });

  test('PURGE with xkey from an app address removes exactly the objects carrying those tags', async () => {
    const tagsOf = { '/p/a': ['claims', 'claim:a', 'source:s1'], '/p/b': ['claims', 'claim:b'], '/p/c': ['claimant:x'], '/en/p/a': ['claims', 'claim:a'] };
    backend.respond = (incoming) => publicPage(incoming, { tags: tagsOf[incoming.url] ?? [] });
    try {
      const state = async () => Object.fromEntries(await Promise.all(Object.keys(tagsOf).map(async (url) => [url, (await get(url)).headers['x-cache']])));
      await state();
      assert.deepEqual(await state(), { '/p/a': 'HIT', '/p/b': 'HIT', '/p/c': 'HIT', '/en/p/a': 'HIT' });

      const purge = await request(varnish.url, { method: 'PURGE', headers: { xkey: 'claim:a' } });
      assert.equal(purge.status, 200);
      assert.deepEqual(JSON.parse(purge.body), { purged: 2 });
      assert.deepEqual(await state(), { '/p/a': 'MISS', '/p/b': 'HIT', '/p/c': 'HIT', '/en/p/a': 'MISS' });

      const several = await request(varnish.url, { method: 'PURGE', headers: { xkey: 'claim:b claimant:x' } });
      assert.deepEqual(JSON.parse(several.body), { purged: 2 });
      assert.deepEqual(await state(), { '/p/a': 'HIT', '/p/b': 'MISS', '/p/c': 'MISS', '/en/p/a': 'HIT' });

      const unknown = await request(varnish.url, { method: 'PURGE', headers: { xkey: 'claim:nobody' } });
      assert.deepEqual(JSON.parse(unknown.body), { purged: 0 });
      assert.deepEqual(await state(), { '/p/a': 'HIT', '/p/b': 'HIT', '/p/c': 'HIT', '/en/p/a': 'HIT' });
    } finally {
      backend.respond = (incoming) => publicPage(incoming);
    }
  });

  test('PURGE from an address outside attest_purgers is refused and purges nothing', async () => {
    backend.respond = (incoming) => publicPage(incoming, { tags: ['claim:guarded'] });
    try {
      await get('/p/guarded');
      const refused = await request(varnish.url, { method: 'PURGE', headers: { xkey: 'claim:guarded' }, localAddress: '127.0.0.2' });
      assert.equal(refused.status, 403);
      assert.deepEqual(JSON.parse(refused.body), { error: 'Forbidden' });
      // The same address reads like anyone else, from the cache.
      assert.equal((await get('/p/guarded', { localAddress: '127.0.0.2' })).headers['x-cache'], 'HIT');
      assert.equal(backend.hits('/p/guarded'), 1);
    } finally {
      backend.respond = (incoming) => publicPage(incoming);
    }
  });

  test('PURGE without an xkey header is a 400', async () => {
    const answer = await request(varnish.url, { method: 'PURGE' });
    assert.equal(answer.status, 400);
    assert.match(JSON.parse(answer.body).error, /xkey/);
  });
});

describe('attest.vcl: grace, when the backend errs or is gone', () => {
  let backend;
  let varnish;
  before(async () => {
    backend = await startTestBackend(3222, (incoming) => publicPage(incoming, { sMaxAge: 1, tags: ['claim:grace'] }));
    varnish = await startVarnishd({ port: 6182, includeText: backendsVcl({ backends: [local(3222)], purgers: ['127.0.0.1'], probeUrl: '/probe' }) });
  });
  after(async () => {
    await varnish?.stop();
    await backend?.close();
  });
  const get = (pathname) => request(varnish.url, { path: pathname });

  test('an expired page is served stale while the backend answers 500, then after it is gone; a purged one is not', async () => {
    const fresh = await get('/claims/grace');
    assert.equal((await get('/claims/grace')).headers['x-cache'], 'HIT');
    await sleep(2_000); // s-maxage=1: the object is now stale
    backend.respond = () => ({ status: 500, headers: { 'Cache-Control': 'no-store' }, body: 'error' });

    // Within the short grace of a healthy backend: stale at once, refreshed in the background; the 500 does not replace it.
    const stale = await get('/claims/grace');
    assert.equal(stale.status, 200);
    assert.equal(stale.body, fresh.body);
    assert.deepEqual([stale.headers['x-cache'], stale.headers['x-cache-stale']], ['HIT', '1']);
    await pollUntil(() => backend.hits('/claims/grace') >= 2, 'the background refresh');
    assert.equal((await get('/claims/grace')).body, fresh.body);

    // Past the short grace (10 s): the reader's own fetch fails, and the request is answered from the stale copy.
    await sleep(10_000);
    const hitsBefore = backend.hits('/claims/grace');
    const late = await get('/claims/grace');
    assert.equal(late.status, 200);
    assert.equal(late.body, fresh.body);
    assert.equal(late.headers['x-cache'], 'HIT');
    assert.ok(backend.hits('/claims/grace') > hitsBefore, 'the backend was asked first');

    // A URL never cached: one request to the failing backend, then Varnish's 503.
    const never = await get('/claims/never-cached');
    assert.equal(never.status, 503);
    assert.equal(backend.hits('/claims/never-cached'), 1);

    // The backend is gone altogether.
    await backend.close();
    const gone = await get('/claims/grace');
    assert.equal(gone.status, 200);
    assert.equal(gone.body, fresh.body);

    // A hard purge leaves no stale copy: the purged verdict is never served again, even with no backend.
    const purge = await request(varnish.url, { method: 'PURGE', headers: { xkey: 'claim:grace' } });
    assert.deepEqual(JSON.parse(purge.body), { purged: 1 });
    assert.equal((await get('/claims/grace')).status, 503);
  });
});

describe('attest.vcl: grace, when the probes say every instance is sick', () => {
  let backend;
  let varnish;
  before(async () => {
    backend = await startTestBackend(3228, (incoming) => publicPage(incoming, { sMaxAge: 1 }));
    varnish = await startVarnishd({ port: 6185, includeText: backendsVcl({ backends: [local(3228)], purgers: ['127.0.0.1'], probeUrl: '/probe' }) });
  });
  after(async () => {
    await varnish?.stop();
    await backend?.close();
  });

  test('an expired page is served stale without asking the sick backend', async () => {
    const fresh = await request(varnish.url, { path: '/claims/sick' });
    await sleep(2_000); // s-maxage=1: the object is now stale
    backend.probeStatus = 503;
    // Sick once two probes of three have failed: a passed request then finds no backend.
    await pollUntil(async () => (await request(varnish.url, { path: '/dashboard/probe-check' })).status === 503, 'the probe to mark the backend sick');
    const stale = await request(varnish.url, { path: '/claims/sick' });
    assert.equal(stale.status, 200);
    assert.equal(stale.body, fresh.body);
    assert.deepEqual([stale.headers['x-cache'], stale.headers['x-cache-stale']], ['HIT', '1']);
    assert.equal(backend.hits('/claims/sick'), 1);
  });
});

describe('attest.vcl: an instance that died before its probe noticed', () => {
  let live;
  let varnish;
  before(async () => {
    live = await startTestBackend(3223);
    // 3224 has nobody listening; a 60 s probe interval keeps it "healthy" for the whole test.
    varnish = await startVarnishd({ port: 6183, includeText: backendsVcl({ backends: [local(3223), local(3224)], purgers: ['127.0.0.1'], probeUrl: '/probe', probeIntervalSeconds: 60 }) });
  });
  after(async () => {
    await varnish?.stop();
    await live?.close();
  });

  test('GET and HEAD requests are retried on the next instance of the pool', async () => {
    for (let index = 0; index < 6; index += 1) {
      const url = `/dashboard/retry-${index}`;
      const answer = await request(varnish.url, { path: url });
      assert.equal(answer.status, 200, url);
      assert.equal(live.hits(url), 1, url);
    }
    assert.equal((await request(varnish.url, { path: '/claims/retry', method: 'HEAD' })).status, 200);
    assert.equal((await request(varnish.url, { path: '/claims/retry-get' })).status, 200);
    assert.equal((await request(varnish.url, { path: '/claims/retry-get' })).status, 200);
  });
});
