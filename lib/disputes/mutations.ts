import { recordAudit } from '../audit/record';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import { reserveRateLimitedAttempt } from '../rate-limit/mutations';
import { minutesUntil, type RateLimitRule } from '../rate-limit/rules';
import { disputeAuditSnapshot, disputeAuditSelect } from './audit';
import { emailSubmissionReceived, followUpPath } from './notifications';
import { HONEYPOT_FIELD, type SubmitDisputeInput } from './schema';
import { addressRateLimitKey, formSigningSecret, newFollowUpToken, verifyFormToken } from './tokens';

// The reader's side of disputes — the only anonymous write in Attest — and
// what other domains do to disputes: publishing a correction resolves the
// upheld ones, and contact emails are purged 90 days after closing.

const HOUR_MS = 60 * 60_000;
export const DISPUTES_PER_ADDRESS_PER_HOUR = 5;
export const DISPUTES_PER_CLAIM_PER_DAY = 50;
export const CONTACT_EMAIL_RETENTION_DAYS = 90;

export type SubmitDisputeContext = {
  /** lib/request/client-address.ts: the address the rate limit counts under. */
  clientAddress: string;
  /** Absolute origin of the site, for the link in the confirmation email. */
  origin: string;
  now?: Date;
  secret?: string;
};

export type SubmittedDispute = {
  disputeId: string;
  /** The reader's follow-up token: returned this once, stored only as its hash. */
  token: string;
  /** /disputes/{token} in the reader's language. */
  followUpPath: string;
};

function rateLimitRules(claimId: string, clientAddress: string, secret: string): RateLimitRule[] {
  return [
    { key: addressRateLimitKey(clientAddress, secret), limit: DISPUTES_PER_ADDRESS_PER_HOUR, windowMs: HOUR_MS },
    { key: `dispute-claim:${claimId}`, limit: DISPUTES_PER_CLAIM_PER_DAY, windowMs: 24 * HOUR_MS },
  ];
}

function rateLimited(key: string, retryAt: Date, now: Date): MutationError {
  const minutes = minutesUntil(retryAt, now);
  const scope = key.startsWith('dispute-claim:') ? 'claim' : 'address';
  return new MutationError(
    'RATE_LIMITED',
    minutes > 90
      ? message(`contestForm.errors.rateLimited.${scope}Hours`, { hours: Math.ceil(minutes / 60) })
      : message(`contestForm.errors.rateLimited.${scope}Minutes`, { minutes }),
  );
}

/**
 * A reader contests the current published verdict of a published claim.
 * Refused before anything is written: a filled-in honeypot, a form signed for
 * another claim or opened less than a few seconds (or more than a day) ago,
 * a verdict replaced since the form was opened, and the rate limits (per
 * client address and per claim). One transaction: the dispute, its first
 * status change, its audit row (which never holds the email) and the
 * rate-limit count. The confirmation email goes out after the commit.
 */
