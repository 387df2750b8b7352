// @ts-check
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The Prisma client and the PGlite/pg drivers are server-side Node modules:
  // load them from node_modules at run time instead of bundling them.
  serverExternalPackages: ['@prisma/client', '@prisma/adapter-pg', 'pg', 'sanitize-html'],
  typedRoutes: false,
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
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
