import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { createScriptStripper, createTransformMemo, isPublicHtml, memoBytesFrom, withoutScriptPreloads, withPublicPagesWithoutScripts } from './public-html.mjs';

// What a reader's browser receives from scripts/serve.mjs: the page's HTML
// without Next's scripts, gzipped. (e2e/js-budget.spec.ts checks the same on
// the built app, in Chromium.)

const PUBLIC_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'";
const NONCE_CSP = "default-src 'self'; script-src 'nonce-abc' 'strict-dynamic'";
// As lib/claims/claim-review.ts writes it: every "<" in the JSON escaped, so
// a quoted "</script>" cannot end the block.
const JSON_LD =
  '<script type="application/ld+json">{"@type":"ClaimReview","name":"a \\u003c b","claimReviewed":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}</script>';

// The shapes Next 16 and React 19 write (seen in a built claim page), and a few
// a hand-written tokenizer gets wrong: uppercase tags, `>` inside quoted
// attribute values, "</scrip" + "t>" inside a script, characters outside the
// BMP (which a cut may split between their two UTF-16 units).
const PAGE = [
  '<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>',
  '<LINK REL="Preload" AS="SCRIPT" href="/_next/static/chunks/upper.js">',
  '<script src="/_next/static/chunks/c.js" async=""></script>',
  '<script data-note="a > b" src="/_next/static/chunks/d.js"></script>',
  '<title>Rutte : des unités · Attest</title><link rel="canonical" href="https://attest.example/claims/x"/>',
  '<script src="/_next/static/chunks/polyfill.js" noModule=""></script></head>',
  '<body><header><a href="/" title="Accueil > Attest">Attest</a></header><main>',
  JSON_LD,
  '<p>Le <mark>scriptorium</mark> &lt;script&gt; reste du texte 🧾.</p>',
  '<DIV CLASS="Verdict" data-x=\'<script>\'>Faux&nbsp;!</DIV></main>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>',
  '<script>self.__next_f.push([1,"0:{\\"P\\":null,\\"b\\":\\"\\u003cscript\\u003e 🧾\\"}\\n"])</script>',
  '<SCRIPT type="text/javascript">window.x = "</scrip" + "t>"</SCRIPT >',
  '</body></html>',
].join('');

const EXPECTED = [
  '<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<title>Rutte : des unités · Attest</title><link rel="canonical" href="https://attest.example/claims/x"/>',
  '</head>',
  '<body><header><a href="/" title="Accueil > Attest">Attest</a></header><main>',
  JSON_LD,
  '<p>Le <mark>scriptorium</mark> &lt;script&gt; reste du texte 🧾.</p>',
  '<DIV CLASS="Verdict" data-x=\'<script>\'>Faux&nbsp;!</DIV></main>',
  '</body></html>',
].join('');

function stripInPieces(html, size) {
  const stripper = createScriptStripper();
  let out = '';
  for (let at = 0; at < html.length; at += size) out += stripper.push(html.slice(at, at + size));
  return out + stripper.end();
}

function stripCutAt(html, at) {
  const stripper = createScriptStripper();
  return stripper.push(html.slice(0, at)) + stripper.push(html.slice(at)) + stripper.end();
}

test('a public page loses every script and script preload, and keeps its JSON-LD, styles and text', () => {
  const stripper = createScriptStripper();
  assert.equal(stripper.push(PAGE) + stripper.end(), EXPECTED);
});

test('the result does not depend on where the stream is cut', () => {
  for (let at = 0; at <= PAGE.length; at++) assert.equal(stripCutAt(PAGE, at), EXPECTED, `cut at ${at}`);
  for (let size = 1; size <= 40; size++) assert.equal(stripInPieces(PAGE, size), EXPECTED, `pieces of ${size} characters`);
});

test('markup that holds no script passes byte for byte, however it is cut', () => {
  const markup = [
    '<!doctype html>\r\n<html lang=fr><head><title>Le <script> du titre</title>',
    "<style>q::after{content:'</script>'}</style></head>\r\n",
    '<body class=\'a "b"\' data-empty data-gt=">"><!-- <script>commentaire</script> -->',
    '<textarea name=t><script>alert(1)</script></textarea><pre>\n\nligne</pre>',
    '<noscript><script>x()</script></noscript>',
    '<p>a < b &amp; c &#x27;d&#39; &unknown; &nbsp&#8239;; «&#xA0;e&#xA0;» 𝔸</p>',
    '<svg viewBox="0 0 1 1"><![CDATA[x<y]]><path d="M0 0"/></svg><?bogus comment?><br/><img alt="" src=x.png>',
    '</p ></body></html>\r\n',
  ].join('');
  for (let at = 0; at <= markup.length; at++) assert.equal(stripCutAt(markup, at), markup, `cut at ${at}`);
  assert.equal(stripInPieces(markup, 3), markup);
});

