import type { DisputeKindValue } from './schema';

// ATTEST_DISPUTE_QUORUM: how many moderators decide a WRONG_RATING dispute's
// uphold or rejection (1 by default; 2 = a second, different moderator
// confirms). Other kinds and other decisions take one moderator.

export type DisputeQuorum = 1 | 2;

export function disputeQuorum(env: Record<string, string | undefined> = process.env): DisputeQuorum {
  const value = env.ATTEST_DISPUTE_QUORUM?.trim();
  if (!value || value === '1') return 1;
  if (value === '2') return 2;
  throw new Error(`ATTEST_DISPUTE_QUORUM must be 1 or 2, not "${value}".`);
}

export function needsSecondModerator(kind: DisputeKindValue, quorum: DisputeQuorum): boolean {
  return quorum === 2 && kind === 'WRONG_RATING';
}
