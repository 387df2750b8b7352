import 'server-only';
import { createTranslator } from 'next-intl';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import english from '../../messages/en.json';
import { type Translate, translateText } from '../actions/translate';
import { siteOriginFromHeaders } from '../request/site-origin';

// The read API answers in English, whatever the reader's language: the query
// schemas write catalogue messages (lib/i18n/message.ts), read here from the
// English catalogue. (The proxy imports this file: no request scope here.)
const englishTranslator = createTranslator({ locale: 'en', messages: english as Parameters<typeof createTranslator>[0]['messages'], timeZone: 'UTC' });
const inEnglish: Translate = (key, values) => englishTranslator(key, values);

type ApiErrorCode = 'NOT_FOUND' | 'BAD_REQUEST' | 'INTERNAL';

export function apiError(status: number, code: ApiErrorCode, message: string, details?: Record<string, string[]>) {
  return NextResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status });
}

export function notFound(what: string) {
  return apiError(404, 'NOT_FOUND', `${what} was not found`);
}

export function badRequest(error: z.ZodError) {
  const details: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (details[key] ??= []).push(translateText(inEnglish, issue.message));
  }
  const message = Object.entries(details)
    .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
    .join('; ');
  return apiError(400, 'BAD_REQUEST', message, details);
}

/**
 * A 400 for an API address Next.js cannot decode (/api/claims/%E0%A4%A is
 * not percent-encoded UTF-8): Next fails such a parameter with a bare 500
 * before any route code runs, so the proxy answers it (lib/request/refuse-request.ts).
 */
export function malformedAddress() {
  return apiError(400, 'BAD_REQUEST', 'The address is not valid: it holds a malformed percent-escape. Encode slugs and ids as UTF-8.');
}

/** Public JSON: cacheable by shared caches for a minute, and readable cross-origin. */
export function publicJson(body: unknown) {
  return NextResponse.json(body, {
    headers: {
      'Cache-Control': 'public, max-age=60, stale-while-revalidate=300',
      'Access-Control-Allow-Origin': '*',
    },
  });
}

/** Absolute base for links in API answers (lib/request/site-origin.ts). */
export function publicOrigin(request: NextRequest): string {
  return siteOriginFromHeaders(request.headers);
}
