import type { NextRequest } from 'next/server';
import { badRequest, publicJson, publicOrigin } from '@/lib/api/responses';
import { getPublishedClaimPage } from '@/lib/claims/cache';
import { claimListQuerySchema, encodeClaimListCursor } from '@/lib/claims/schema';

export async function GET(request: NextRequest) {
  const query = claimListQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return badRequest(query.error);

  const page = await getPublishedClaimPage(query.data.limit, query.data.cursor);
  const origin = publicOrigin(request);
  return publicJson({
    items: page.items.map(({ path, ...item }) => ({ ...item, url: `${origin}${path}` })),
    nextCursor: page.nextCursor ? encodeClaimListCursor(page.nextCursor) : null,
  });
}
