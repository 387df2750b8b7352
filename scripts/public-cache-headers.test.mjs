import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { cacheTags } from '../lib/cache-tags.ts';
import { locales } from '../lib/i18n/locales.ts';
import { cacheHeadersFor, cachePolicyFor, LOCALES, publicTags, withPublicCacheHeaders } from './public-cache-headers.mjs';

// What a shared cache in front of scripts/serve.mjs is told about each
// answer (e2e/public-caching.spec.ts checks the same on the built app).

const SECONDS = { sMaxAge: 60, stale: 300 };

test('the tags agree with lib/cache-tags.ts, and the languages with lib/i18n/locales.ts', () => {
  assert.equal(publicTags.claimList, cacheTags.claimList);
  assert.equal(publicTags.ratingScale, cacheTags.ratingScale);
  assert.equal(publicTags.claim('a-b'), cacheTags.claim('a-b'));
  assert.equal(publicTags.claimant('kremlin'), cacheTags.claimant('kremlin'));
  assert.equal(publicTags.source('cm1'), cacheTags.source('cm1'));
  assert.deepEqual(Object.keys(publicTags).sort(), Object.keys(cacheTags).sort(), 'a tag added to lib/cache-tags.ts must be mapped here too');
  assert.deepEqual([...LOCALES].sort(), [...locales].sort());
});

test('reader pages, in both languages, are public and list the tags of the reads they make', () => {
  const tagsOf = (url) => {
    const policy = cachePolicyFor('GET', url);
    assert.equal(policy?.kind, 'public', url);
    return policy.tags;
  };
  assert.deepEqual(tagsOf('/'), ['claims']);
  assert.deepEqual(tagsOf('/en'), ['claims']);
  assert.deepEqual(tagsOf('/claims/rutte-otan?x=1'), ['claim:rutte-otan', 'claims']);
  assert.deepEqual(tagsOf('/en/claims/rutte-otan/'), ['claim:rutte-otan', 'claims']);
  assert.deepEqual(tagsOf('/claims/rutte-otan/share-image'), ['claim:rutte-otan', 'claims', 'rating-scale']);
  assert.deepEqual(tagsOf('/sources/cm123'), ['source:cm123', 'claims']);
  assert.deepEqual(tagsOf('/en/claimants/kremlin'), ['claimant:kremlin', 'claims']);
  assert.deepEqual(tagsOf('/tags/troupes%20nord-cor%C3%A9ennes'), ['claims']);
  assert.deepEqual(tagsOf('/ratings/false?after=abc'), ['rating-scale', 'claims']);
  assert.deepEqual(tagsOf('/methodology'), ['rating-scale', 'claims']);
  assert.deepEqual(tagsOf('/en/corrections'), ['claims']);
  assert.deepEqual(tagsOf('/search?q=otan'), ['claims']);
  assert.deepEqual(tagsOf('/en/feeds/claimants/kremlin/rss'), ['claimant:kremlin', 'claims']);
  assert.deepEqual(tagsOf('/feeds/fact-checks/atom'), ['claims']);
  assert.deepEqual(tagsOf('/api/claims?limit=5'), ['claims']);
  assert.deepEqual(tagsOf('/api/claims/rutte-otan'), ['claim:rutte-otan', 'claims']);
  assert.deepEqual(tagsOf('/api/sources/cm1'), ['source:cm1', 'claims']);
  assert.deepEqual(tagsOf('/api/factcheck/claims:search?query=x'), ['claims']);
  assert.deepEqual(tagsOf('/sitemap.xml'), ['claims']);
  assert.deepEqual(tagsOf('/robots.txt'), []);
  assert.deepEqual(tagsOf('/no/such/page'), [], 'the not-found page of an unmatched address');
});

test('a hostile key never reaches the xkey header', () => {
  for (const url of ['/claims/a%0D%0Axkey:%20claims', '/claims/%00', '/sources/%E0%A4%A', `/claims/${'é'.repeat(5)}`]) {
    const policy = cachePolicyFor('GET', url);
    assert.deepEqual(policy?.tags, ['claims'], url);
  }
});

