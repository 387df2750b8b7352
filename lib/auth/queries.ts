import { prisma } from '../db';
import { accountThrottleKey, lockedUntil, MAX_FAILED_SIGN_INS, type RecentSignInAttempt, signInWindowStart } from './throttle';

/**
 * The accounts among `emails` that too many failed sign-ins lock now, with
 * when each lock ends. For the admins' user list (the caller checks
 * user.manage); the same rule as the sign-in's own check.
 */
export async function findAccountSignInLocks(emails: string[], now: Date = new Date()): Promise<Map<string, Date>> {
  const keyOf = new Map(emails.map((email) => [accountThrottleKey(email), email]));
  const rows = await prisma.signInAttempt.findMany({
    where: { key: { in: [...keyOf.keys()] }, attemptedAt: { gte: signInWindowStart(now) } },
    orderBy: { attemptedAt: 'desc' },
    select: { key: true, attemptedAt: true, succeeded: true },
  });
  const byKey = new Map<string, RecentSignInAttempt[]>();
  for (const { key, ...attempt } of rows) byKey.set(key, [...(byKey.get(key) ?? []), attempt]);
  const locks = new Map<string, Date>();
  for (const [key, attempts] of byKey) {
    const until = lockedUntil(attempts, MAX_FAILED_SIGN_INS);
    const email = keyOf.get(key);
    if (until && until > now && email) locks.set(email, until);
  }
  return locks;
}
