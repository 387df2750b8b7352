import 'server-only';
import { cachedPublicRead } from '../cache/cached-public-read';
import { withPublicRead } from '../db/public-read';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import { isPublicRecord } from '../public-pages/exists';
import {
  findPublicClaimBySlug,
  listPublishedClaims,
  type PublicClaimDetail,
  type PublicClaimFilter,
  type PublicClaimPage,
} from './queries';
import type { ClaimListCursor } from './schema';

// Cached, published-only reads for the public pages and the read API.
//
// Only what exists gets a cache entry. unstable_cache writes every entry to
// .next/cache/fetch-cache, a miss (null) included: keyed by whatever slug or
// cursor an anonymous client sends, each random request would add a file
// until the disk is full.

export async function getPublicClaim(slug: string): Promise<PublicClaimDetail | null> {
  if (!(await isPublicRecord('claims', slug))) return null;
  return cachedPublicRead(() => findPublicClaimBySlug(slug), ['public-claim', slug], {
    tags: [cacheTags.claim(slug)],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}

const EMPTY_PAGE: PublicClaimPage = { items: [], nextCursor: null };

/** Whether every key the filter names has a public page (a claimant, tag or rating readers can reach). */
async function filterNamesPublicRecords(filter: PublicClaimFilter): Promise<boolean> {
  const checks = [
    filter.claimantSlug === undefined || (await isPublicRecord('claimants', filter.claimantSlug)),
    filter.tag === undefined || (await isPublicRecord('tags', filter.tag)),
    filter.ratingKey === undefined || (await isPublicRecord('ratings', filter.ratingKey)),
  ];
  return checks.every(Boolean);
}

/**
 * Published claims, newest first, optionally of one claimant, tag or rating.
 * The first page (one entry per limit and filter, at most 100) is cached, once
 * the filter's keys are known to exist; later pages are keyed by a cursor the
 * client controls, so they are read uncached (one indexed keyset query).
 */
export async function getPublishedClaimPage(limit: number, after: ClaimListCursor | null, filter: PublicClaimFilter = {}): Promise<PublicClaimPage> {
  if (!(await filterNamesPublicRecords(filter))) return EMPTY_PAGE;
  if (after) return withPublicRead(() => listPublishedClaims({ limit, after, filter }));
  const key = ['public-claim-list', String(limit), filter.claimantSlug ?? '', filter.tag ?? '', filter.ratingKey ?? ''];
  return cachedPublicRead(() => listPublishedClaims({ limit, after: null, filter }), key, {
    tags: [cacheTags.claimList],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
