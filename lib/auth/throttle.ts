import { message } from '../i18n/message';

// Failed sign-ins are counted per account and per client address, in
// PostgreSQL so that every app instance shares the counters. An attempt is
// reserved (counted as a failure) before its password is checked, and only
// while the counters are under their limits (lib/auth/mutations.ts), so
// parallel guesses cannot all get through; a success turns its reservation
// into a success, which restarts the count.
// An address gets a larger allowance than an account: a newsroom's staff
// often share one office address, and one person's typos must not lock out
// their colleagues.
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILED_SIGN_INS = 5;
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 25;

const WINDOW_MS = SIGN_IN_WINDOW_MINUTES * 60_000;

/** Attempts older than this count for nothing and are pruned. Both limits share one window today. */
export const LONGEST_SIGN_IN_WINDOW_MS = WINDOW_MS;

export type SignInLockScope = 'account' | 'address';

export type SignInThrottleKey = { key: string; scope: SignInLockScope; limit: number };

export type SignInLock = { scope: SignInLockScope; until: Date };

export function accountThrottleKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

/** `clientAddress` is never empty: an unknown client counts under the shared "unknown" address (lib/request/client-address.ts). */
export function signInThrottleKeys(email: string, clientAddress: string): SignInThrottleKey[] {
  return [
    { key: accountThrottleKey(email), scope: 'account', limit: MAX_FAILED_SIGN_INS },
    { key: `ip:${clientAddress}`, scope: 'address', limit: MAX_FAILED_SIGN_INS_PER_ADDRESS },
  ];
}

export function signInWindowStart(now: Date): Date {
  return new Date(now.getTime() - WINDOW_MS);
}

export type RecentSignInAttempt = { attemptedAt: Date; succeeded: boolean };

/**
 * When a key's lock ends, from its attempts in the window, newest first (only
 * the first `limit` matter): locked while the last `limit` attempts all
 * failed, until the oldest of them leaves the window. Null when not locked.
 */
export function lockedUntil(recentNewestFirst: RecentSignInAttempt[], limit: number): Date | null {
  const considered = recentNewestFirst.slice(0, limit);
  if (considered.length < limit || considered.some((attempt) => attempt.succeeded)) return null;
  const oldest = considered[limit - 1];
  return oldest ? new Date(oldest.attemptedAt.getTime() + WINDOW_MS) : null;
}

/** Minutes left, rounded up, never zero: "Try again in 0 minutes" would be a lie. */
export function minutesUntil(until: Date, now: Date = new Date()): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/** What the sign-in form says to someone refused by a lock (a catalogue key: lib/i18n/message.ts). */
export function signInLockMessage(lock: SignInLock, now: Date = new Date()): string {
  return message(lock.scope === 'account' ? 'signIn.errors.accountLocked' : 'signIn.errors.addressLocked', { minutes: minutesUntil(lock.until, now) });
}
