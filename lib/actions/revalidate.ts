import 'server-only';
import { updateTag } from 'next/cache';
import { after } from 'next/server';
import { purgeVarnishAfterCommit } from '../cache/varnish';
import { notePublicWrite } from '../db/public-writes';

/**
 * Expires public cache entries from a server action (read-your-own-writes:
 * the next request waits for fresh data), in Next's cache and then in every
 * Varnish node (ATTEST_VARNISH_URLS). Call it after the mutation has
 * committed, outside any try/catch: the one place where a public change
 * leaves the caches.
 */
export async function expirePublicTags(tags: Iterable<string>): Promise<void> {
  const unique = [...new Set(tags)];
  // Before any tag expires: the reads that refill the caches must see this
  // commit, so replicas that have not replayed it stop answering them (lib/db/public-read.ts).
  await notePublicWrite();
  for (const tag of unique) updateTag(tag);
  // After the response, when Next has applied the expired tags to its own
  // cache (shared through Redis across instances), so that the page a purged
  // node fetches again is rendered from fresh data; the purge's second pass
  // covers a page still rendering from older data. It never throws: the write
  // is committed whatever happens to the purge.
  after(() => purgeVarnishAfterCommit(unique));
}
