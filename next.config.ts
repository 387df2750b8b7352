import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { baselineSecurityHeaders, STRICT_TRANSPORT_SECURITY } from './lib/security/headers';

// TypeScript, so that the headers come from the same module as the proxy's
// (lib/security/). `next build` evaluates this file: the header values below
// are fixed in the build, with `development` false.
const development = process.env.NODE_ENV === 'development';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Next's cache (data cache, ISR pages) goes through this handler, which
  // picks at run time: Redis shared by every instance when REDIS_URL is set,
  // else Next's own file-system cache (lib/cache/next-cache-handler.mjs).
  // Next compiles this file to CommonJS with __dirname = the project folder.
  cacheHandler: path.join(typeof __dirname === 'string' ? __dirname : process.cwd(), 'lib', 'cache', 'next-cache-handler.mjs'),
  // scripts/serve.mjs compresses every response itself (with the same
  // middleware), after taking the scripts out of reader pages' HTML.
  compress: false,
  // The Prisma client and the PGlite/pg drivers are server-side Node modules:
  // load them from node_modules at run time instead of bundling them.
  // prom-client, pino and ioredis too, for one more reason: scripts/serve.mjs
  // loads them from node_modules, and the app must use the same instances
  // (one metrics registry, one logger: lib/observability/).
  serverExternalPackages: ['@prisma/client', '@prisma/adapter-pg', 'pg', 'sanitize-html', 'prom-client', 'pino', 'ioredis'],
  typedRoutes: false,
  // Metadata (title, canonical, hreflang, Open Graph, feeds) in <head> for
  // every client, not streamed into <body> after the page: reader pages run
  // no script that could move it there (scripts/public-html.mjs), and
  // crawlers ignore a canonical link in the body.
  htmlLimitedBots: /./,
  // The newsroom's language, inlined at build time so that the server, the
  // proxy and the browser agree on which public URLs are unprefixed.
  env: { ATTEST_DEFAULT_LOCALE: process.env.ATTEST_DEFAULT_LOCALE ?? 'fr' },
  experimental: {
    // Editors paste or upload whole articles (the source form accepts files up
    // to 2 MB); Next's default action body limit is 1 MB.
    serverActions: { bodySizeLimit: '5mb' },
    // The public site and the newsroom have their own root layouts (each with
    // its <html lang>); unmatched URLs render app/global-not-found.tsx.
    globalNotFound: true,
    // Rendered reader pages (ISR) and cached reads stay in memory, at most
    // cacheMaxMemorySize (50 MB, least recently used first), not on disk: any
    // client can name a page (a made-up slug gets its cached not-found answer),
    // so a flood must not be able to fill the disk, and a restart starts from
    // the database. Several instances share a Redis cache handler instead.
    isrFlushToDisk: false,
  },
  // Google's Claim Search address has a colon in its last segment, which a
  // folder name cannot carry everywhere (Windows checkouts): the route lives
  // in app/api/factcheck/claims-search and answers at Google's address too.
  async rewrites() {
    return [{ source: '/api/factcheck/claims\\:search', destination: '/api/factcheck/claims-search' }];
  },
  async headers() {
    return [
      // Every response: pages, API routes, 404s, static files. The proxy
      // replaces the CSP on /login and /dashboard with a per-request nonce one.
      { source: '/:path*', headers: baselineSecurityHeaders({ development }) },
      // The proxy adds HSTS itself when the request URL is https; here the
      // reverse proxy in front must say so (see "Security headers" in the README).
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: STRICT_TRANSPORT_SECURITY }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
