import 'server-only';
import { cachedPublicRead } from '../cache/cached-public-read';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import { isPublicRecord } from '../public-pages/exists';
import { findPublicRatingByKey, type PublicRating } from './public-queries';

/**
 * A rating's label and description for its public page. Cached under the
 * rating scale's tag, which every rating edit expires (lib/ratings/actions.ts),
 * and the claim lists' tag.
 */
export async function getPublicRating(key: string): Promise<PublicRating | null> {
  if (!(await isPublicRecord('ratings', key))) return null;
  return cachedPublicRead(() => findPublicRatingByKey(key), ['public-rating', key], {
    tags: [cacheTags.ratingScale, cacheTags.claimList],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
