import { noStoreJson } from '@/lib/observability/responses';

// Liveness: the process answers. No database, no Redis (lib/observability/health.ts says why).
export const dynamic = 'force-dynamic';

export function GET() {
  return noStoreJson({ status: 'ok' });
}
