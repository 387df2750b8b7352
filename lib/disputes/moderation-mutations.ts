import { recordAudit } from '../audit/record';
import type { Prisma } from '../db';
import type { DisputeStatus } from '../generated/prisma/enums';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { type DisputeAuditRow, disputeAuditSelect, disputeAuditSnapshot } from './audit';
import { independenceRefusal, verdictInvolvementSelect } from './independence';
import { isClosedStatus } from './labels';
import { emailDecision } from './notifications';
import { disputeQuorum, needsSecondModerator } from './quorum';
import type { ConfirmDecisionInput, MarkDuplicateInput, RejectDisputeInput, TakeDisputeInput, UpholdDisputeInput } from './schema';

// The moderators' decisions. Each is one transaction — the dispute (behind
// its optimistic lock), a DisputeStatusChange, its audit row — refused to
// anyone who wrote or approved the disputed verdict. Under
// ATTEST_DISPUTE_QUORUM=2 a reject or an uphold of a WRONG_RATING dispute is
// only proposed, and a second, different moderator confirms it.

export type ModerationResult = {
  disputeId: string;
  claimSlug: string;
  status: DisputeStatus;
  /** True when the decision now waits for a second moderator. */
  pending: boolean;
};

/** Still waiting for a moderator's decision: the only states a decision applies to. */
const UNDECIDED: DisputeStatus[] = ['OPEN', 'TRIAGED'];

const loadSelect = {
  ...disputeAuditSelect,
  claim: { select: { slug: true, summary: true } },
  verdict: { select: verdictInvolvementSelect },
} satisfies Prisma.DisputeSelect;

type LoadedDispute = Prisma.DisputeGetPayload<{ select: typeof loadSelect }>;

async function loadForModeration(tx: Tx, actor: Actor, input: { disputeId: string; version: number }): Promise<LoadedDispute> {
  const dispute = await tx.dispute.findUnique({ where: { id: input.disputeId }, select: loadSelect });
  if (!dispute) throw new MutationError('NOT_FOUND', message('disputePage.errors.gone'));
  const refusal = independenceRefusal(actor.id, dispute.verdict);
  if (refusal) throw new MutationError('FORBIDDEN', refusal);
  if (dispute.version !== input.version) throw staleDispute();
  return dispute;
}

/**
 * Another moderator acted on the dispute since the form was opened. A plain
 * conflict rather than MutationError.stale: the message speaks of moderators
 * and the form keeps the reason that was typed.
 */
function staleDispute(): MutationError {
  return new MutationError('CONFLICT', message('disputePage.errors.stale'));
}

function assertUndecided(dispute: LoadedDispute): void {
  if (!UNDECIDED.includes(dispute.status)) throw new MutationError('INVALID_STATE', message('disputePage.errors.alreadyDecided'));
}

type Change = {
  action: string;
  data: Prisma.DisputeUncheckedUpdateManyInput;
  /** Written when the status changes (a quorum proposal changes none). */
  statusChange?: { to: DisputeStatus; note: string | null };
};

/** The optimistic lock, the history row and the audit row: every decision ends here. */
async function applyChange(tx: Tx, actor: Actor, dispute: LoadedDispute, version: number, change: Change): Promise<DisputeAuditRow> {
  const now = new Date();
  const closing = change.statusChange && isClosedStatus(change.statusChange.to) ? { closedAt: now } : {};
  const { count } = await tx.dispute.updateMany({
    where: { id: dispute.id, version },
    data: { ...change.data, ...closing, version: { increment: 1 } },
  });
  if (count === 0) throw staleDispute();
  if (change.statusChange) {
    await tx.disputeStatusChange.create({
      data: { disputeId: dispute.id, fromStatus: dispute.status, toStatus: change.statusChange.to, actorId: actor.id, note: change.statusChange.note, changedAt: now },
    });
  }
  const after = await tx.dispute.findUniqueOrThrow({ where: { id: dispute.id }, select: disputeAuditSelect });
  await recordAudit(tx, {
    actorId: actor.id,
    action: change.action,
    entityType: 'Dispute',
    entityId: dispute.id,
    before: disputeAuditSnapshot(dispute),
    after: disputeAuditSnapshot(after),
  });
  return after;
}

const noPending = { pendingStatus: null, pendingNote: null, pendingById: null, pendingAt: null } as const;

/** After the commit: the reader is told of a decision if they left an address. */
async function tellReader(dispute: LoadedDispute, after: DisputeAuditRow): Promise<void> {
  if (!after.contactEmail || after.status === dispute.status || UNDECIDED.includes(after.status)) return;
  await emailDecision(after.contactEmail, { locale: after.locale, claimSummary: dispute.claim.summary, status: after.status, reason: after.resolutionNote });
}

