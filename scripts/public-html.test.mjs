import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { createScriptStripper, isPublicHtml, withoutScriptPreloads, withPublicPagesWithoutScripts } from './public-html.mjs';

// What a reader's browser receives from scripts/serve.mjs: the page's HTML
// without Next's scripts, gzipped. (e2e/js-budget.spec.ts checks the same on
// the built app, in Chromium.)

const PUBLIC_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'";
const NONCE_CSP = "default-src 'self'; script-src 'nonce-abc' 'strict-dynamic'";
const JSON_LD = '<script type="application/ld+json">{"@type":"ClaimReview","name":"a < b"}</script>';

// The shapes Next 16 and React 19 write (seen in a built claim page).
const PAGE = [
  '<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>',
  '<script src="/_next/static/chunks/c.js" async=""></script>',
  '<title>Rutte : des unités · Attest</title><link rel="canonical" href="https://attest.example/claims/x"/>',
  '<script src="/_next/static/chunks/polyfill.js" noModule=""></script></head>',
  '<body><header><a href="/">Attest</a></header><main>',
  JSON_LD,
  '<p>Le <mark>scriptorium</mark> &lt;script&gt; reste du texte.</p></main>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>',
  '<script>self.__next_f.push([1,"0:{\\"P\\":null,\\"b\\":\\"\\u003cscript\\u003e\\"}\\n"])</script>',
  '<SCRIPT type="text/javascript">window.x = "</scrip" + "t>"</SCRIPT >',
  '</body></html>',
].join('');

const EXPECTED = [
  '<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<title>Rutte : des unités · Attest</title><link rel="canonical" href="https://attest.example/claims/x"/>',
  '</head>',
  '<body><header><a href="/">Attest</a></header><main>',
  JSON_LD,
  '<p>Le <mark>scriptorium</mark> &lt;script&gt; reste du texte.</p></main>',
  '</body></html>',
].join('');

function stripInPieces(html, size) {
  const stripper = createScriptStripper();
  let out = '';
  for (let at = 0; at < html.length; at += size) out += stripper.push(html.slice(at, at + size));
  return out + stripper.end();
}

test('a public page loses every script and script preload, and keeps its JSON-LD, styles and text', () => {
  const stripper = createScriptStripper();
  assert.equal(stripper.push(PAGE) + stripper.end(), EXPECTED);
});

test('the result does not depend on where the stream is cut', () => {
  for (let size = 1; size <= 40; size++) assert.equal(stripInPieces(PAGE, size), EXPECTED, `pieces of ${size} characters`);
});

test('Next’s error document keeps its scripts: without them its body stays empty', () => {
  const errorDocument = '<!DOCTYPE html><html id="__next_error__"><head><script src="/_next/static/chunks/c.js" async=""></script></head><body></body></html>';
  assert.equal(stripInPieces(errorDocument, 5), errorDocument);
});

test('an unterminated tag or script at the end of the document is not held back forever', () => {
  assert.equal(stripInPieces('<p>a</p><link rel="stylesheet"', 3), '<p>a</p><link rel="stylesheet"');
  assert.equal(stripInPieces('<p>a</p><script>never closed', 3), '<p>a</p>');
});

test('only HTML under the public policy is filtered', () => {
  assert.equal(isPublicHtml('text/html; charset=utf-8', PUBLIC_CSP), true);
  assert.equal(isPublicHtml('text/html; charset=utf-8', NONCE_CSP), false);
  assert.equal(isPublicHtml('text/x-component', PUBLIC_CSP), false);
  assert.equal(isPublicHtml('application/rss+xml', PUBLIC_CSP), false);
  assert.equal(isPublicHtml(undefined, PUBLIC_CSP), false);
});

test('the Link header loses its script preloads only', () => {
  assert.equal(
    withoutScriptPreloads('</a.css>; rel=preload; as="style", </b.js>; rel=preload; as="script", </m.js>; rel=modulepreload, </f.woff2>; rel=preload; as="font"'),
    '</a.css>; rel=preload; as="style", </f.woff2>; rel=preload; as="font"',
  );
  assert.equal(withoutScriptPreloads('</b.js>; rel=preload; as="script"'), '');
});

// Over a real socket, through the same wrapper scripts/serve.mjs uses.
let server;
let port;
const bigText = `<p>${'Une vérification sourcée. '.repeat(200)}</p>`;
const routes = {
  '/public': (res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', PUBLIC_CSP);
    res.setHeader('Link', '</a.css>; rel=preload; as="style", </b.js>; rel=preload; as="script"');
    res.write(PAGE.slice(0, 301));
    res.write(Buffer.from(PAGE.slice(301)));
    res.end(bigText);
  },
  '/public-sized': (res) => {
    const body = Buffer.from(PAGE + bigText);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PUBLIC_CSP, 'Content-Length': body.length });
    res.end(body);
  },
  '/dashboard': (res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', NONCE_CSP);
    res.end(PAGE + bigText);
  },
  '/small.js': (res) => {
    res.setHeader('Content-Type', 'application/javascript');
    res.setHeader('Content-Length', 13);
    res.end('console.log()');
  },
};

before(async () => {
  server = http.createServer(withPublicPagesWithoutScripts((req, res) => routes[req.url](res)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
});

after(() => new Promise((resolve) => server.close(resolve)));

function get(path, headers = { 'Accept-Encoding': 'gzip, deflate, br, zstd' }) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const body = response.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
          resolve({ headers: response.headers, body });
        });
      })
      .on('error', reject);
  });
}

test('a public page is sent gzipped, without its scripts, script preloads or a stale Content-Length', async () => {
  for (const path of ['/public', '/public-sized']) {
    const { headers, body } = await get(path);
    assert.equal(headers['content-encoding'], 'gzip', path);
    assert.equal(headers['content-length'], undefined, path);
    assert.equal(body, EXPECTED + bigText, path);
  }
  assert.equal((await get('/public')).headers.link, '</a.css>; rel=preload; as="style"');
});

test('a client that asks for no compression gets the filtered page as it is', async () => {
  const { headers, body } = await get('/public', {});
  assert.equal(headers['content-encoding'], undefined);
  assert.equal(body, EXPECTED + bigText);
});

test('a page under the nonce policy keeps its scripts; small files are not compressed, as with Next’s own compression', async () => {
  const dashboard = await get('/dashboard');
  assert.equal(dashboard.headers['content-encoding'], 'gzip');
  assert.equal(dashboard.body, PAGE + bigText);
  const small = await get('/small.js');
  assert.equal(small.headers['content-encoding'], undefined);
  assert.equal(small.headers['content-length'], '13');
  assert.equal(small.body, 'console.log()');
});
