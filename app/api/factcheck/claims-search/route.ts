import { NextResponse, type NextRequest } from 'next/server';
import { badRequest, publicJson, publicOrigin } from '@/lib/api/responses';
import { searchPublicClaims } from '@/lib/search/cache';
import { factCheckClaimSearchSchema } from '@/lib/search/fact-check-tools-schema';
import { factCheckPublisher, type FactCheckToolsSearchResponse, isPublisherSite, toFactCheckToolsClaim } from '@/lib/search/fact-check-tools';
import { encodeSearchCursor } from '@/lib/search/schema';
import { siteSettings } from '@/lib/site/settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A refusal as Google's APIs word one (google.rpc.Status with a BadRequest
 * detail), so that a Fact Check Tools client reads it; the messages are the
 * read API's own, in English (lib/api/responses.ts).
 */
async function invalidArgument(error: Parameters<typeof badRequest>[0]) {
  const ours = (await badRequest(error).json()) as { error: { message: string; details?: Record<string, string[]> } };
  const fieldViolations = Object.entries(ours.error.details ?? {}).flatMap(([field, descriptions]) =>
    descriptions.map((description) => ({ field, description })),
  );
  return NextResponse.json(
    {
      error: {
        code: 400,
        message: ours.error.message,
        status: 'INVALID_ARGUMENT',
        details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations }],
      },
    },
    { status: 400, headers: { 'Access-Control-Allow-Origin': '*' } },
  );
}

// GET /api/factcheck/claims:search — Google's Fact Check Tools Claim Search
// API (v1alpha1 claims.search) over Attest's published fact checks.
export async function GET(request: NextRequest) {
  const query = factCheckClaimSearchSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return invalidArgument(query.error);
  const { query: text, languageCode, reviewPublisherSiteFilter, maxAgeDays, pageSize, after } = query.data;

  const origin = publicOrigin(request);
  const publisher = factCheckPublisher(siteSettings(), origin);
  // Every review here is this site's: another site's filter matches none.
  if (reviewPublisherSiteFilter !== null && !isPublisherSite(reviewPublisherSiteFilter, publisher.site)) {
    return publicJson({ claims: [] } satisfies FactCheckToolsSearchResponse);
  }

  const page = await searchPublicClaims({
    text,
    filters: {
      rating: null,
      claimant: null,
      from: null,
      to: null,
      language: languageCode,
      reviewedOrClaimedSince: maxAgeDays === null ? null : new Date(Date.now() - maxAgeDays * DAY_MS),
      // A claim without a published verdict has no review to give (no textualRating): not a fact check yet.
      reviewedOnly: true,
    },
    limit: pageSize,
    after,
  });
  return publicJson({
    claims: page.items.map((item) => toFactCheckToolsClaim(item, publisher, origin)),
    ...(page.nextCursor ? { nextPageToken: encodeSearchCursor(page.nextCursor) } : {}),
  } satisfies FactCheckToolsSearchResponse);
}
