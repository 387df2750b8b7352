import type { Tx } from '../mutations/transaction';
import { type RateLimitRefusal, type RateLimitRule, retryAt } from './rules';

// The rate-limit store (rate_limit_hits). No actor and no audit row: the rows
// are the record of the attempts themselves. The approach is the sign-in
// throttle's (lib/auth/mutations.ts reserveSignInAttempt): advisory locks on
// the keys, taken in one order, make "count, then add" one step, so parallel
// attempts cannot all slip under a limit.

export type RateLimitReservation = { reserved: true } | { reserved: false; refusal: RateLimitRefusal };

/** Expired rows removed per reservation: more than one adds, so the table stays about one window long. */
const PRUNE_BATCH = 200;

/**
 * Counts one attempt under every rule's key, unless one of them is at its
 * limit (then nothing is counted, and the refusal names the key that frees
 * up last: the one the sender really has to wait for). Runs inside the
 * caller's transaction: the count commits with the write it allowed, and a
 * write that rolls back is not counted. The advisory locks are held until
 * that transaction ends.
 */
export async function reserveRateLimitedAttempt(tx: Tx, rules: readonly RateLimitRule[], now: Date = new Date()): Promise<RateLimitReservation> {
  const keys = [...new Set(rules.map((rule) => rule.key))].sort();
  for (const key of keys) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  }
  const refusals: RateLimitRefusal[] = [];
  for (const rule of rules) {
    const hits = await tx.rateLimitHit.findMany({
      where: { key: rule.key, at: { gt: new Date(now.getTime() - rule.windowMs) } },
      orderBy: { at: 'desc' },
      take: rule.limit,
      select: { at: true },
    });
    const until = retryAt(
      hits.map((hit) => hit.at),
      rule,
    );
    if (until) refusals.push({ key: rule.key, retryAt: until });
  }
  const refusal = refusals.sort((a, b) => b.retryAt.getTime() - a.retryAt.getTime())[0];
  if (refusal) return { reserved: false, refusal };

  await tx.rateLimitHit.createMany({
    data: rules.map((rule) => ({ key: rule.key, at: now, expiresAt: new Date(now.getTime() + rule.windowMs) })),
  });
  await pruneExpiredHits(tx, now);
  return { reserved: true };
}

/**
 * Attest has no scheduler, so pruning rides on the write that makes rows:
 * each reservation deletes a bounded batch of expired ones (index on
 * expires_at), skipping rows a parallel reservation is already deleting.
 */
async function pruneExpiredHits(tx: Tx, now: Date): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM "rate_limit_hits" WHERE "id" IN (
      SELECT "id" FROM "rate_limit_hits" WHERE "expires_at" < ${now}
      ORDER BY "expires_at" LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`;
}
