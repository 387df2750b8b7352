import 'server-only';
import { cachedPublicRead } from '../cache/cached-public-read';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import { isPublicRecord } from '../public-pages/exists';
import { findPublicClaimantBySlug, listPublicClaimantDirectory, type PublicClaimant, type PublicClaimantDirectoryEntry } from './public-queries';

// Cached public reads of claimants, like lib/claims/cache.ts: only a claimant
// with a public page gets a cache entry. Both reads count published verdicts,
// so they are also tagged with the claim lists' tag, which every claim and
// verdict change expires; a claimant's edit expires cacheTags.claimant.

export async function getPublicClaimant(slug: string): Promise<PublicClaimant | null> {
  if (!(await isPublicRecord('claimants', slug))) return null;
  return cachedPublicRead(() => findPublicClaimantBySlug(slug), ['public-claimant', slug], {
    tags: [cacheTags.claimant(slug), cacheTags.claimList],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}

/** The whole directory, one cache entry whatever page a reader asks for (lib/claimants/directory.ts pages it). */
export function getPublicClaimantDirectory(): Promise<PublicClaimantDirectoryEntry[]> {
  return cachedPublicRead(() => listPublicClaimantDirectory(), ['public-claimant-directory'], {
    tags: [cacheTags.claimList],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
