import 'server-only';
import { cachedPublicRead } from '../cache/cached-public-read';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import { isPublicRecord } from '../public-pages/exists';
import { findPublicSourceById, type PublicSource } from './queries';

/** Cached like getPublicClaim (lib/claims/cache.ts): only a source that is public gets a cache entry. */
export async function getPublicSource(id: string): Promise<PublicSource | null> {
  if (!(await isPublicRecord('sources', id))) return null;
  return cachedPublicRead(() => findPublicSourceById(id), ['public-source', id], {
    tags: [cacheTags.source(id)],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
