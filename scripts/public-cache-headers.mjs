// The cache headers of every response, decided at the edge of the app.
//
// A shared cache in front (Varnish, a CDN) may keep an answer only if it says
// so: `Cache-Control: public, s-maxage=…` and no Set-Cookie. Next.js cannot
// be told that per route (it sends `private, no-cache, no-store` for dynamic
// answers and `s-maxage=…` without `public` for ISR pages, and overrides what
// proxy.ts or next.config.ts set), so scripts/serve.mjs wraps Next's handler
// with withPublicCacheHeaders and the answer leaves with:
//
// - public routes (reader pages, feeds, the read API, sitemaps, robots, share
//   images, exports): `public, max-age=0, s-maxage=N, stale-while-revalidate=M`
//   and `xkey: <tags>`, the cache tags of lib/cache-tags.ts the answer was
//   built from (Varnish's xkey vmod purges by them; the app purges with the
//   same tags it expires in Next). max-age=0: a browser asks again each
//   time, so a reader sees a correction as soon as the shared cache does.
//   N is short (ATTEST_PUBLIC_S_MAXAGE, default 60 s): purges do the real
//   invalidation, N only bounds staleness when a purge is lost.
// - a public 4xx (an unknown claim…): `public, max-age=0, s-maxage=N` without
//   stale-while-revalidate, with the same tags plus `claims`, so that the
//   publish that makes the record public purges the cached 404.
// - everything else (the newsroom, sign-in, Auth.js, server-action posts, the
//   contest form and the follow-up page, which carry per-visitor state, any
//   answer that sets a cookie, any 5xx): `private, no-store`.
//
// It also gives a reader page its 404: a page whose record is unknown renders
// the not-found text with <meta name="attest-status" content="404">
// (app/[locale]/_components/gone-metadata.ts), because notFound() serves an
// empty body in a production build. The head of such HTML answers is held
// until </head> is seen, then the status is set.
//
// The tags below mirror lib/cache-tags.ts (this file runs in plain Node, which
// cannot import TypeScript); scripts/public-cache-headers.test.mjs checks that
// they agree.

/** The cache tags, as lib/cache-tags.ts `cacheTags` builds them. */
export const publicTags = {
  claimList: 'claims',
  claim: (slug) => `claim:${slug}`,
  claimant: (slug) => `claimant:${slug}`,
  source: (id) => `source:${id}`,
  ratingScale: 'rating-scale',
};

const DEFAULT_S_MAXAGE = 60;
const DEFAULT_STALE_SECONDS = 300;
/** The head of an HTML answer is held at most this long while looking for the 404 marker. */
const HEAD_SCAN_LIMIT = 64 * 1024;
const NOT_FOUND_MARKER = /<meta\s+name="attest-status"\s+content="404"/i;

/** The languages of lib/i18n/locales.ts: a reader's path may start with either (the newsroom's also, before the proxy redirects it). */
export const LOCALES = ['fr', 'en'];

const PRIVATE = { kind: 'private' };
const { claimList, ratingScale } = publicTags;

// A key out of the URL becomes a tag only if it can sit in a header as it is
// (visible ASCII; slugs and ids are): a hostile address must not break the
// response. Such an address names no record anyway; `claims` still covers it.
const HEADER_SAFE = /^[\x21-\x7e]+$/;
function keyed(build, encoded) {
  let key;
  try {
    key = decodeURIComponent(encoded);
  } catch {
    return [];
  }
  return HEADER_SAFE.test(key) ? [build(key)] : [];
}

/**
 * Reader routes, by path without its language prefix: [pattern, tags from
 * the match]. The tags are those of the cached reads the page makes
 * (lib/*\/cache.ts); a route missing here is private.
 */
