import NextAuth, { type NextAuthRequest } from 'next-auth';
import createIntlMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { splitLocalePrefix } from '@/lib/i18n/locales';
import { routing } from '@/lib/i18n/routing';
import { publicPageExists } from '@/lib/public-pages/exists';
import { refuseRequestNextCannotAnswer, rewriteToPublicNotFound, routedRequestHeaders } from '@/lib/request/refuse-request';
import { contentSecurityPolicy, createNonce } from '@/lib/security/content-security-policy';
import { isServedOverHttps, STRICT_TRANSPORT_SECURITY } from '@/lib/security/headers';

// The proxy only routes. It sends visitors without a session cookie to the
// sign-in page and puts public URLs in their language (next-intl), but
// authorizes nothing: every server action and every non-public read checks
// the actor itself against lib/permissions.ts (CVE-2025-29927 showed why a
// proxy-only check is not enough).
//
// It also gives the sign-in page and the dashboard their own
// Content-Security-Policy with a fresh nonce (every other response keeps the
// public one from next.config.ts). Both are rendered per request anyway: they
// read the session cookie.

const { auth } = NextAuth(authConfig);
const routePublicPage = createIntlMiddleware(routing);

const development = process.env.NODE_ENV === 'development';

function isNewsroomPath(pathname: string): boolean {
  return pathname === '/login' || pathname === '/dashboard' || pathname.startsWith('/dashboard/');
}

/**
 * Continue to the page with a nonce policy. Next.js reads the nonce from the
 * request's Content-Security-Policy header while rendering and puts it on its
 * own scripts; the browser reads the response's.
 */
function nextWithNonce(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy({ kind: 'nonce', nonce: createNonce() }, { development });
  const requestHeaders = routedRequestHeaders(request, 'dashboard');
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

async function route(request: NextAuthRequest): Promise<NextResponse> {
  const refused = refuseRequestNextCannotAnswer(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  // The read API and the sitemap files have no language in their URL; they are matched only for the refusals above.
  if (pathname.startsWith('/api/') || pathname.startsWith('/sitemaps/')) return NextResponse.next();
  if (pathname.startsWith('/dashboard') && !request.auth) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  if (isNewsroomPath(pathname)) return nextWithNonce(request);
  if (!(await publicPageExists(splitLocalePrefix(pathname).path))) return rewriteToPublicNotFound(request);
  return routePublicPage(request);
}

export default auth(async (request) => {
  const response = await route(request);
  if (isServedOverHttps(request.nextUrl, request.headers)) {
    response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  }
  return response;
});

export const config = {
  matcher: [
    // Every page: everything but the API, Next's own files and static files (paths with a dot).
    '/((?!api|_next|_vercel|.*\\..*).*)',
    // For refuseRequestNextCannotAnswer: the read API's records, the sitemap files, and server-action posts wherever they are sent.
    '/api/claims/:slug',
    '/api/sources/:id',
    '/sitemaps/:file',
    { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
};
