// Rate limits for anonymous writes (the readers' dispute form today): each
// attempt is counted under several keys at once — who sends it, what it is
// about — each with its own limit and window. Counted in PostgreSQL
// (lib/rate-limit/mutations.ts) so that every app instance shares the counts.

export type RateLimitRule = {
  /** "<what>:<whom>", e.g. "dispute-claim:<claim id>". */
  key: string;
  /** Attempts allowed within one window. */
  limit: number;
  windowMs: number;
};

/** Which rule refused the attempt, and when that key accepts one again. */
export type RateLimitRefusal = { key: string; retryAt: Date };

/**
 * When the key accepts its next attempt, from its hits inside the window,
 * newest first: null while fewer than `limit` count. At the limit, the key
 * frees up when the limit-th newest hit leaves the window.
 */
export function retryAt(hitsNewestFirst: readonly Date[], rule: Pick<RateLimitRule, 'limit' | 'windowMs'>): Date | null {
  if (hitsNewestFirst.length < rule.limit) return null;
  const oldestCounted = hitsNewestFirst[rule.limit - 1];
  return oldestCounted ? new Date(oldestCounted.getTime() + rule.windowMs) : null;
}

/** Whole minutes until `until`, rounded up and never zero ("try again in 0 minutes" would be a lie). */
export function minutesUntil(until: Date, now: Date = new Date()): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
