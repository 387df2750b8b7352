import { claimReview } from '../claims/claim-review';
import type { RatingScaleBounds } from '../claims/claim-review-queries';
import type { PublicClaimDetail, PublicClaimPage } from '../claims/queries';
import { type ClaimListCursor, encodeClaimListCursor } from '../claims/schema';
import { defaultLocale, isLocale, type Locale } from '../i18n/locales';
import { claimReviewMarkupPage } from './markup-page';
import type { FactCheckPagesQuery, ListClaimReviewMarkupPagesResponse } from './pages-schema';

// Every published fact check as a ClaimReviewMarkupPage, newest first, page
// by page on the public claim list's keyset (the same cursor as
// GET /api/claims). The reads are given: the route passes the cached ones
// (pages-cache.ts), the tests the database's own.

export type FactCheckReads = {
  claimPage(limit: number, after: ClaimListCursor | null): Promise<PublicClaimPage>;
  claim(slug: string): Promise<PublicClaimDetail | null>;
  scale(): Promise<RatingScaleBounds | null>;
};

export async function listClaimReviewMarkupPages(reads: FactCheckReads, query: FactCheckPagesQuery): Promise<ListClaimReviewMarkupPagesResponse> {
  const [page, scale] = await Promise.all([reads.claimPage(query.pageSize, query.pageToken), reads.scale()]);
  const claims = await Promise.all(page.items.map((item) => reads.claim(item.slug)));
  // A claim unpublished between the two reads is null, one without a verdict has no review: both are left out.
  const markupPages = claims.flatMap((claim) => {
    const review = claim && claimReview(claim, { locale: reviewLocale(claim.language), scale });
    return review ? [claimReviewMarkupPage(review)] : [];
  });
  return {
    claimReviewMarkupPages: markupPages,
    ...(page.nextCursor ? { nextPageToken: encodeClaimListCursor(page.nextCursor) } : {}),
  };
}

/**
 * The page a fact check is pushed with: the one whose interface speaks the
 * review's language (a French review at /claims/…, an English one at
 * /en/claims/… when French is the default), else the newsroom's default.
 */
export function reviewLocale(contentLanguage: string): Locale {
  const language = contentLanguage.toLowerCase().split('-')[0];
  return isLocale(language) ? language : defaultLocale;
}
