import 'server-only';
import { cachedPublicRead } from '../cache/cached-public-read';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import { isPublicRecord } from '../public-pages/exists';
import { findRelatedFactChecks, type RelatedFactCheck } from './queries';

/**
 * A public claim page's "Related fact checks", cached with the page's other
 * reads. Tagged with the claim (its own wording changes what it matches) and
 * with the claim list, which every publication, archiving, rename or verdict
 * expires (publicTagsForClaim, the claimant mutations): a claim published or
 * changed anywhere may enter or leave another page's block. Only a public
 * claim gets an entry (see lib/claims/cache.ts for why).
 */
export async function getRelatedFactChecks(slug: string): Promise<RelatedFactCheck[]> {
  if (!(await isPublicRecord('claims', slug))) return [];
  return cachedPublicRead(() => findRelatedFactChecks(slug), ['public-related-fact-checks', slug], {
    tags: [cacheTags.claim(slug), cacheTags.claimList],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
