import { runMutation, type Tx } from '../mutations/transaction';
import { LONGEST_SIGN_IN_WINDOW_MS, lockedUntil, type SignInLock, type SignInThrottleKey, signInWindowStart } from './throttle';

// The sign-in attempt log (sign_in_attempts). No actor and no audit row: these
// rows are the record of the attempts themselves.

export type SignInReservation = { reserved: true; attemptIds: string[] } | { reserved: false; lock: SignInLock };

/** Expired rows removed per reservation: more than a reservation adds, so the table stays about one window long. */
const PRUNE_BATCH = 200;

/**
 * Counts this attempt as a failure before its password is checked, unless a
 * key is already at its limit. The keys' advisory locks (taken in one order,
 * so two sign-ins never wait for each other in a circle) make the check and
 * the insert one step: of 60 parallel guesses at one account, 5 are reserved
 * and 55 refused without hashing anything.
 */
export async function reserveSignInAttempt(keys: SignInThrottleKey[], now: Date = new Date()): Promise<SignInReservation> {
  return runMutation(async (tx) => {
    for (const { key } of [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
    }
    const since = signInWindowStart(now);
    const locks: SignInLock[] = [];
    for (const { key, scope, limit } of keys) {
      const recent = await tx.signInAttempt.findMany({
        where: { key, attemptedAt: { gte: since } },
        orderBy: { attemptedAt: 'desc' },
        take: limit,
        select: { attemptedAt: true, succeeded: true },
      });
      const until = lockedUntil(recent, limit);
      if (until) locks.push({ scope, until });
    }
    // Locked both ways: name the lock that lasts longer, the one the user has to wait for.
    const lock = locks.sort((a, b) => b.until.getTime() - a.until.getTime())[0];
    if (lock) return { reserved: false, lock };

    const attempts = await tx.signInAttempt.createManyAndReturn({
      data: keys.map(({ key }) => ({ key, succeeded: false, attemptedAt: now })),
      select: { id: true },
    });
    await pruneExpiredSignInAttempts(tx, new Date(now.getTime() - LONGEST_SIGN_IN_WINDOW_MS));
    return { reserved: true, attemptIds: attempts.map((attempt) => attempt.id) };
  });
}

/**
 * Attempts older than the longest window count for nothing. Attest has no
 * scheduler, so pruning rides on the write that makes rows: each reservation
 * deletes a bounded batch of the oldest expired ones (index on attempted_at),
 * skipping rows a parallel reservation is already deleting instead of waiting.
 */
async function pruneExpiredSignInAttempts(tx: Tx, cutoff: Date): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM "sign_in_attempts" WHERE "id" IN (
      SELECT "id" FROM "sign_in_attempts" WHERE "attempted_at" < ${cutoff}
      ORDER BY "attempted_at" LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`;
}

/** The password was right: the reserved attempt was a success, which restarts the keys' counts. */
export async function confirmSignInSucceeded(attemptIds: string[]): Promise<void> {
  await runMutation((tx) => tx.signInAttempt.updateMany({ where: { id: { in: attemptIds } }, data: { succeeded: true } }));
}
