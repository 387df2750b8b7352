import 'server-only';
import { cachedPublicRead } from '../cache/cached-public-read';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import { isPublicRecord } from '../public-pages/exists';
import { findPublicChallenges, type PublicChallenges } from './queries';

/**
 * The "Reader challenges" of a public claim, cached under the claim's tag:
 * a submission or a decision expires it (lib/disputes/actions.ts), and so
 * does publishing a corrected verdict. Like getPublicClaim, only a claim that
 * is public gets a cache entry.
 */
export async function getPublicChallenges(slug: string): Promise<PublicChallenges | null> {
  if (!(await isPublicRecord('claims', slug))) return null;
  return cachedPublicRead(() => findPublicChallenges(slug), ['public-claim-challenges', slug], {
    tags: [cacheTags.claim(slug)],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
