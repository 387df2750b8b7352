import type { NextRequest } from 'next/server';
import { badRequest, publicJson } from '@/lib/api/responses';
import { listClaimReviewMarkupPages } from '@/lib/factcheck/pages';
import { cachedFactCheckReads } from '@/lib/factcheck/pages-cache';
import { factCheckPagesQuerySchema } from '@/lib/factcheck/pages-schema';

/**
 * Every published fact check as Google Fact Check Tools ClaimReviewMarkupPage
 * objects, in the shape of the Read/Write API's pages.list answer, so that a
 * newsroom can push them with Google's own tools: ?pageSize=1…100 (10),
 * &pageToken=<nextPageToken>.
 */
export async function GET(request: NextRequest) {
  const query = factCheckPagesQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return badRequest(query.error);
  return publicJson(await listClaimReviewMarkupPages(cachedFactCheckReads, query.data));
}