test('a script is removed when a browser would run it; data blocks stay', () => {
  const kept = [
    JSON_LD,
    '<script type="text/plain">x</script>',
    '<script type="importmap">{}</script>',
    '<script type="text/javascript; charset=utf-8">not run: a type with parameters is a data block</script>',
    '<script language="vbscript">x</script>',
  ];
  const dropped = [
    '<script>x()</script>',
    '<script type="">x()</script>',
    '<script type="MODULE">x()</script>',
    '<script type=" Text/JavaScript ">x()</script>',
    '<script type="application/x-javascript">x()</script>',
    '<script language="JavaScript">x()</script>',
    '<script type="application&#47;javascript">x()</script>',
    '<svg><script href="/x.js"><![CDATA[x()]]></script></svg>',
  ];
  for (const html of kept) assert.equal(stripInPieces(`<p>a</p>${html}<p>b</p>`, 4), `<p>a</p>${html}<p>b</p>`, html);
  for (const html of dropped) {
    const rest = html.startsWith('<svg>') ? '<svg></svg>' : '';
    assert.equal(stripInPieces(`<p>a</p>${html}<p>b</p>`, 4), `<p>a</p>${rest}<p>b</p>`, html);
  }
});

test('Next’s error document keeps its scripts: without them its body stays empty', () => {
  const errorDocument = '<!DOCTYPE html><html id="__next_error__"><head><script src="/_next/static/chunks/c.js" async=""></script></head><body></body></html>';
  assert.equal(stripInPieces(errorDocument, 5), errorDocument);
});

test('an unterminated tag or script at the end of the document is not held back forever', () => {
  // A tag the document ends inside is no tag (the browser discards it too).
  assert.equal(stripInPieces('<p>a</p><link rel="stylesheet"', 3), '<p>a</p>');
  assert.equal(stripInPieces('<p>a</p><script>never closed', 3), '<p>a</p>');
  assert.equal(stripInPieces('<p>a</p>text at the end', 3), '<p>a</p>text at the end');
});

