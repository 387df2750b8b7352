import { createHash, timingSafeEqual } from 'node:crypto';
import { NextResponse } from 'next/server';
import { metricsRegistry } from './metrics.mjs';
import { noStoreJson } from './responses';

// GET /api/metrics, for Prometheus. The numbers say how busy the newsroom's
// site is and which routes are slow: not public, and a scrape walks every
// metric, so it answers only with ATTEST_METRICS_TOKEN as a bearer token.
// No token configured: 404, as if the endpoint did not exist.

/** Whether an Authorization header carries exactly this bearer token; compares digests in constant time. */
export function bearerTokenMatches(authorization: string | null, token: string): boolean {
  const given = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? '')?.[1];
  if (given === undefined) return false;
  // Equal-length digests: timingSafeEqual needs equal lengths, and a length check would tell the token's length.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

export async function metricsResponse(authorization: string | null, token: string | undefined): Promise<Response> {
  if (!token) return noStoreJson({ error: { code: 'NOT_FOUND', message: 'Not found' } }, 404);
  if (!bearerTokenMatches(authorization, token)) {
    return noStoreJson(
      { error: { code: 'UNAUTHORIZED', message: 'Send the metrics token as "Authorization: Bearer <token>".' } },
      401,
      { 'WWW-Authenticate': 'Bearer realm="metrics"' },
    );
  }
  const registry = metricsRegistry();
  return new NextResponse(await registry.metrics(), { headers: { 'Cache-Control': 'no-store', 'Content-Type': registry.contentType } });
}
