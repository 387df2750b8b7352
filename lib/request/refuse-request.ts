import { NextResponse, type NextRequest } from 'next/server';
import { malformedAddress } from '../api/responses';
import { refuseServerActionPost } from './server-action-guard';

/** A path no route matches: Next.js renders app/not-found.tsx for it, with a 404. */
export const NOT_FOUND_PATH = '/_attest/not-found';

function isDecodable(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * A path with a malformed percent-escape (%E0%A4%A is not UTF-8): Next.js
 * fails to decode it into a route parameter with a bare 500, before any route
 * code runs. Such a path names nothing: the API answers its JSON 400, a page
 * the not-found page.
 */
function refuseUndecodablePath(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (pathname.split('/').every(isDecodable)) return null;
  return pathname.startsWith('/api/') ? malformedAddress() : NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
}

/**
 * What the proxy answers itself, before Next.js sees the request: requests
 * Next would otherwise fail with a bare 500 (an oversized or cross-site
 * server-action post, an address it cannot decode). Null lets the request
 * through.
 */
export function refuseRequestNextCannotAnswer(request: NextRequest): NextResponse | null {
  return refuseServerActionPost(request) ?? refuseUndecodablePath(request);
}