test('a page over 1 MB streams through: what is sent never lags by more than the piece being read', () => {
  const rscScript = (n) => `<script>self.__next_f.push([1,"${`${n}:["$","p",null,{"children":"Une vérification sourcée."}]\\n`.repeat(300)}"])</script>`;
  const longText = `<p>${'Une vérification sourcée, des sources citées & datées. '.repeat(2000)}</p>`; // 110 kB of text in one run
  const longAttribute = `<div data-state="${'x>'.repeat(40_000)}">attribut</div>`; // 80 kB inside one tag
  const parts = [PAGE.slice(0, PAGE.indexOf('</main>'))];
  const kept = [EXPECTED.slice(0, EXPECTED.indexOf('</main>'))];
  for (let n = 0; parts.join('').length < 1_200_000; n++) {
    const section = `<section><h2>Source ${n}</h2><p>Un extrait cité 🧾 &amp; daté.</p></section>`;
    parts.push(section, rscScript(n), n % 5 === 0 ? longText : longAttribute);
    kept.push(section, '', n % 5 === 0 ? longText : longAttribute);
  }
  parts.push('</main></body></html>');
  kept.push('</main></body></html>');
  assert.ok(parts.join('').length > 1_000_000);

  const stripper = createScriptStripper();
  let sent = '';
  parts.forEach((part, index) => {
    for (let at = 0; at < part.length; at += 16_384) sent += stripper.push(part.slice(at, at + 16_384));
    // Every part starts with a tag, so all the parts before this one are complete tokens by now.
    const before = kept.slice(0, index).join('').length;
    assert.ok(sent.length >= before, `after part ${index}, ${before - sent.length} characters held back`);
  });
  sent += stripper.end();
  assert.equal(sent, kept.join(''));
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

test('the memo gives what the filter gives, byte for byte, and keys it by content', () => {
  const memo = createTransformMemo({ maxBytes: 1024 * 1024 });
  const first = memo.get(PAGE);
  assert.equal(first.text, EXPECTED);
  assert.equal(first.textBytes, Buffer.byteLength(EXPECTED));
  assert.equal(zlib.gunzipSync(first.gzip()).toString('utf8'), EXPECTED);
  // The same content, as a string or as the bytes Next sends: the same entry, the same ETag.
  assert.equal(memo.get(Buffer.from(PAGE)), first);
  assert.equal(memo.size, 1);
  // A changed page (a new verdict) is another key: filtered afresh, never the old text.
  const changed = memo.get(PAGE.replace('Faux&nbsp;!', 'Vrai&nbsp;!'));
  assert.equal(changed.text, EXPECTED.replace('Faux&nbsp;!', 'Vrai&nbsp;!'));
  assert.notEqual(changed.etag, first.etag);
  assert.equal(memo.size, 2);
});

test('the memo stays under its bound, dropping the least recently used page first', () => {
  const pageOf = (n) => `<!DOCTYPE html><html><head><script>x</script></head><body><p>${String(n).padStart(3, '0')} ${'é'.repeat(1000)}</p></body></html>`;
  const entryBytes = (() => {
    const one = createTransformMemo({ maxBytes: 1024 * 1024 });
    one.get(pageOf(0)).gzip();
    return one.bytes;
  })();
  const memo = createTransformMemo({ maxBytes: entryBytes * 10 });
  for (let n = 0; n < 10; n++) memo.get(pageOf(n)).gzip();
  assert.equal(memo.size, 10);
  const kept = memo.get(pageOf(0)); // now the most recently used
  memo.get(pageOf(10)).gzip();
  assert.ok(memo.bytes <= entryBytes * 10, `${memo.bytes} bytes kept`);
  assert.equal(memo.size, 10);
  assert.equal(memo.get(pageOf(0)), kept, 'the page used last stays');
  const evicted = memo.get(pageOf(1)); // the least recently used went first: filtered again
  const stripper = createScriptStripper();
  assert.equal(evicted.text, stripper.push(pageOf(1)) + stripper.end());
  assert.equal(memo.size, 10);
  // A page over an eighth of the bound is filtered, not kept.
  const oversized = memo.get(pageOf(11).repeat(4));
  const fresh = createScriptStripper();
  assert.equal(oversized.text, fresh.push(pageOf(11).repeat(4)) + fresh.end());
  assert.equal(oversized.gzip, null, 'left to the compression stream');
  assert.equal(memo.size, 10);
  // A bound of 0 keeps nothing, and still filters.
  const off = createTransformMemo({ maxBytes: 0 });
  assert.equal(off.get(PAGE).text, EXPECTED);
  assert.equal(off.size, 0);
  assert.equal(memoBytesFrom(undefined), 16 * 1024 * 1024);
  assert.equal(memoBytesFrom('0'), 0);
  assert.throws(() => memoBytesFrom('32MB'), /ATTEST_HTML_MEMO_BYTES/);
});

// Over a real socket, through the same wrapper scripts/serve.mjs uses.
let server;
let port;
const bigText = `<p>${'Une vérification sourcée. '.repeat(200)}</p>`;
// What Next does with a page from its cache: the whole document in one end().
let cachedPage = PAGE + bigText;
const memo = createTransformMemo({ maxBytes: 1024 * 1024 });
const routes = {
  '/cached': (res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', PUBLIC_CSP);
    res.setHeader('Content-Length', Buffer.byteLength(cachedPage));
    res.end(cachedPage);
  },
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
  server = http.createServer(withPublicPagesWithoutScripts((req, res) => routes[req.url](res), { memo }));
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
          const decode = { gzip: zlib.gunzipSync, deflate: zlib.inflateSync }[response.headers['content-encoding']] ?? ((bytes) => bytes);
          resolve({ status: response.statusCode, headers: response.headers, body: decode(raw).toString('utf8') });
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

test('a page from Next’s cache is filtered once, then served from the memo exactly as the filter serves it', async () => {
  cachedPage = PAGE + bigText;
  const streamed = await get('/public');
  const first = await get('/cached');
  const again = await get('/cached');
  for (const answer of [first, again]) {
    assert.equal(answer.headers['content-encoding'], 'gzip');
    assert.equal(answer.headers['content-length'], undefined);
    assert.equal(answer.headers.vary, 'Accept-Encoding');
    assert.equal(answer.body, streamed.body);
  }
  assert.equal(first.headers.etag, again.headers.etag);
  assert.equal(memo.size, 1);
  // Without compression, and when only the middleware's negotiation can tell (q-values): the same text.
  assert.equal((await get('/cached', {})).body, EXPECTED + bigText);
  assert.equal((await get('/cached', {})).headers['content-encoding'], undefined);
  const deflated = await get('/cached', { 'Accept-Encoding': 'gzip;q=0, deflate' });
  assert.equal(deflated.headers['content-encoding'], 'deflate');
  assert.equal(deflated.body, EXPECTED + bigText);
  assert.equal(memo.size, 1);
});

test('a changed page is served changed at once, with a new ETag; a matching If-None-Match gets a 304', async () => {
  cachedPage = PAGE + bigText;
  const before = await get('/cached');
  const notModified = await get('/cached', { 'Accept-Encoding': 'gzip', 'If-None-Match': before.headers.etag });
  assert.equal(notModified.status, 304);
  assert.equal(notModified.body, '');
  cachedPage = (PAGE + bigText).replace('Faux&nbsp;!', 'Vrai&nbsp;!');
  const after = await get('/cached', { 'Accept-Encoding': 'gzip', 'If-None-Match': before.headers.etag });
  assert.equal(after.status, 200);
  assert.equal(after.body, (EXPECTED + bigText).replace('Faux&nbsp;!', 'Vrai&nbsp;!'));
  assert.notEqual(after.headers.etag, before.headers.etag);
});
