import 'server-only';
import { cachedPublicRead } from '../cache/cached-public-read';
import { withPublicRead } from '../db/public-read';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import type { ClaimListCursor } from '../claims/schema';
import { listPublishedCorrections, type PublicCorrectionPage } from './queries';

// Cached, published-only reads of the corrections log, for /corrections and
// its feeds. They live under the claim list's tag: a correction appears when
// a verdict is published (which expires it), and each entry shows what the
// lists show — the claim's summary and the ratings' labels — which expire it too.

/**
 * The first page (one entry per limit) is cached; later pages are keyed by
 * a cursor the client controls, so they are read uncached (one indexed
 * keyset query), as lib/claims/cache.ts does for the claim list.
 */
export function getPublishedCorrectionPage(limit: number, after: ClaimListCursor | null): Promise<PublicCorrectionPage> {
  if (after) return withPublicRead(() => listPublishedCorrections({ limit, after }));
  return cachedPublicRead(() => listPublishedCorrections({ limit, after: null }), ['public-correction-list', String(limit)], {
    tags: [cacheTags.claimList],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
