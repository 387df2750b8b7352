import { NextResponse } from 'next/server';

/**
 * JSON for operators' endpoints (health, metrics errors): never stored by a
 * cache in front, so a probe always reaches this instance and a 503 never
 * outlives the outage. Same error shape as the read API (lib/api/responses.ts).
 */
export function noStoreJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return NextResponse.json(body, { status, headers: { ...headers, 'Cache-Control': 'no-store' } });
}
