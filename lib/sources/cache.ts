import 'server-only';
import { unstable_cache } from 'next/cache';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import { findPublicSourceById } from './queries';

export function getPublicSource(id: string) {
  return unstable_cache(() => findPublicSourceById(id), ['public-source', id], {
    tags: [cacheTags.source(id)],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
