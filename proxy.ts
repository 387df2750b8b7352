import NextAuth from 'next-auth';
import createIntlMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { routing } from '@/lib/i18n/routing';
import { publicPageExists } from '@/lib/public-pages/exists';

// The proxy only routes. It sends visitors without a session cookie to the
// sign-in page, puts public URLs in their language (next-intl), but authorizes
// nothing: every server action and every non-public read checks the actor
// itself against lib/permissions.ts (CVE-2025-29927 showed why a proxy-only
// check is not enough).

const { auth } = NextAuth(authConfig);
const routePublicPage = createIntlMiddleware(routing);

/** A path no route matches: Next.js renders app/global-not-found.tsx for it, with a 404. */
const NOT_FOUND_PATH = '/_attest/not-found';

/** The public page's interface language and its path without the language prefix. */
function splitLocale(pathname: string): { locale: string; path: string } {
  const [, first, ...rest] = pathname.split('/');
  if (first && isLocale(first)) return { locale: first, path: `/${rest.join('/')}` };
  return { locale: defaultLocale, path: pathname };
}

function withAreaHeaders(request: NextRequest, area: 'public' | 'dashboard', locale?: string): Headers {
  const headers = new Headers(request.headers);
  headers.set('x-attest-area', area);
  if (locale) headers.set('x-attest-locale', locale);
  else headers.delete('x-attest-locale');
  return headers;
}

export default auth(async (request) => {
  const { pathname, search } = request.nextUrl;
  if (pathname === '/dashboard' || pathname.startsWith('/dashboard/')) {
    if (!request.auth) {
      const login = new URL('/login', request.url);
      login.searchParams.set('callbackUrl', `${pathname}${search}`);
      return NextResponse.redirect(login);
    }
    return NextResponse.next({ request: { headers: withAreaHeaders(request, 'dashboard') } });
  }
  if (pathname === '/login') return NextResponse.next({ request: { headers: withAreaHeaders(request, 'dashboard') } });

  const { locale, path } = splitLocale(pathname);
  if (!(await publicPageExists(path))) {
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: withAreaHeaders(request, 'public', locale) } });
  }
  return routePublicPage(request);
});

export const config = {
  // Everything but the API, Next's own files and static files (paths with a dot).
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
