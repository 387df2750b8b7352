// Reader pages reach the browser without Next.js's scripts.
//
// Why: the JavaScript of an App Router page that hydrates is at least React
// DOM and Next's client router, about 133 kB gzip before any code of ours
// (measured on Next 16.4: `npm run report:js` prints it per route), and the
// issue's budget for a reader page is 100 kB. The reader pages need none of
// it: they are server components that work without JavaScript (plain links,
// GET forms, and server-action forms that post and come back as HTML), and
// the suite checks that they do. So the production server removes from their
// HTML every script that would run or be fetched: the bootstrap and chunk
// <script>s, the inline React Server Component payload (about half of the
// HTML's bytes), and <link rel="preload|modulepreload" as="script">. Data
// blocks stay: <script type="application/ld+json"> (ClaimReview) is not
// JavaScript.
//
// Which pages: HTML answers whose Content-Security-Policy has no nonce, i.e.
// the public policy next.config.ts gives every response. The proxy gives the
// sign-in page and the dashboard a nonce policy (lib/security/): they keep
// their scripts, and so would any page moved under that policy.
//
// Not stripped: Next's error document (<html id="__next_error__">, sent when
// a page failed on the server), whose body is empty until the client renders
// app/[locale]/error.tsx; without its scripts a reader would get a blank page.
//
// Compression: the bytes must be filtered before they are gzipped, so Next's
// own compression is off (next.config.ts, `compress: false`) and this module
// applies the same middleware Next uses (gzip at zlib's default level 6,
// responses under 1 kB sent as they are) to every response, after the filter.
//
// Cost: a reader page served from Next's cache (ISR HIT) arrives here as the
// same bytes request after request, and tokenizing them again and gzipping
// the result again was most of the server's time per page (parse5 about 40 %
// of the CPU under load). So a page whose whole body comes in one end() is
// looked up by the SHA-256 of those bytes in a memo of its filtered text and
// that text gzipped (createTransformMemo below): the key is the content, so a
// page that changes (a new verdict) has another key and is filtered afresh,
// and an entry is never stale, only evicted (least recently used first,
// bounded in bytes). A page streamed in pieces (a render, ISR MISS) is
// filtered as it streams, as before.
//
// ETags: Next's (next.config.ts generateEtags) hash each cached page in
// JavaScript on every request, a fifth of the CPU of a page HIT once the
// filter was memoized; next.config.ts turns them off and a memoized page gets
// its ETag here instead, from the same SHA-256 (the content Next sent, as
// Next's was), with the same 304 answer to a matching If-None-Match.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { RewritingStream } from 'parse5-html-rewriting-stream';

const require = createRequire(import.meta.url);
// The compression middleware Next.js itself bundles, and would otherwise run.
const compression = require('next/dist/compiled/compression');
// The conditional-request check Next.js uses for its ETags (send-payload.js).
const fresh = require('next/dist/compiled/fresh');

/** An HTML page under the public policy: no nonce in its Content-Security-Policy. */
export function isPublicHtml(contentType, contentSecurityPolicy) {
  return /^\s*text\/html\b/i.test(String(contentType ?? '')) && !/'nonce-/.test(String(contentSecurityPolicy ?? ''));
}

// The script block's type string, as the HTML standard derives it: from the
// type attribute, else "text/" + the language attribute, else JavaScript.
function scriptType(attributes) {
  const type = attributes.get('type');
  if (type !== undefined) return type;
  const language = attributes.get('language');
  return language ? `text/${language}` : '';
}