export async function submitDispute(input: SubmitDisputeInput, context: SubmitDisputeContext): Promise<SubmittedDispute> {
  const now = context.now ?? new Date();
  const secret = context.secret ?? formSigningSecret();
  if (input[HONEYPOT_FIELD].trim() !== '') throw new MutationError('INVALID_STATE', message('contestForm.errors.robot'));
  const { token, hash } = newFollowUpToken();

  const created = await runMutation(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { slug: input.claimSlug },
      select: { id: true, status: true, summary: true, verdicts: { where: { state: 'PUBLISHED' }, select: { id: true } } },
    });
    const current = claim?.verdicts[0];
    if (!claim || claim.status !== 'PUBLISHED' || !current) throw new MutationError('NOT_FOUND', message('contestForm.errors.claimGone'));

    const opening = verifyFormToken(input.formToken, claim.id, secret, now);
    if (!opening.ok) {
      throw new MutationError(
        'INVALID_STATE',
        opening.reason === 'too-fast' ? message('contestForm.errors.tooFast') : message('contestForm.errors.formExpired'),
      );
    }
    if (opening.verdictId !== current.id) throw new MutationError('CONFLICT', message('contestForm.errors.verdictChanged'));

    const reservation = await reserveRateLimitedAttempt(tx, rateLimitRules(claim.id, context.clientAddress, secret), now);
    if (!reservation.reserved) throw rateLimited(reservation.refusal.key, reservation.refusal.retryAt, now);

    const dispute = await tx.dispute.create({
      data: {
        claimId: claim.id,
        verdictId: current.id,
        kind: input.kind,
        message: input.explanation,
        evidenceUrl: input.evidenceUrl,
        contactEmail: input.email,
        publishConsent: input.publishConsent,
        locale: input.locale,
        followUpTokenHash: hash,
        createdAt: now,
        statusHistory: { create: { fromStatus: null, toStatus: 'OPEN', changedAt: now } },
      },
      select: disputeAuditSelect,
    });
    await recordAudit(tx, { actorId: null, action: 'dispute.submit', entityType: 'Dispute', entityId: dispute.id, after: disputeAuditSnapshot(dispute) });
    return { disputeId: dispute.id, claimSummary: claim.summary };
  });

  const path = followUpPath(token, input.locale);
  if (input.email) {
    await emailSubmissionReceived(input.email, { locale: input.locale, claimSummary: created.claimSummary, followUpUrl: `${context.origin}${path}` });
  }
  return { disputeId: created.disputeId, token, followUpPath: path };
}

/**
 * Publishing a new verdict version resolves the claim's upheld (ESCALATED)
 * disputes: UPHELD, closed, linked to the correction that publication wrote.
 * Called by approveVerdict (lib/verdicts/review-mutations.ts) inside its
 * transaction, so the correction and the resolutions commit together.
 */
export async function resolveEscalatedDisputesOnPublish(
  tx: Tx,
  { claimId, correctionId, actorId }: { claimId: string; correctionId: string; actorId: string },
): Promise<string[]> {
  const escalated = await tx.dispute.findMany({ where: { claimId, status: 'ESCALATED' }, select: disputeAuditSelect, orderBy: { createdAt: 'asc' } });
  const now = new Date();
  for (const before of escalated) {
    const after = await tx.dispute.update({
      where: { id: before.id },
      data: {
        status: 'UPHELD',
        correctionId,
        closedAt: now,
        version: { increment: 1 },
        statusHistory: { create: { fromStatus: 'ESCALATED', toStatus: 'UPHELD', actorId, changedAt: now } },
      },
      select: disputeAuditSelect,
    });
    await recordAudit(tx, {
      actorId,
      action: 'dispute.resolve_by_correction',
      entityType: 'Dispute',
      entityId: before.id,
      before: disputeAuditSnapshot(before),
      after: disputeAuditSnapshot(after),
    });
  }
  return escalated.map((dispute) => dispute.id);
}

/**
 * Deletes the contact email of every dispute closed more than 90 days ago
 * (`npm run disputes:purge`, for a daily cron). Each deletion is audited —
 * that an address was deleted, never the address.
 */
export async function purgeClosedDisputeEmails(now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - CONTACT_EMAIL_RETENTION_DAYS * 24 * HOUR_MS);
  return runMutation(async (tx) => {
    const due = await tx.dispute.findMany({ where: { closedAt: { lt: cutoff }, contactEmail: { not: null } }, select: { id: true } });
    if (due.length === 0) return 0;
    const ids = due.map((dispute) => dispute.id);
    await tx.dispute.updateMany({ where: { id: { in: ids } }, data: { contactEmail: null } });
    for (const id of ids) {
      await recordAudit(tx, {
        actorId: null,
        action: 'dispute.purge_contact_email',
        entityType: 'Dispute',
        entityId: id,
        before: { hasContactEmail: true },
        after: { hasContactEmail: false },
      });
    }
    return ids.length;
  });
}
