import type { NextRequest } from 'next/server';
import { badRequest, publicJson, publicOrigin } from '@/lib/api/responses';
import { getPublishedClaimPage } from '@/lib/claims/cache';
import { claimListQuerySchema, encodeClaimListCursor } from '@/lib/claims/schema';
import { searchPublicClaims } from '@/lib/search/cache';
import { encodeSearchCursor } from '@/lib/search/schema';

// GET /api/claims: the published claims, newest first; with ?q= the public
// search (best match first, the words it matched in `highlights`), with
// ?rating= ?claimant= ?from= ?to= filtered. Pages follow `nextCursor`.
export async function GET(request: NextRequest) {
  const query = claimListQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return badRequest(query.error);
  const { limit, after, q, filters, searched } = query.data;
  const origin = publicOrigin(request);

  if (!searched) {
    const page = await getPublishedClaimPage(limit, after && 'publishedAt' in after ? after : null);
    return publicJson({
      items: page.items.map(({ path, ...item }) => ({ ...item, url: `${origin}${path}` })),
      nextCursor: page.nextCursor ? encodeClaimListCursor(page.nextCursor) : null,
    });
  }

  const page = await searchPublicClaims({ text: q, filters, limit, after });
  return publicJson({
    items: page.items.map(({ slug, summary, text, language, claimant, rating, publishedAt, highlights, path }) => ({
      slug,
      summary,
      text,
      language,
      claimant,
      rating,
      publishedAt,
      url: `${origin}${path}`,
      ...(highlights ? { highlights } : {}),
    })),
    nextCursor: page.nextCursor ? encodeSearchCursor(page.nextCursor) : null,
  });
}
