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

import { createRequire } from 'node:module';
import { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const require = createRequire(import.meta.url);
// The compression middleware Next.js itself bundles, and would otherwise run.
const compression = require('next/dist/compiled/compression');

/** An HTML page under the public policy: no nonce in its Content-Security-Policy. */
export function isPublicHtml(contentType, contentSecurityPolicy) {
  return /^\s*text\/html\b/i.test(String(contentType ?? '')) && !/'nonce-/.test(String(contentSecurityPolicy ?? ''));
}

// <script type="…"> with one of these types (or none) is JavaScript; any other
// type is a data block the browser neither runs nor fetches.
const JAVASCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);

function attribute(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
}

function isJavaScriptTag(openTag) {
  const type = attribute(openTag, 'type');
  return type === null || JAVASCRIPT_TYPES.has(type.trim().toLowerCase());
}

function isScriptPreload(linkTag) {
  const rel = (attribute(linkTag, 'rel') ?? '').toLowerCase().split(/\s+/);
  if (rel.includes('modulepreload')) return true;
  return rel.includes('preload') && (attribute(linkTag, 'as') ?? '').toLowerCase() === 'script';
}

/** Drops script preloads from a Link response header ("<…>; rel=preload; as=script, <…>; rel=preload; as=style"). */
export function withoutScriptPreloads(linkHeader) {
  const kept = String(linkHeader)
    .split(/,(?=\s*<)/)
    .filter((entry) => !/;\s*rel="?(?:modulepreload|preload)"?/i.test(entry) || !/;\s*(?:as="?script"?|rel="?modulepreload"?)/i.test(entry));
  return kept.join(',').trim();
}

const TAG_START = /<(script|link|html)(?=[\s/>])/gi;
const LONGEST_TAG_NAME = '<script'.length;

/**
 * An incremental filter over an HTML document's text: `push(text)` returns
 * what can be sent so far, `end()` the rest. Tags and script bodies may be
 * split across pushes anywhere. React writes attribute values with `>`
 * escaped, so an open tag ends at the first `>`.
 */
export function createScriptStripper() {
  let pending = '';
  let inScriptBody = false; // inside a script being dropped
  let errorDocument = false; // Next's error document: pass everything through

  function drain(final) {
    let out = '';
    while (pending) {
      if (errorDocument) {
        out += pending;
        pending = '';
        break;
      }
      if (inScriptBody) {
        const close = /<\/script\s*>/i.exec(pending);
        if (!close) {
          // Keep only what could be the start of "</script>".
          pending = final ? '' : pending.slice(-('</script'.length + 8));
          break;
        }
        pending = pending.slice(close.index + close[0].length);
        inScriptBody = false;
        continue;
      }
      TAG_START.lastIndex = 0;
      const start = TAG_START.exec(pending);
      if (!start) {
        const keep = final ? 0 : Math.min(pending.length, LONGEST_TAG_NAME);
        const lastLt = pending.lastIndexOf('<');
        const cut = !final && lastLt !== -1 && lastLt >= pending.length - keep ? lastLt : pending.length;
        out += pending.slice(0, cut);
        pending = pending.slice(cut);
        break;
      }
      out += pending.slice(0, start.index);
      pending = pending.slice(start.index);
      const end = pending.indexOf('>');
      if (end === -1) {
        if (final) {
          out += pending;
          pending = '';
        }
        break;
      }
      const tag = pending.slice(0, end + 1);
      const name = start[1].toLowerCase();
      pending = pending.slice(end + 1);
      if (name === 'html') {
        if (attribute(tag, 'id') === '__next_error__') errorDocument = true;
        out += tag;
      } else if (name === 'link') {
        if (!isScriptPreload(tag)) out += tag;
      } else if (isJavaScriptTag(tag)) {
        inScriptBody = true;
      } else {
        // A data block: kept whole, body and closing tag included.
        out += tag;
        const close = /<\/script\s*>/i.exec(pending);
        if (!close && !final) {
          pending = tag + pending;
          out = out.slice(0, -tag.length);
          break;
        }
        const length = close ? close.index + close[0].length : pending.length;
        out += pending.slice(0, length);
        pending = pending.slice(length);
      }
    }
    return out;
  }

  return {
    push(text) {
      pending += text;
      return drain(false);
    },
    end() {
      return drain(true);
    },
  };
}

/**
 * Filters the body of a public HTML response on its way out (see above).
 * Patches `res.writeHead`/`write`/`end` as the compression middleware does,
 * and after it, so that what passes the filter is then compressed.
 */
function stripScriptsFromPublicHtml(res) {
  const { writeHead, write, end } = res;
  let stripper = null; // null: not decided yet; false: this response passes as it is
  let decoder = null;

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
    const text = stripper.push(textOf(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
    return write.call(this, text, 'utf8', typeof encoding === 'function' ? encoding : callback);
  };

  res.end = function endFiltered(chunk, encoding, callback) {
    if (!this.headersSent) decide();
    if (!stripper) return end.call(this, chunk, encoding, callback);
    if (typeof chunk === 'function') [chunk, encoding, callback] = [undefined, undefined, chunk];
    if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
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
export function withPublicPagesWithoutScripts(listener) {
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
    stripScriptsFromPublicHtml(res);
    return listener(req, res);
  };
}
