import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { publicPageExists } from '@/lib/public-pages/exists';
import { NOT_FOUND_PATH, refuseRequestNextCannotAnswer } from '@/lib/request/refuse-request';

// The proxy only routes. It sends visitors without a session cookie to the
// sign-in page, but authorizes nothing: every server action and every
// non-public read checks the actor itself against lib/permissions.ts
// (CVE-2025-29927 showed why a proxy-only check is not enough).

const { auth } = NextAuth(authConfig);

export default auth(async (request) => {
  const refused = refuseRequestNextCannotAnswer(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/dashboard')) {
    if (!request.auth) {
      const login = new URL('/login', request.url);
      login.searchParams.set('callbackUrl', `${pathname}${search}`);
      return NextResponse.redirect(login);
    }
    return NextResponse.next();
  }
  if (!(await publicPageExists(pathname))) {
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
  }
  return NextResponse.next();
});

export const config = {
  matcher: [
    '/claims/:slug',
    '/sources/:id',
    '/dashboard',
    '/dashboard/:path*',
    // For refuseRequestNextCannotAnswer: the read API's records, and server-action posts wherever they are sent.
    '/api/claims/:slug',
    '/api/sources/:id',
    { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
};
