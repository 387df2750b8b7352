import type { NextRequest } from 'next/server';
import { badRequest, publicOrigin } from '@/lib/api/responses';
import { claimExportStream, exportHeaders } from '@/lib/exports/claims-export';
import { csvExportQuerySchema } from '@/lib/exports/schema';

// Every public claim as CSV, one row per claim (lib/exports/serialize.ts),
// streamed as it is read.
export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const query = csvExportQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return badRequest(query.error);
  return new Response(claimExportStream('csv', { origin: publicOrigin(request), separator: query.data.separator }), { headers: exportHeaders('csv') });
}
