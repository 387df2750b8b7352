import { checkReadiness } from '@/lib/observability/health';
import { noStoreJson } from '@/lib/observability/responses';

// Readiness: 200 when PostgreSQL (and Redis, with REDIS_URL) answer; 503 naming what failed, or while stopping.
export const dynamic = 'force-dynamic';

export async function GET() {
  const readiness = await checkReadiness();
  return noStoreJson(readiness, readiness.status === 'ok' ? 200 : 503);
}
