import 'server-only';
import { updateTag } from 'next/cache';

/**
 * Expires public cache entries from a server action (read-your-own-writes:
 * the next request waits for fresh data). Call it after the mutation has
 * committed, outside any try/catch.
 */
export function expirePublicTags(tags: Iterable<string>): void {
  for (const tag of new Set(tags)) updateTag(tag);
}