// The types a browser runs (the standard's JavaScript MIME type essence
// strings, "module", and none). Any other type makes a data block, which the
// browser neither runs nor fetches.
const JAVASCRIPT_TYPES = new Set([
  '',
  'module',
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

const attributesOf = (tag) => new Map(tag.attrs.map(({ name, value }) => [name, value]));

function isJavaScript(scriptTag) {
  return JAVASCRIPT_TYPES.has(scriptType(attributesOf(scriptTag)).trim().toLowerCase());
}

function isScriptPreload(linkTag) {
  const attributes = attributesOf(linkTag);
  const rel = (attributes.get('rel') ?? '').toLowerCase().split(/[\t\n\f\r ]+/);
  if (rel.includes('modulepreload')) return true;
  return rel.includes('preload') && (attributes.get('as') ?? '').toLowerCase() === 'script';
}

/** Drops script preloads from a Link response header ("<…>; rel=preload; as=script, <…>; rel=preload; as=style"). */
export function withoutScriptPreloads(linkHeader) {
  const kept = String(linkHeader)
    .split(/,(?=\s*<)/)
    .filter((entry) => !/;\s*rel="?(?:modulepreload|preload)"?/i.test(entry) || !/;\s*(?:as="?script"?|rel="?modulepreload"?)/i.test(entry));
  return kept.join(',').trim();
}

/**
 * An incremental filter over an HTML document's text: `push(text)` returns
 * what can be sent so far, `end()` the rest. Tags and script bodies may be
 * split across pushes anywhere.
 *
 * The tokenizing is parse5's (parse5-html-rewriting-stream), which follows
 * the HTML standard: a script's body ends where the browser's would (script
 * data state), `<script>` inside a <title>, <textarea>, <style> or <noscript>
 * is text, attribute values may hold `>`. Every token that stays is sent as
 * its source text (the raw string the rewriter passes, what its emitRaw would
 * write), so entities, attribute quoting and case reach the reader as Next
 * wrote them. The tokenizer holds back at most an unfinished token and the
 * text since the last tag (flushed once past 64 kB), never the page; a tag
 * the document ends inside is dropped, as the browser drops it.
 *
 * The rewriter is a Node Transform stream; its events fire inside write()
 * and end(), which run its transform at once when nothing is queued, and this
 * filter writes one piece at a time and collects the kept tokens itself. So
 * what a push returns is all that piece gives, and the response's own write
 * (its return value, Next's flush after it) is untouched.
 */
export function createScriptStripper() {
  const rewriter = new RewritingStream();
  let out = '';
  let inDroppedScript = false;
  let errorDocument = false; // Next's error document: everything passes

  const keep = (_token, raw) => {
    if (!inDroppedScript) out += raw;
  };
  rewriter.on('startTag', (tag, raw) => {
    if (inDroppedScript) return; // only in SVG or MathML, where a script's body is markup
    if (!errorDocument) {
      if (tag.tagName === 'script' && isJavaScript(tag)) {
        inDroppedScript = true;
        return;
      }
      if (tag.tagName === 'link' && isScriptPreload(tag)) return;
      if (tag.tagName === 'html' && attributesOf(tag).get('id') === '__next_error__') errorDocument = true;
    }
    out += raw;
  });
  rewriter.on('endTag', (tag, raw) => {
    if (inDroppedScript && tag.tagName === 'script') inDroppedScript = false;
    else keep(tag, raw);
  });
  // With a listener for every kind of token, the rewriter writes nothing to its own readable side.
  for (const event of ['text', 'comment', 'doctype']) rewriter.on(event, keep);

  function taken() {
    if (rewriter.writableLength > 0) throw new Error('the HTML rewriter left input unprocessed');
    const text = out;
    out = '';
    return text;
  }

  return {
    push(text) {
      rewriter.write(text);
      return taken();
    },
    end() {
      rewriter.end();
      return taken();
    },
  };
}

/**
 * ATTEST_HTML_MEMO_BYTES: the memo's bound (default 16 MiB, some 700 claim
 * pages, beside Next's own 50 MB cache in an instance's RSS budget; 0 turns it off).
 */
export function memoBytesFrom(value) {
  if (value === undefined || value === '') return 16 * 1024 * 1024;
  if (!/^\d+$/.test(value)) throw new Error(`ATTEST_HTML_MEMO_BYTES must be a whole number of bytes, not "${value}"`);
  return Number(value);
}

// Next's compression middleware sends nothing under this many bytes compressed (its default threshold).
const COMPRESSION_THRESHOLD = 1024;

/**
 * A bounded memo of filtered pages, keyed by the content they were made from:
 * `get(body)` (a string or Buffer: a whole HTML document) returns
 * `{ text, textBytes, etag, gzip() }`: the filtered text, its UTF-8 length,
 * an ETag naming the content, and (made on first use) the text gzipped at
 * zlib's default level, as the compression middleware's stream would. Least
 * recently used entries leave once what the entries hold (text, gzip, key)
 * passes maxBytes; a document over an eighth of maxBytes is filtered without
 * being kept (with maxBytes 0, every one), and without gzip() (null).
 */
export function createTransformMemo({ maxBytes = memoBytesFrom(process.env.ATTEST_HTML_MEMO_BYTES) } = {}) {
  const entries = new Map();
  let bytes = 0;
  const evict = () => {
    for (const [key, entry] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(key);
      bytes -= entry.size;
    }
  };
  function transform(body) {
    const stripper = createScriptStripper();
    return stripper.push(typeof body === 'string' ? body : body.toString('utf8')) + stripper.end();
  }
  return {
    get(body) {
      const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
      if (length > maxBytes / 8) {
        const text = transform(body);
        const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
        // No gzip(): compressing megabytes at once would hold up every other request; the middleware's stream does it.
        return { text, textBytes: Buffer.byteLength(text), etag, gzip: null };
      }
      const key = createHash('sha256').update(body).digest('base64url');
      let entry = entries.get(key);
      if (entry) {
        // Most recently used last: Map keeps insertion order.
        entries.delete(key);
        entries.set(key, entry);
        return entry;
      }
      const text = transform(body);
      entry = {
        text,
        textBytes: Buffer.byteLength(text),
        etag: `"${key}"`,
        // What it holds: the text (V8 keeps a string in one or two bytes a character), its gzip, the key twice.
        size: 2 * text.length + 2 * key.length,
        gzipped: null,
        gzip() {
          if (entry.gzipped === null) {
            entry.gzipped = zlib.gzipSync(text);
            entry.size += entry.gzipped.length;
            bytes += entry.gzipped.length;
            evict();
          }
          return entry.gzipped;
        },
      };
      entries.set(key, entry);
      bytes += entry.size;
      evict();
      return entry;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

/**
 * Whether the compression middleware would gzip this response, answered only
 * when that is certain without its negotiation: every coding the client
 * lists is a bare token (no q-values) and gzip is one of them (what browsers,
 * Varnish and curl send), the body is over its threshold, nothing forbids a
 * transform and nothing encoded it yet. Otherwise (false) the middleware
 * decides, as before.
 */
function surelyGzipped(req, res, byteLength) {
  if (req.method === 'HEAD' || byteLength < COMPRESSION_THRESHOLD) return false;
  if (res.getHeader('content-encoding') !== undefined || res.getHeader('content-length') !== undefined) return false;
  if (/(?:^|,)\s*?no-transform\s*?(?:,|$)/.test(String(res.getHeader('cache-control') ?? ''))) return false;
  const accepted = req.headers['accept-encoding'];
  if (typeof accepted !== 'string' || accepted.includes(';')) return false;
  return accepted.split(',').some((coding) => coding.trim().toLowerCase() === 'gzip');
}

/**
 * Filters the body of a public HTML response on its way out (see above).
 * Patches `res.writeHead`/`write`/`end` as the compression middleware does,
 * and after it, so that what passes the filter is then compressed.
 */
function stripScriptsFromPublicHtml(req, res, memo) {
  const { writeHead, write, end } = res;
  let stripper = null; // null: not decided yet; false: this response passes as it is
  let decoder = null;
  let written = false; // some of the body went through the streaming filter

  // Decided once, from the headers set so far and those given to writeHead.
  function decide(headers) {
    if (stripper !== null) return;
    const header = (name) => {
      const key = headers && Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
      return key ? headers[key] : res.getHeader(name);
    };
    const drop = (name) => {
      res.removeHeader(name);
      if (headers) for (const key of Object.keys(headers)) if (key.toLowerCase() === name) delete headers[key];
    };
    if (!isPublicHtml(header('content-type'), header('content-security-policy'))) {
      stripper = false;
      return;
    }
    stripper = createScriptStripper();
    decoder = new StringDecoder('utf8');
    drop('content-length');
    const link = header('link');
    if (link) {
      drop('link');
      const kept = withoutScriptPreloads(link);
      if (kept) res.setHeader('link', kept);
    }
  }

  const textOf = (chunk, encoding) => decoder.write(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);

  res.writeHead = function writeHeadAfterDeciding(statusCode, ...rest) {
    decide(rest.find((value) => value && typeof value === 'object' && !Array.isArray(value)));
    return writeHead.call(this, statusCode, ...rest);
  };

  res.write = function writeFiltered(chunk, encoding, callback) {
    if (!this.headersSent) decide();
    if (!stripper || chunk === undefined || chunk === null) return write.call(this, chunk, encoding, callback);
    written = true;
    const text = stripper.push(textOf(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
    return write.call(this, text, 'utf8', typeof encoding === 'function' ? encoding : callback);
  };

  res.end = function endFiltered(chunk, encoding, callback) {
    if (!this.headersSent) decide();
    if (!stripper) return end.call(this, chunk, encoding, callback);
    if (typeof chunk === 'function') [chunk, encoding, callback] = [undefined, undefined, chunk];
    if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
    // The whole body at once (a page from Next's cache): filtered once per content, see createTransformMemo.
    if (memo && !written && chunk !== undefined && chunk !== null && chunk.length > 0) {
      const body = typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding) : chunk;
      const entry = memo.get(body);
      // After an explicit writeHead the middleware has chosen already: it gets the text.
      if (this.headersSent) return end.call(this, entry.text, 'utf8', callback);
      if (this.getHeader('etag') === undefined) {
        this.setHeader('ETag', entry.etag);
        if (this.statusCode === 200 && fresh(req.headers, { etag: entry.etag })) {
          this.statusCode = 304;
          return end.call(this, callback);
        }
      }
      if (entry.gzip && surelyGzipped(req, this, entry.textBytes)) {
        // The middleware sees an encoded body and passes it on (adding Vary: Accept-Encoding, as for any answer).
        this.setHeader('Content-Encoding', 'gzip');
        return end.call(this, entry.gzip(), callback);
      }
      return end.call(this, entry.text, 'utf8', callback);
    }
    let text = chunk === undefined || chunk === null ? '' : stripper.push(textOf(chunk, encoding ?? 'utf8'));
    text += stripper.push(decoder.end()) + stripper.end();
    return end.call(this, text, 'utf8', callback);
  };
}

/**
 * Wraps the production server's request listener: compression for every
 * response (in place of Next's, which must be off), and public pages' HTML
 * without its scripts.
 */
export function withPublicPagesWithoutScripts(listener, { memo = createTransformMemo() } = {}) {
  const compress = compression();
  return (req, res) => {
    compress(req, res, () => {});
    // As Next does: on a client disconnect the middleware never ends its zlib
    // stream, which then outlives the response. Its patched `res.on('drain')`
    // hands that stream back.
    res.once('close', () => {
      if (res.writableFinished) return;
      const noop = () => {};
      const stream = res.on('drain', noop);
      if (stream instanceof Duplex && stream !== res) stream.destroy();
      else res.off('drain', noop);
    });
    stripScriptsFromPublicHtml(req, res, memo);
    return listener(req, res);
  };
}
