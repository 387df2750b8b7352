import { AsyncLocalStorage } from 'node:async_hooks';
import type { PrismaClient } from '../generated/prisma/client';
import { requiredReplayLsn } from './public-writes';
import { hasReplicas, markReplicaDown, replicaCaughtUpTo, type Replica } from './replicas';

// Public reads (what anonymous pages, feeds and the read API show) may be
// answered by a streaming replica; every other read, and every write, by the
// primary. A read is public when it runs inside withPublicRead: the cached
// public reads enter it through cachedPublicRead (lib/cache/cached-public-read.ts),
// and the `prisma` client of lib/db.ts answers from the scope's replica.
//
// The rule that keeps replica lag out of the caches: a replica answers only
// if it has replayed the last commit that changed public content
// (lib/db/public-writes.ts); otherwise, or if it fails, the primary does.

type Scope = { replica: Replica | null };
const scope = new AsyncLocalStorage<Scope>();

/** The replica client of the public read running now, or null (the primary answers). */
export function publicReadReplicaClient(): PrismaClient | null {
  return scope.getStore()?.replica?.client ?? null;
}

/** Next's redirect/notFound/dynamic-usage signals carry a digest: they are not database failures. */
function isControlFlow(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { digest?: unknown }).digest === 'string';
}

/**
 * Runs `read` as a public read. The replica is chosen once, when the scope is
 * entered (nested calls keep it). `read` must only read: it may run twice,
 * on the replica and then on the primary if the replica failed.
 */
export async function withPublicRead<T>(read: () => Promise<T>): Promise<T> {
  if (scope.getStore() || !hasReplicas()) return read();
  const required = await requiredReplayLsn();
  const replica = required === null ? null : await replicaCaughtUpTo(required);
  if (!replica) return scope.run({ replica: null }, read);
  try {
    return await scope.run({ replica }, read);
  } catch (replicaError) {
    if (isControlFlow(replicaError)) throw replicaError;
    // The same read on the primary tells a replica failure (the primary
    // answers) from a failing read (it fails there too, and that error is thrown).
    const answer = await scope.run({ replica: null }, read);
    markReplicaDown(replica, replicaError);
    return answer;
  }
}
