import { NextResponse, type NextRequest } from 'next/server';
import { malformedAddress } from '../api/responses';
import { splitLocalePrefix } from '../i18n/locales';
import { refuseServerActionPost } from './server-action-guard';

/** A path no route matches: Next.js renders app/global-not-found.tsx for it, with a 404. */
export const NOT_FOUND_PATH = '/_attest/not-found';

/**
 * The request's headers for the page, as the proxy sets them: which side of
 * the site (reader or newsroom) and, for a reader's page, its language
 * and the address without its language prefix (app/global-not-found.tsx
 * reads them) — never as the client sent them.
 */
export function routedRequestHeaders(request: NextRequest, area: 'public' | 'dashboard'): Headers {
  const headers = new Headers(request.headers);
  headers.set('x-attest-area', area);
  if (area === 'public') {
    const { locale, path } = splitLocalePrefix(request.nextUrl.pathname);
    headers.set('x-attest-locale', locale);
    // The address asked for, without its language: the not-found page's language switch links to it in the other language.
    headers.set('x-attest-path', path);
  } else {
    headers.delete('x-attest-locale');
    headers.delete('x-attest-path');
  }
  return headers;
}

/** The reader's not-found page, in the language of the address asked for. */
export function rewriteToPublicNotFound(request: NextRequest): NextResponse {
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: routedRequestHeaders(request, 'public') } });
}

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
  return pathname.startsWith('/api/') ? malformedAddress() : rewriteToPublicNotFound(request);
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
