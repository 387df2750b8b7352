import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { metricsResponse } from '@/lib/observability/scrape';

// Prometheus scrape endpoint, behind ATTEST_METRICS_TOKEN (lib/observability/scrape.ts).
export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  return metricsResponse(request.headers.get('authorization'), env().ATTEST_METRICS_TOKEN);
}
