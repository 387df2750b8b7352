import type { NextRequest } from 'next/server';
import { publicOrigin } from '@/lib/api/responses';
import { claimExportStream, exportHeaders } from '@/lib/exports/claims-export';

// Every public claim as JSON Lines, one claim a line (lib/exports/serialize.ts),
// streamed as it is read.
export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  return new Response(claimExportStream('jsonl', { origin: publicOrigin(request) }), { headers: exportHeaders('jsonl') });
}
