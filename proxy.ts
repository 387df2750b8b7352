import { NextResponse, type NextRequest } from 'next/server';
import { publicPageExists } from '@/lib/public-pages/exists';

// The proxy only routes; it authorizes nothing. Every server action and every
// non-public read checks the actor itself (see lib/permissions.ts).

/** A path no route matches: Next.js renders app/not-found.tsx for it, with a 404. */
const NOT_FOUND_PATH = '/_attest/not-found';

export async function proxy(request: NextRequest) {
  if (!(await publicPageExists(request.nextUrl.pathname))) {
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/claims/:slug', '/sources/:id'],
};
