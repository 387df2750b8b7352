import 'server-only';
import { cachedPublicRead } from '../cache/cached-public-read';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import type { Locale } from '../i18n/locales';
import { claimReviewJsonLd } from './claim-review';
import { findRatingScaleBounds, type RatingScaleBounds } from './claim-review-queries';
import type { PublicClaimDetail } from './queries';

/**
 * Cached under the claim lists' tag: the rating mutations expire it whenever
 * they change a rating that rates a public claim (lib/ratings/mutations.ts),
 * which is the only change that can move a published ratingValue relative to
 * the bounds. A change to an unused rating waits at most PUBLIC_CACHE_SECONDS,
 * and no published review carries that rating meanwhile.
 */
export const getRatingScaleBounds: () => Promise<RatingScaleBounds | null> = cachedPublicRead(findRatingScaleBounds, ['rating-scale-bounds'], {
  tags: [cacheTags.claimList],
  revalidate: PUBLIC_CACHE_SECONDS,
});

/** The claim page's inline ClaimReview, in the page's interface language (its URL). */
export async function publicClaimReviewJsonLd(claim: PublicClaimDetail, locale: Locale): Promise<string> {
  return claimReviewJsonLd(claim, { locale, scale: await getRatingScaleBounds() });
}