const READER_ROUTES = [
  [/^\/$/, () => [claimList]],
  [/^\/claims\/([^/]+)\/contest$/, null],
  [/^\/claims\/([^/]+)\/share-image$/, ([slug]) => [...keyed(publicTags.claim, slug), claimList, ratingScale]],
  [/^\/claims\/([^/]+)$/, ([slug]) => [...keyed(publicTags.claim, slug), claimList]],
  [/^\/sources\/([^/]+)$/, ([id]) => [...keyed(publicTags.source, id), claimList]],
  [/^\/claimants$/, () => [claimList]],
  [/^\/claimants\/([^/]+)$/, ([slug]) => [...keyed(publicTags.claimant, slug), claimList]],
  [/^\/tags\/[^/]+$/, () => [claimList]],
  [/^\/ratings\/[^/]+$/, () => [ratingScale, claimList]],
  [/^\/methodology$/, () => [ratingScale, claimList]],
  [/^\/corrections$/, () => [claimList]],
  [/^\/search$/, () => [claimList]],
  [/^\/feeds\/claimants\/([^/]+)\/[^/]+$/, ([slug]) => [...keyed(publicTags.claimant, slug), claimList]],
  [/^\/feeds\/(?:fact-checks|corrections|tags\/[^/]+)\/[^/]+$/, () => [claimList]],
  [/^\/disputes\/[^/]+$/, null],
];

/** Routes without a language: the read API, Google's Fact Check Tools answers, the exports, the sitemaps. */
const SITE_ROUTES = [
  [/^\/api\/claims$/, () => [claimList]],
  [/^\/api\/claims\/([^/]+)$/, ([slug]) => [...keyed(publicTags.claim, slug), claimList]],
  [/^\/api\/sources\/([^/]+)$/, ([id]) => [...keyed(publicTags.source, id), claimList]],
  [/^\/api\/factcheck\/(?:pages|claims-search|claims:search|claims%3Asearch)$/i, () => [claimList]],
  [/^\/api\/exports\/claims\.(?:csv|jsonl)$/, () => [claimList]],
  [/^\/sitemap\.xml$/, () => [claimList]],
  [/^\/sitemaps\/[^/]+$/, () => [claimList]],
  [/^\/robots\.txt$/, () => []],
];

function matchRoute(routes, path) {
  for (const [pattern, tags] of routes) {
    const match = pattern.exec(path);
    if (match) return tags ? { kind: 'public', tags: tags(match.slice(1)) } : PRIVATE;
  }
  return null;
}

function withoutLocalePrefix(path) {
  for (const prefix of LOCALES.map((locale) => `/${locale}`)) {
    if (path === prefix) return '/';
    if (path.startsWith(`${prefix}/`)) return path.slice(prefix.length);
  }
  return path;
}

/**
 * What a request may be cached as, before its answer is known:
 * `{ kind: 'public', tags }`, `{ kind: 'private' }`, or null for Next's own
 * files (/_next/…, the icon), whose headers Next sets right.
 */
export function cachePolicyFor(method, url) {
  const path = String(url ?? '/').split('?')[0].replace(/(.)\/+$/, '$1');
  if (path.startsWith('/_next/') || path === '/icon.png' || path === '/favicon.ico') return null;
  if (method !== 'GET' && method !== 'HEAD') return PRIVATE;
  if (path.startsWith('/api/') || path.startsWith('/sitemap') || path === '/robots.txt') return matchRoute(SITE_ROUTES, path) ?? PRIVATE;
  if (path === '/login' || path === '/dashboard' || path.startsWith('/dashboard/')) return PRIVATE;
  // Any other address is a reader's: a page, or the not-found page (a public 404 without tags).
  return matchRoute(READER_ROUTES, withoutLocalePrefix(path)) ?? { kind: 'public', tags: [] };
}

/** ATTEST_PUBLIC_S_MAXAGE and ATTEST_PUBLIC_STALE_SECONDS, whole seconds. */
export function publicCacheSeconds(env = process.env) {
  const seconds = (value, fallback) => (/^\d+$/.test(String(value ?? '')) ? Number(value) : fallback);
  return { sMaxAge: seconds(env.ATTEST_PUBLIC_S_MAXAGE, DEFAULT_S_MAXAGE), stale: seconds(env.ATTEST_PUBLIC_STALE_SECONDS, DEFAULT_STALE_SECONDS) };
}

