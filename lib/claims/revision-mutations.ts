import { recordAudit } from '../audit/record';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { claimAuditSelect } from './audit-select';
import { readPublicClaimTags } from './public-tags';
import { revisionAuditSelect } from './revision-proposals';
import type { ClaimRevisionDecisionInput, RejectClaimRevisionInput } from './revision-schema';

// The second editor's decision on a proposed revision of a published claim
// (revision-proposals.ts), and its author's withdrawal. Attest's promise is
// that nothing published changes without a second editor: the author never
// decides on their own revision, and a decision is refused when the revision
// or the claim changed since the reviewer read them.

export const OWN_REVISION = message('errors.revision.ownRevision');
export const ONLY_AUTHOR_WITHDRAWS = message('errors.revision.onlyAuthorWithdraws');


async function loadOpenRevision(tx: Tx, input: ClaimRevisionDecisionInput) {
  const revision = await tx.claimRevision.findUnique({
    where: { id: input.revisionId },
    select: { ...revisionAuditSelect, appearances: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
  });
  if (!revision) throw new MutationError('NOT_FOUND', message('errors.revision.notFound'));
  return revision;
}

function assertStillOpen(revision: { id: string; version: number; state: string }, input: ClaimRevisionDecisionInput) {
  if (revision.version !== input.version) throw MutationError.stale('ClaimRevision', revision.id, 'proposedRevision');
  if (revision.state !== 'PROPOSED') throw new MutationError('INVALID_STATE', message('errors.revision.notWaiting'));
}

async function closeRevision(
  tx: Tx,
  actor: Actor,
  input: ClaimRevisionDecisionInput,
  state: 'APPROVED' | 'REJECTED' | 'WITHDRAWN',
  extra: { reviewerId?: string; reviewComment?: string },
) {
  const before = await tx.claimRevision.findUniqueOrThrow({ where: { id: input.revisionId }, select: revisionAuditSelect });
  const { count } = await tx.claimRevision.updateMany({
    where: { id: input.revisionId, version: input.version, state: 'PROPOSED' },
    data: { state, closedAt: new Date(), ...extra, version: { increment: 1 } },
  });
  if (count === 0) throw MutationError.stale('ClaimRevision', input.revisionId, 'proposedRevision');
  const after = await tx.claimRevision.findUniqueOrThrow({ where: { id: input.revisionId }, select: revisionAuditSelect });
  const action = { APPROVED: 'claim_revision.approve', REJECTED: 'claim_revision.reject', WITHDRAWN: 'claim_revision.withdraw' }[state];
  await recordAudit(tx, { actorId: actor.id, action, entityType: 'ClaimRevision', entityId: input.revisionId, before, after });
}


export type ApprovedRevision = { revisionId: string; claimId: string; publicTags: string[] };

/**
 * "Approve and publish", by an editor who is not the author: in one
 * transaction, the claim takes the proposed fields and version + 1, the
 * proposed quotes become appearances, the revision becomes the public dated
 * entry, each with its audit row. Refused as a conflict when the revision or
 * the claim changed since they were read.
 */
export async function approveClaimRevision(actor: Actor, input: ClaimRevisionDecisionInput): Promise<ApprovedRevision> {
  assertCan(actor, 'claim.review');
  return runMutation(
    async (tx) => {
      const revision = await loadOpenRevision(tx, input);
      if (revision.authorId === actor.id) throw new MutationError('FORBIDDEN', OWN_REVISION);
      assertStillOpen(revision, input);
      const before = await tx.claim.findUniqueOrThrow({ where: { id: revision.claimId }, select: claimAuditSelect });
      if (before.status === 'ARCHIVED') throw new MutationError('INVALID_STATE', message('errors.revision.claimArchived'));
      if (before.version !== revision.baseVersion) throw MutationError.stale('Claim', before.id, 'claim');

      const { count } = await tx.claim.updateMany({
        where: { id: before.id, version: revision.baseVersion },
        data: {
          text: revision.text,
          summary: revision.summary,
          language: revision.language,
          claimantId: revision.claimantId,
          claimedAt: revision.claimedAt,
          updatedById: actor.id,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw MutationError.stale('Claim', before.id, 'claim');
      const after = await tx.claim.findUniqueOrThrow({ where: { id: before.id }, select: claimAuditSelect });
      await recordAudit(tx, { actorId: actor.id, action: 'claim.revise', entityType: 'Claim', entityId: before.id, before, after: { ...after, revisionId: revision.id } });

      for (const proposed of revision.appearances) {
        const { id: proposedId, revisionId: _revisionId, appearanceId: _appearanceId, createdAt: _createdAt, ...quote } = proposed;
        const appearance = await tx.appearance.create({ data: { claimId: before.id, ...quote, createdById: revision.authorId } });
        await tx.proposedAppearance.update({ where: { id: proposedId }, data: { appearanceId: appearance.id } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'appearance.create',
          entityType: 'Appearance',
          entityId: appearance.id,
          after: { ...appearance, revisionId: revision.id },
        });
      }

      await closeRevision(tx, actor, input, 'APPROVED', { reviewerId: actor.id });
      return { revisionId: revision.id, claimId: before.id, publicTags: await readPublicClaimTags(tx, before.id) };
    },
    {
      uniqueViolations: {
        // Cannot happen through the app (quotes are never removed, and are
        // added to a published claim only by revisions, one open at a time),
        // but a row written by hand must not turn into a 500.
        appearances_claim_id_source_id_start_end_key: () =>
          new MutationError('INVALID_STATE', message('errors.revision.quoteAlreadyAppearance')),
      },
    },
  );
}

/** Sends the revision back to its author, closed, with the reviewer's reason. Nothing public changes. */
export async function rejectClaimRevision(actor: Actor, input: RejectClaimRevisionInput): Promise<{ revisionId: string; claimId: string }> {
  assertCan(actor, 'claim.review');
  return runMutation(async (tx) => {
    const revision = await loadOpenRevision(tx, input);
    if (revision.authorId === actor.id) throw new MutationError('FORBIDDEN', OWN_REVISION);
    assertStillOpen(revision, input);
    await closeRevision(tx, actor, input, 'REJECTED', { reviewerId: actor.id, reviewComment: input.comment });
    return { revisionId: revision.id, claimId: revision.claimId };
  });
}

/** Its author takes the proposal back, so that the claim is free for another one. */
export async function withdrawClaimRevision(actor: Actor, input: ClaimRevisionDecisionInput): Promise<{ revisionId: string; claimId: string }> {
  assertCan(actor, 'claim.update');
  return runMutation(async (tx) => {
    const revision = await loadOpenRevision(tx, input);
    if (revision.authorId !== actor.id) throw new MutationError('FORBIDDEN', ONLY_AUTHOR_WITHDRAWS);
    assertStillOpen(revision, input);
    await closeRevision(tx, actor, input, 'WITHDRAWN', {});
    return { revisionId: revision.id, claimId: revision.claimId };
  });
}
