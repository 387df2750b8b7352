import 'server-only';
import { unstable_cache } from 'next/cache';
import { withPublicRead } from '../db/public-read';

/**
 * unstable_cache for the public reads of lib/*\/cache.ts: the same cache
 * entry, keys and tags, and a refill that runs as a public read
 * (lib/db/public-read.ts), so a caught-up replica may answer it.
 */
export function cachedPublicRead<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  keyParts: string[],
  options: { tags: string[]; revalidate: number | false },
): (...args: Args) => Promise<Result> {
  return unstable_cache((...args: Args) => withPublicRead(() => read(...args)), keyParts, options);
}
