import { recordAudit } from '../audit/record';
import { MutationError } from '../mutations/errors';
import type { Tx } from '../mutations/transaction';
import type { Actor } from '../permissions';

// A claim's status follows what happens to its verdicts, and is decided here
// only: the verdict mutations call moveClaimAfterVerdict inside their
// transaction, which writes the change with its audit row.
//
// A claim has at most one verdict in progress (draft or submitted) at a time,
// so the verdict a review sends back is the one that put the claim in review.

export type ClaimStatus = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';

/** What just happened to one of the claim's verdicts. */
export type VerdictEvent = 'submitted' | 'approved' | 'changes_requested';

export type ClaimPublication = { status: ClaimStatus; publishedAt: Date | null };

/**
 * The claim's status and first publication date after `event`.
 *
 * - submitted: a draft claim goes into review. A published claim stays
 *   published (readers keep the current verdict while the next one is
 *   reviewed); an archived one stays archived.
 * - approved: the claim is published, and keeps the date it was first
 *   published. An archived claim stays archived: archiving is a deliberate
 *   decision a review does not undo, and the correction shows on its archived
 *   (still public) page.
 * - changes_requested: a claim never published goes back to draft with its
 *   verdict, instead of saying "In review" while the verdict is back with its
 *   author. A published or archived claim keeps its status.
 */
export function claimAfterVerdict(claim: ClaimPublication, event: VerdictEvent, at: Date): ClaimPublication {
  switch (event) {
    case 'submitted':
      return claim.status === 'DRAFT' ? { ...claim, status: 'IN_REVIEW' } : claim;
    case 'approved':
      return { status: claim.status === 'ARCHIVED' ? 'ARCHIVED' : 'PUBLISHED', publishedAt: claim.publishedAt ?? at };
    case 'changes_requested':
      return claim.status === 'IN_REVIEW' && claim.publishedAt === null ? { ...claim, status: 'DRAFT' } : claim;
  }
}

const publicationSelect = { status: true, publishedAt: true, version: true } as const;

const auditAction: Record<VerdictEvent, string> = {
  submitted: 'claim.in_review',
  approved: 'claim.publish',
  changes_requested: 'claim.back_to_draft',
};

/**
 * Moves the claim as claimAfterVerdict decides, inside the verdict mutation's
 * transaction, with its audit row; writes nothing when the claim stays as it
 * is. The update is conditional on the status it read: a claim whose status
 * changed meanwhile (archived by an admin) refuses the whole mutation as a
 * conflict rather than being moved from a state it is no longer in.
 */
export async function moveClaimAfterVerdict(
  tx: Tx,
  actor: Actor,
  change: { claimId: string; verdictId: string; event: VerdictEvent; at: Date },
): Promise<ClaimPublication> {
  const before = await tx.claim.findUniqueOrThrow({ where: { id: change.claimId }, select: publicationSelect });
  const next = claimAfterVerdict(before, change.event, change.at);
  if (next.status === before.status && next.publishedAt?.getTime() === before.publishedAt?.getTime()) return next;

  const { count } = await tx.claim.updateMany({
    where: { id: change.claimId, status: before.status },
    data: { status: next.status, publishedAt: next.publishedAt, updatedById: actor.id, version: { increment: 1 } },
  });
  if (count === 0) throw MutationError.stale('Claim', change.claimId, 'claim');
  const after = await tx.claim.findUniqueOrThrow({ where: { id: change.claimId }, select: publicationSelect });
  await recordAudit(tx, {
    actorId: actor.id,
    action: auditAction[change.event],
    entityType: 'Claim',
    entityId: change.claimId,
    before,
    after: { ...after, verdictId: change.verdictId },
  });
  return next;
}
