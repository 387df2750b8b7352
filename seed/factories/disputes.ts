import type { DisputeKind } from '../../lib/generated/prisma/enums';
import { createClaimWithAppearance, createVerdict, type CreatedClaim } from './claims';
import { uniqueMarker } from './unique';
import type { FactoryDb } from './users';

// Disputes a test arranges for itself (the integration tests and the e2e
// fixtures): a published claim of its own with a published verdict, and
// readers' disputes on it written as the form would write them.

export type ContestableClaim = CreatedClaim & { verdictId: string; sourceId: string };

/** A published claim whose published verdict was written by `authorId` and approved by `reviewerId`. */
export async function createContestableClaim(db: FactoryDb, { authorId, reviewerId }: { authorId: string; reviewerId: string }): Promise<ContestableClaim> {
  // Published long ago, so that it sorts last in the public listings.
  const claim = await createClaimWithAppearance(db, { status: 'PUBLISHED', summary: `Affirmation contestée ${uniqueMarker()}`, publishedAt: new Date('2000-01-01T00:00:00Z') });
  const verdict = await createVerdict(db, { claimId: claim.id, authorId, reviewerId, state: 'PUBLISHED', evidenceSourceId: claim.appearance.sourceId });
  await db.verdictReview.create({ data: { verdictId: verdict.id, reviewerId, decision: 'APPROVED' } });
  return { ...claim, verdictId: verdict.id, sourceId: claim.appearance.sourceId };
}

export type DisputeOptions = {
  claimId: string;
  verdictId: string;
  kind?: DisputeKind;
  message?: string;
  contactEmail?: string | null;
  publishConsent?: boolean;
  createdAt?: Date;
};

/** An OPEN dispute with its first status change, as a reader's submission leaves it (no follow-up token). */
export async function createDispute(db: FactoryDb, options: DisputeOptions): Promise<{ id: string; version: number }> {
  const createdAt = options.createdAt ?? new Date();
  return db.dispute.create({
    data: {
      claimId: options.claimId,
      verdictId: options.verdictId,
      kind: options.kind ?? 'MISSING_CONTEXT',
      message: options.message ?? `Il manque un élément de contexte important dans ce verdict (${uniqueMarker()}).`,
      contactEmail: options.contactEmail ?? null,
      publishConsent: options.publishConsent ?? false,
      createdAt,
      statusHistory: { create: { fromStatus: null, toStatus: 'OPEN', changedAt: createdAt } },
    },
    select: { id: true, version: true },
  });
}
