import 'server-only';
import { updateTag } from 'next/cache';
import { notePublicWrite } from '../db/public-writes';

/**
 * Expires public cache entries from a server action (read-your-own-writes:
 * the next request waits for fresh data). Call it after the mutation has
 * committed, outside any try/catch.
 */
export async function expirePublicTags(tags: Iterable<string>): Promise<void> {
  // Before any tag expires: the reads that refill the caches must see this
  // commit, so replicas that have not replayed it stop answering them (lib/db/public-read.ts).
  await notePublicWrite();
  for (const tag of new Set(tags)) updateTag(tag);
}
