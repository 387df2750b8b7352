import 'server-only';
import { unstable_cache } from 'next/cache';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import { isPublicRecord } from '../public-pages/exists';
import { findPublicClaimBySlug, listPublishedClaims, type PublicClaimDetail, type PublicClaimPage } from './queries';
import type { ClaimListCursor } from './schema';

// Cached, published-only reads for the public pages and the read API.
//
// Only what exists gets a cache entry. unstable_cache writes every entry to
// .next/cache/fetch-cache, a miss (null) included: keyed by whatever slug or
// cursor an anonymous client sends, each random request would add a file
// until the disk is full.

export async function getPublicClaim(slug: string): Promise<PublicClaimDetail | null> {
  if (!(await isPublicRecord('claims', slug))) return null;
  return unstable_cache(() => findPublicClaimBySlug(slug), ['public-claim', slug], {
    tags: [cacheTags.claim(slug)],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}

/**
 * The first page (one entry per limit, at most 100) is cached; later pages
 * are keyed by a cursor the client controls, so they are read uncached
 * (one indexed keyset query).
 */
export function getPublishedClaimPage(limit: number, after: ClaimListCursor | null): Promise<PublicClaimPage> {
  if (after) return listPublishedClaims({ limit, after });
  return unstable_cache(() => listPublishedClaims({ limit, after: null }), ['public-claim-list', String(limit), '', ''], {
    tags: [cacheTags.claimList],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
