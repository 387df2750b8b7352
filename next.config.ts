import type { NextConfig } from 'next';
import { baselineSecurityHeaders, STRICT_TRANSPORT_SECURITY } from './lib/security/headers';

// TypeScript, so that the headers come from the same module as the proxy's
// (lib/security/). `next build` evaluates this file: the header values below
// are fixed in the build, with `development` false.
const development = process.env.NODE_ENV === 'development';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The Prisma client and the PGlite/pg drivers are server-side Node modules:
  // load them from node_modules at run time instead of bundling them.
  serverExternalPackages: ['@prisma/client', '@prisma/adapter-pg', 'pg', 'sanitize-html'],
  typedRoutes: false,
  experimental: {
    // Editors paste or upload whole articles (the source form accepts files up
    // to 2 MB); Next's default action body limit is 1 MB.
    serverActions: { bodySizeLimit: '5mb' },
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

export default nextConfig;