async function moderate(
  actor: Actor,
  input: { disputeId: string; version: number },
  decide: (tx: Tx, dispute: LoadedDispute) => Promise<Change>,
): Promise<ModerationResult> {
  assertCan(actor, 'dispute.moderate');
  const { dispute, after } = await runMutation(async (tx) => {
    const dispute = await loadForModeration(tx, actor, input);
    const after = await applyChange(tx, actor, dispute, input.version, await decide(tx, dispute));
    return { dispute, after };
  });
  await tellReader(dispute, after);
  return { disputeId: dispute.id, claimSlug: dispute.claim.slug, status: after.status, pending: after.pendingStatus !== null };
}

/** Take this dispute: OPEN → TRIAGED, assigned to the actor. */
export function takeDispute(actor: Actor, input: TakeDisputeInput): Promise<ModerationResult> {
  return moderate(actor, input, async (_tx, dispute) => {
    if (dispute.status !== 'OPEN') throw new MutationError('INVALID_STATE', message('disputePage.errors.alreadyTaken'));
    return { action: 'dispute.take', data: { status: 'TRIAGED', moderatorId: actor.id }, statusChange: { to: 'TRIAGED', note: input.reason } };
  });
}

/**
 * A decision that may need a second moderator: applied at once, or (quorum)
 * recorded as the pending decision, which replaces any earlier proposal.
 */
function decideOrPropose(actor: Actor, dispute: LoadedDispute, to: 'REJECTED' | 'ESCALATED', reason: string, action: string): Change {
  assertUndecided(dispute);
  if (needsSecondModerator(dispute.kind, disputeQuorum())) {
    return { action: `${action}.propose`, data: { pendingStatus: to, pendingNote: reason, pendingById: actor.id, pendingAt: new Date() } };
  }
  return { action, data: { status: to, resolutionNote: reason, moderatorId: actor.id, ...noPending }, statusChange: { to, note: reason } };
}

/** Reject, with the reason the reader reads. */
export function rejectDispute(actor: Actor, input: RejectDisputeInput): Promise<ModerationResult> {
  return moderate(actor, input, async (_tx, dispute) => decideOrPropose(actor, dispute, 'REJECTED', input.reason, 'dispute.reject'));
}

/**
 * Uphold: the verdict must be revisited. ESCALATED flags the claim for the
 * editors ("Disputed — needs a new verdict") until a new version is
 * published, which resolves it (resolveEscalatedDisputesOnPublish).
 */
export function upholdDispute(actor: Actor, input: UpholdDisputeInput): Promise<ModerationResult> {
  return moderate(actor, input, async (_tx, dispute) => decideOrPropose(actor, dispute, 'ESCALATED', input.reason, 'dispute.uphold'));
}

/** Mark as duplicate of another dispute of the same claim (its original, never a duplicate itself). */
export function markDisputeDuplicate(actor: Actor, input: MarkDuplicateInput): Promise<ModerationResult> {
  return moderate(actor, input, async (tx, dispute) => {
    assertUndecided(dispute);
    const original = await tx.dispute.findUnique({ where: { id: input.duplicateOfId }, select: { id: true, claimId: true, status: true, duplicateOfId: true } });
    if (!original || original.id === dispute.id || original.claimId !== dispute.claimId) {
      throw new MutationError('INVALID_STATE', message('disputePage.duplicate.notSameClaim'), { duplicateOfId: [message('disputePage.duplicate.notSameClaim')] });
    }
    const originalId = original.duplicateOfId ?? original.id;
    return {
      action: 'dispute.mark_duplicate',
      data: { status: 'DUPLICATE', duplicateOfId: originalId, resolutionNote: input.reason, moderatorId: actor.id, ...noPending },
      statusChange: { to: 'DUPLICATE', note: input.reason },
    };
  });
}

/** Confirm decision: a second moderator, other than the one who proposed it, applies the pending decision. */
export function confirmDisputeDecision(actor: Actor, input: ConfirmDecisionInput): Promise<ModerationResult> {
  return moderate(actor, input, async (_tx, dispute) => {
    assertUndecided(dispute);
    const { pendingStatus, pendingNote, pendingById } = dispute;
    if (!pendingStatus || pendingNote === null || !pendingById) throw new MutationError('INVALID_STATE', message('disputePage.errors.nothingToConfirm'));
    if (pendingById === actor.id) throw new MutationError('FORBIDDEN', message('disputePage.quorum.ownProposal'));
    return {
      action: pendingStatus === 'REJECTED' ? 'dispute.reject.confirm' : 'dispute.uphold.confirm',
      data: { status: pendingStatus, resolutionNote: pendingNote, moderatorId: pendingById, ...noPending },
      statusChange: { to: pendingStatus, note: pendingNote },
    };
  });
}