test('the newsroom, sign-in, Auth.js, per-visitor pages, posts and unknown API routes are private', () => {
  for (const url of ['/dashboard', '/dashboard/claims/1', '/login?callbackUrl=/dashboard', '/api/auth/session', '/claims/x/contest', '/en/disputes/tok', '/api/health/ready', '/api/metrics']) {
    assert.deepEqual(cachePolicyFor('GET', url), { kind: 'private' }, url);
  }
  assert.deepEqual(cachePolicyFor('POST', '/claims/x'), { kind: 'private' });
  assert.equal(cachePolicyFor('GET', '/_next/static/chunks/a.js'), null, "Next's own files keep Next's headers");
});

test('status and cookies decide the final headers', () => {
  const page = { kind: 'public', tags: ['claim:x', 'claims'] };
  assert.deepEqual(cacheHeadersFor(page, 200, false, SECONDS), { cacheControl: 'public, max-age=0, s-maxage=60, stale-while-revalidate=300', xkey: 'claim:x claims' });
  assert.deepEqual(cacheHeadersFor({ kind: 'public', tags: ['source:s'] }, 404, false, SECONDS), { cacheControl: 'public, max-age=0, s-maxage=60', xkey: 'source:s claims' });
  assert.deepEqual(cacheHeadersFor(page, 200, true, SECONDS), { cacheControl: 'private, no-store', xkey: null });
  assert.deepEqual(cacheHeadersFor(page, 503, false, SECONDS), { cacheControl: 'private, no-store', xkey: null });
  assert.deepEqual(cacheHeadersFor({ kind: 'private' }, 200, false, SECONDS), { cacheControl: 'private, no-store', xkey: null });
});

// A stand-in for Next's handler: writes the way Next does (setHeader, then write/end; or writeHead with headers).
let server;
let base;
before(async () => {
  const pages = {
    '/claims/known': (res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 's-maxage=300, stale-while-revalidate=31535700');
      res.write('<!DOCTYPE html><html><head><title>A claim</title>');
      res.end('</head><body><h1>A claim</h1></body></html>');
    },
    '/claims/unknown': (res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.write('<!DOCTYPE html><html><head><meta name="attest-');
      res.write('status" content="404"/></head><body>');
      res.end('<h1>Page introuvable</h1></body></html>');
    },
    '/api/claims': (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'private, no-cache, no-store' });
      res.end('{"items":[]}');
    },
    '/dashboard': (res) => {
      res.setHeader('Set-Cookie', 'authjs.session-token=x');
      res.end('dashboard');
    },
  };
  server = http.createServer(withPublicCacheHeaders((req, res) => pages[req.url.split('?')[0].replace(/^\/en/, '')](res)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

test('the wrapped server sends the decided headers, and the 404 a page asks for in its head, with its whole body', async () => {
  const known = await fetch(`${base}/claims/known`);
  assert.equal(known.status, 200);
  assert.match(known.headers.get('cache-control') ?? '', /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  assert.equal(known.headers.get('xkey'), 'claim:known claims');
  assert.match(await known.text(), /<h1>A claim<\/h1>/);

  const unknown = await fetch(`${base}/en/claims/unknown`);
  assert.equal(unknown.status, 404);
  assert.match(unknown.headers.get('cache-control') ?? '', /^public, max-age=0, s-maxage=\d+$/);
  assert.equal(unknown.headers.get('xkey'), 'claim:unknown claims');
  assert.match(await unknown.text(), /<h1>Page introuvable<\/h1><\/body><\/html>$/);

  const api = await fetch(`${base}/api/claims?limit=1`);
  assert.match(api.headers.get('cache-control') ?? '', /^public, /, 'headers given to writeHead do not win over the decision');
  assert.equal(api.headers.get('xkey'), 'claims');

  const dashboard = await fetch(`${base}/dashboard`);
  assert.equal(dashboard.headers.get('cache-control'), 'private, no-store');
  assert.equal(dashboard.headers.get('xkey'), null);
});
