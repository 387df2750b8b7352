// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
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

export default nextConfig;
