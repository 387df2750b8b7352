import NextAuth, { type NextAuthRequest } from 'next-auth';
import createIntlMiddleware from 'next-intl/middleware';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { splitLocalePrefix } from '@/lib/i18n/locales';
import { routing } from '@/lib/i18n/routing';
import { publicAddressCanNameRecord } from '@/lib/public-pages/addresses';
import { pagedTwinPath } from '@/lib/public-pages/paged';
import { refuseRequestNextCannotAnswer, rewriteToPublicNotFound, routedRequestHeaders } from '@/lib/request/refuse-request';
import { contentSecurityPolicy, createNonce } from '@/lib/security/content-security-policy';
import { isServedOverHttps, STRICT_TRANSPORT_SECURITY } from '@/lib/security/headers';

// The proxy only routes. It sends visitors without a session cookie to the
// sign-in page and puts public URLs in their language (next-intl), but
// authorizes nothing: every server action and every non-public read checks
// the actor itself against lib/permissions.ts (CVE-2025-29927 showed why a
// proxy-only check is not enough).
//
// Auth.js runs only for the sign-in page and the dashboard. Anywhere else it
// would set its csrf and callback-url cookies on every anonymous answer, and
// a response that sets a cookie is one no shared cache may keep: the public
// pages, feeds and read API must leave here without one (issue 10).
//
// It also gives the sign-in page and the dashboard their own
// Content-Security-Policy with a fresh nonce (every other response keeps the
// public one from next.config.ts). Both are rendered per request anyway: they
// read the session cookie.
//
// It asks the database nothing: an unknown claim, source, claimant, tag or
// rating is answered by its page (PageGone, with a 404, cached like the page); only an
// address no record can have (a NUL, a 10 kB slug) is sent to the not-found
// page here, so that it makes neither a query nor a cache entry.

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

function routeNewsroom(request: NextAuthRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  if (pathname !== '/login' && !request.auth) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return nextWithNonce(request);
}

function routePublic(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const { locale, path } = splitLocalePrefix(pathname);
  if (!publicAddressCanNameRecord(path)) return rewriteToPublicNotFound(request);
  const routed = routePublicPage(request);
  // A listing's later pages (?after=…) are rendered per request by its twin route (lib/public-pages/paged.ts).
  const twin = routed.status < 300 ? pagedTwinPath(path, searchParams) : null;
  if (twin) return NextResponse.rewrite(new URL(`/${locale}${twin}${request.nextUrl.search}`, request.url));
  return routed;
}

function withTransportSecurity(request: NextRequest, response: NextResponse): NextResponse {
  if (isServedOverHttps(request.nextUrl, request.headers)) {
    response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  }
  return response;
}

// Two parameters: Auth.js then wraps it as a proxy (middleware), not as a route handler.
const routeWithSession = auth((request: NextAuthRequest, _event: NextFetchEvent) => withTransportSecurity(request, routeNewsroom(request)));

export default async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const refused = refuseRequestNextCannotAnswer(request);
  if (refused) return withTransportSecurity(request, refused);
  const { pathname } = request.nextUrl;
  if (isNewsroomPath(pathname)) return (await routeWithSession(request, event)) ?? NextResponse.next();
  // The read API and the sitemap files have no language in their URL; they are matched only for the refusals above.
  if (pathname.startsWith('/api/') || pathname.startsWith('/sitemaps/')) return NextResponse.next();
  return withTransportSecurity(request, routePublic(request));
}

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
