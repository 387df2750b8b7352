import 'server-only';
import { unstable_cache } from 'next/cache';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import { findPublicClaimBySlug, listPublishedClaims } from './queries';
import type { ClaimListCursor } from './schema';

// Cached, published-only reads for the public pages and the read API.

export function getPublicClaim(slug: string) {
  return unstable_cache(() => findPublicClaimBySlug(slug), ['public-claim', slug], {
    tags: [cacheTags.claim(slug)],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}

export function getPublishedClaimPage(limit: number, after: ClaimListCursor | null) {
  return unstable_cache(() => listPublishedClaims({ limit, after }), ['public-claim-list', String(limit), after?.publishedAt ?? '', after?.id ?? ''], {
    tags: [cacheTags.claimList],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
