import { recordAudit } from '../audit/record';
import { moveClaimAfterVerdict } from '../claims/status';
import { resolveEscalatedDisputesOnPublish } from '../disputes/mutations';
import type { Prisma } from '../db';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { NO_APPEARANCE } from './mutations';
import type { RequestChangesInput, ReviewDecisionInput } from './schema';
import { publishRaces, verdictAuditSelect, type Tx, type VerdictAuditRow } from './shared-mutations';

// The second editor's decision on a submitted verdict. Nobody reviews their
// own verdict, and a review is refused when the verdict changed (or was
// already reviewed) since the reviewer opened it.

export const OWN_VERDICT = message('errors.verdict.ownVerdict');

export type PublishedVerdict = {
  verdictId: string;
  claimId: string;
  claimSlug: string;
  /** Every source the public pages show for this claim: their cache entries must be refreshed. */
  sourceIds: string[];
  supersededVerdictId: string | null;
};

async function loadSubmitted(tx: Tx, actor: Actor, input: ReviewDecisionInput): Promise<VerdictAuditRow> {
  const verdict = await tx.verdict.findUnique({ where: { id: input.verdictId }, select: verdictAuditSelect });
  if (!verdict) throw new MutationError('NOT_FOUND', message('errors.verdict.notFound'));
  if (verdict.authorId === actor.id) throw new MutationError('FORBIDDEN', OWN_VERDICT);
  if (verdict.version !== input.version) throw MutationError.stale('Verdict', verdict.id, 'verdict');
  if (verdict.state !== 'SUBMITTED') throw new MutationError('INVALID_STATE', message('errors.verdict.notWaiting'));
  return verdict;
}

/** Takes the optimistic lock on the verdict before anything else is written. */
async function lockForReview(tx: Tx, verdict: VerdictAuditRow, input: ReviewDecisionInput, data: Prisma.VerdictUncheckedUpdateManyInput) {
  const { count } = await tx.verdict.updateMany({
    where: { id: verdict.id, version: input.version, state: 'SUBMITTED' },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw MutationError.stale('Verdict', verdict.id, 'verdict');
}

async function recordReview(tx: Tx, actor: Actor, verdict: VerdictAuditRow, decision: 'APPROVED' | 'CHANGES_REQUESTED', comment: string | null) {
  const review = await tx.verdictReview.create({
    data: { verdictId: verdict.id, reviewerId: actor.id, decision, comment },
    select: { id: true, verdictId: true, reviewerId: true, decision: true, comment: true, createdAt: true },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'verdict_review.create',
    entityType: 'VerdictReview',
    entityId: review.id,
    after: { ...review, claimId: verdict.claimId },
  });
}

/**
 * Sends the verdict back to its author as a draft, with the reviewer's
 * comment; a claim never published goes back to draft with it (lib/claims/status.ts).
 */
export async function requestVerdictChanges(actor: Actor, input: RequestChangesInput): Promise<{ verdictId: string; claimId: string }> {
  assertCan(actor, 'verdict.review');
  return runMutation(
    async (tx) => {
      const verdict = await loadSubmitted(tx, actor, input);
      await lockForReview(tx, verdict, input, { state: 'DRAFT', submittedAt: null });
      await recordReview(tx, actor, verdict, 'CHANGES_REQUESTED', input.comment);
      const after = await tx.verdict.findUniqueOrThrow({ where: { id: verdict.id }, select: verdictAuditSelect });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'verdict.request_changes',
        entityType: 'Verdict',
        entityId: verdict.id,
        before: verdict,
        after: { ...after, comment: input.comment },
      });
      await moveClaimAfterVerdict(tx, actor, { claimId: verdict.claimId, verdictId: verdict.id, event: 'changes_requested', at: new Date() });
      return { verdictId: verdict.id, claimId: verdict.claimId };
    },
  );
}

/**
 * Approves and publishes, in one transaction: the review, the published
 * verdict it replaces (SUPERSEDED, with a public Correction), the new
 * PUBLISHED verdict, and the claim. The old verdict is superseded before the
 * new one is published, because the database allows one published verdict
 * per claim at any instant.
 *
 * The claim moves as lib/claims/status.ts decides: published, or still
 * archived (a correction to an archived fact check shows on its archived page).
 */
export async function approveVerdict(actor: Actor, input: ReviewDecisionInput): Promise<PublishedVerdict> {
  assertCan(actor, 'verdict.review');
  return runMutation(
    async (tx) => {
      const verdict = await loadSubmitted(tx, actor, input);
      const claim = await tx.claim.findUniqueOrThrow({
        where: { id: verdict.claimId },
        select: { id: true, slug: true, status: true, publishedAt: true, appearances: { select: { sourceId: true } } },
      });
      if (claim.status === 'ARCHIVED' && !claim.publishedAt) {
        throw new MutationError('INVALID_STATE', message('errors.verdict.claimArchivedCannotPublish'));
      }
      if (claim.appearances.length === 0) throw new MutationError('INVALID_STATE', NO_APPEARANCE);
      const previous = await tx.verdict.findFirst({ where: { claimId: claim.id, state: 'PUBLISHED' }, select: verdictAuditSelect });
      const correctionNote = verdict.correctionNote?.trim();
      if (previous && !correctionNote) {
        throw new MutationError('INVALID_STATE', message('errors.verdict.approvalNeedsCorrectionNote'));
      }

      const now = new Date();
      await lockForReview(tx, verdict, input, { reviewerId: actor.id });
      await recordReview(tx, actor, verdict, 'APPROVED', null);

      if (previous) {
        const superseded = await tx.verdict.update({
          where: { id: previous.id },
          data: { state: 'SUPERSEDED', supersededAt: now },
          select: verdictAuditSelect,
        });
        await recordAudit(tx, { actorId: actor.id, action: 'verdict.supersede', entityType: 'Verdict', entityId: previous.id, before: previous, after: superseded });
      }

      const published = await tx.verdict.update({
        where: { id: verdict.id },
        data: { state: 'PUBLISHED', publishedAt: now, supersedesId: previous?.id ?? null },
        select: verdictAuditSelect,
      });
      await recordAudit(tx, { actorId: actor.id, action: 'verdict.publish', entityType: 'Verdict', entityId: verdict.id, before: verdict, after: published });

      if (previous && correctionNote) {
        const correction = await tx.correction.create({
          data: {
            claimId: claim.id,
            fromVerdictId: previous.id,
            toVerdictId: verdict.id,
            fromRatingId: previous.ratingId,
            toRatingId: verdict.ratingId,
            note: correctionNote,
            authorId: verdict.authorId,
            publishedAt: now,
          },
        });
        await recordAudit(tx, { actorId: actor.id, action: 'correction.create', entityType: 'Correction', entityId: correction.id, after: correction });
        await resolveEscalatedDisputesOnPublish(tx, { claimId: claim.id, correctionId: correction.id, actorId: actor.id });
      }

      await moveClaimAfterVerdict(tx, actor, { claimId: claim.id, verdictId: verdict.id, event: 'approved', at: now });

      const sourceIds = new Set([
        ...claim.appearances.map((appearance) => appearance.sourceId),
        ...verdict.evidence.map((evidence) => evidence.sourceId),
        ...(previous?.evidence ?? []).map((evidence) => evidence.sourceId),
      ]);
      return { verdictId: verdict.id, claimId: claim.id, claimSlug: claim.slug, sourceIds: [...sourceIds], supersededVerdictId: previous?.id ?? null };
    },
    { uniqueViolations: publishRaces },
  );
}