/** The Cache-Control and xkey of an answer, from its request's policy, its status and whether it sets a cookie. */
export function cacheHeadersFor(policy, statusCode, setsCookie, seconds = publicCacheSeconds()) {
  if (policy.kind === 'private' || setsCookie || statusCode >= 500) return { cacheControl: 'private, no-store', xkey: null };
  if (statusCode >= 400) {
    const tags = [...new Set([...policy.tags, claimList])];
    return { cacheControl: `public, max-age=0, s-maxage=${seconds.sMaxAge}`, xkey: tags.join(' ') };
  }
  const tags = [...new Set(policy.tags)];
  return {
    cacheControl: `public, max-age=0, s-maxage=${seconds.sMaxAge}, stale-while-revalidate=${seconds.stale}`,
    xkey: tags.length > 0 ? tags.join(' ') : null,
  };
}

/** Whether the answer may be a reader page that asks for a 404 in its head: an HTML 200 of a public route. */
function mayCarryNotFoundMarker(policy, res) {
  return policy.kind === 'public' && res.statusCode === 200 && /^\s*text\/html\b/i.test(String(res.getHeader('content-type') ?? ''));
}

function chunkBuffer(chunk, encoding) {
  if (chunk === undefined || chunk === null) return Buffer.alloc(0);
  return typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk);
}

/** Patches `res` so that the headers are decided once, from the policy, just before they are sent. */
function finalizeCacheHeaders(policy, res) {
  const { writeHead, write, end } = res;
  let decided = false;
  let held = null; // Buffers of a head being scanned for the 404 marker

  function decide(body) {
    if (decided) return;
    decided = true;
    if (body && res.statusCode === 200 && NOT_FOUND_MARKER.test(body.toString('latin1'))) res.statusCode = 404;
    const setsCookie = res.getHeader('set-cookie') !== undefined;
    const { cacheControl, xkey } = cacheHeadersFor(policy, res.statusCode, setsCookie);
    res.setHeader('Cache-Control', cacheControl);
    if (xkey) res.setHeader('xkey', xkey);
    else res.removeHeader('xkey');
  }

  res.writeHead = function writeHeadWithCacheHeaders(statusCode, ...rest) {
    if (!decided) {
      res.statusCode = statusCode;
      // Headers given here would override the decision: set them first.
      const given = rest.find((value) => value && typeof value === 'object');
      if (given && !Array.isArray(given)) for (const [name, value] of Object.entries(given)) res.setHeader(name, value);
      if (given) rest = rest.filter((value) => value !== given);
      if (held === null && mayCarryNotFoundMarker(policy, res)) {
        held = [];
        return this;
      }
      if (held === null) decide(null);
      else return this;
    }
    return writeHead.call(this, res.statusCode, ...rest);
  };

  const flushHeld = () => {
    const body = Buffer.concat(held ?? []);
    held = null;
    decide(body);
    return body;
  };

  res.write = function writeWithCacheHeaders(chunk, encoding, callback) {
    if (!decided && held === null && mayCarryNotFoundMarker(policy, res)) held = [];
    if (decided || held === null) {
      decide(null);
      return write.call(this, chunk, encoding, callback);
    }
    held.push(chunkBuffer(chunk, encoding));
    const size = held.reduce((total, part) => total + part.length, 0);
    const scanned = Buffer.concat(held);
    if (size < HEAD_SCAN_LIMIT && !scanned.toString('latin1').includes('</head>')) {
      if (typeof encoding === 'function') encoding();
      else if (typeof callback === 'function') callback();
      return true;
    }
    return write.call(this, flushHeld(), typeof encoding === 'function' ? encoding : callback);
  };

  res.end = function endWithCacheHeaders(chunk, encoding, callback) {
    if (typeof chunk === 'function') [chunk, encoding, callback] = [undefined, undefined, chunk];
    if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
    if (!decided && held === null && mayCarryNotFoundMarker(policy, res)) held = [];
    if (held !== null) {
      held.push(chunkBuffer(chunk, encoding));
      return end.call(this, flushHeld(), callback);
    }
    decide(null);
    return end.call(this, chunk, encoding, callback);
  };
}

/** Wraps a Node request listener (Next's handler): every answer leaves with the cache headers above. */
export function withPublicCacheHeaders(listener) {
  return (req, res) => {
    const policy = cachePolicyFor(req.method, req.url);
    if (policy) finalizeCacheHeaders(policy, res);
    return listener(req, res);
  };
}
