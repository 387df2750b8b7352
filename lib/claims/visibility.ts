import type { Prisma } from '../generated/prisma/client';
import type { ClaimPublication } from './status';

/**
 * What readers may see. A claim is public once published; archiving keeps it
 * readable at its URL (with a banner) because a URL that was once public must
 * never turn into a 404. Drafts and claims in review are invisible.
 */
export const publicClaimWhere = {
  OR: [{ status: 'PUBLISHED' }, { status: 'ARCHIVED', publishedAt: { not: null } }],
} satisfies Prisma.ClaimWhereInput;

/** Listings show live claims only; archived ones stay reachable by URL. */
export const listedClaimWhere = { status: 'PUBLISHED' } satisfies Prisma.ClaimWhereInput;

/** A source is public when a public claim quotes it or a published verdict cites it. */
export const publicSourceWhere = {
  OR: [
    { appearances: { some: { claim: publicClaimWhere } } },
    { evidence: { some: { verdict: { state: { in: ['PUBLISHED', 'SUPERSEDED'] }, claim: publicClaimWhere } } } },
  ],
} satisfies Prisma.SourceWhereInput;

/** Readers can open it: the predicate form of publicClaimWhere, for a row already read. */
export function isPublicClaim(claim: ClaimPublication): boolean {
  return claim.status === 'PUBLISHED' || (claim.status === 'ARCHIVED' && claim.publishedAt !== null);
}

/**
 * Readers have seen this claim. From then on its slug never changes, its
 * quotes are never removed, and what it tells readers changes only through
 * a revision another editor approves (lib/claims/revision-proposals.ts).
 */
export function hasBeenPublished(claim: ClaimPublication): boolean {
  return claim.status === 'PUBLISHED' || claim.publishedAt !== null;
}
