import { NextResponse, type NextRequest } from 'next/server';

// Next.js refuses an oversized server-action body and a cross-site Origin
// itself, but answers both with a 500 (its action handler sets the status
// before it knows why it failed). The proxy calls this first, so that the
// same refusals come back as 413, 411 and 403 with a sentence a person can
// read, and Next never starts reading such a body.

/**
 * next.config.ts `experimental.serverActions.bodySizeLimit` ('5mb') in bytes;
 * lib/request/server-action-guard.test.ts keeps the two equal.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Hosts (besides the site's own) allowed to post server actions: next.config.ts
 * `experimental.serverActions.allowedOrigins`, which sets none; the test keeps
 * the two equal.
 */
export const SERVER_ACTION_ALLOWED_ORIGINS: readonly string[] = [];

const LIMIT_IN_MB = SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024);

/** A fetch-posted action carries Next-Action; a form posted without JavaScript is multipart with the action id inside. */
function isServerActionPost(request: NextRequest): boolean {
  if (request.method !== 'POST') return false;
  if (request.headers.has('next-action')) return true;
  return (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

function refusal(status: number, message: string): NextResponse {
  return new NextResponse(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** The host an Origin header names ("null" for an opaque origin), or null when it is not a URL. */
function originHost(origin: string): string | null {
  if (origin === 'null') return 'null';
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Next's own rule (app-render/action-handler.js): the Origin's host must be
 * the first X-Forwarded-Host, else the Host header, or an allowed origin. A
 * request without Origin is let through, as Next does: browsers always send
 * one with a POST, and a handcrafted request carries no one else's cookies.
 */
function isForeignOrigin(request: NextRequest): { origin: string } | null {
  const origin = request.headers.get('origin');
  if (origin === null) return null;
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
  const from = originHost(origin);
  if (from !== null && (from === host || SERVER_ACTION_ALLOWED_ORIGINS.includes(from.toLowerCase()))) return null;
  return { origin };
}

/** A 403, 411 or 413 for a server-action post Next would fail with a 500; null for every other request. */
export function refuseServerActionPost(request: NextRequest): NextResponse | null {
  if (!isServerActionPost(request)) return null;
  const foreign = isForeignOrigin(request);
  if (foreign) {
    return refusal(
      403,
      `This form was sent from another site (${foreign.origin.slice(0, 200)}), so it was refused. Open the page on this site and send the form from there.`,
    );
  }
  const declared = request.headers.get('content-length');
  if (declared === null) {
    // Browsers always state the size of a form; without it the limit could only be checked after reading the body.
    return refusal(411, 'The form was sent without a Content-Length header, so its size cannot be checked. Send it again from the page.');
  }
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) return refusal(400, 'The form’s Content-Length header is not a number of bytes.');
  if (length > SERVER_ACTION_BODY_LIMIT_BYTES) {
    return refusal(
      413,
      `The form is larger than ${LIMIT_IN_MB} MB, the most this site accepts at once. Upload a smaller file or send less text, then try again.`,
    );
  }
  return null;
}
