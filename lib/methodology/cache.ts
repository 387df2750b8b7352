import 'server-only';
import { cachedPublicRead } from '../cache/cached-public-read';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import { findQuoteCheckExample, listPublicRatingScale, type PublicScaleRating, type QuoteCheckExample } from './queries';

// Cached reads for /methodology. No client-chosen key: one entry each.

/**
 * Expired by every change to the scale (lib/ratings/actions.ts), and by
 * publications: which retired ratings still rate a public verdict can change
 * when one is published.
 */
export function getPublicRatingScale(): Promise<PublicScaleRating[]> {
  return cachedPublicRead(listPublicRatingScale, ['public-rating-scale'], {
    tags: [cacheTags.ratingScale, cacheTags.claimList],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}

/** The example follows the newest fact check, so it lives under the claim list's tag. */
export function getQuoteCheckExample(): Promise<QuoteCheckExample | null> {
  return cachedPublicRead(findQuoteCheckExample, ['public-quote-check-example'], {
    tags: [cacheTags.claimList],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
