import { z } from 'zod';
import { message } from '../i18n/message';
import { codePointLength, idField, intField, multiLineText, optionalText, singleLineText, slugField } from '../validation/fields';

// What readers and moderators send about disputes. The readers' form is the
// only anonymous write in Attest: every field is bounded here, and the checks
// that need the server (signature, fill time, rate limit, honeypot) are in
// mutations.ts. No Prisma: the forms import these constants.

export const disputeKinds = ['WRONG_RATING', 'MISQUOTED', 'MISSING_CONTEXT', 'OTHER'] as const;
export type DisputeKindValue = (typeof disputeKinds)[number];

export const disputeStatuses = ['OPEN', 'TRIAGED', 'ESCALATED', 'UPHELD', 'REJECTED', 'DUPLICATE'] as const;
export type DisputeStatusValue = (typeof disputeStatuses)[number];

export const EXPLANATION_MIN_LENGTH = 20;
export const EXPLANATION_MAX_LENGTH = 5_000;
export const EVIDENCE_URL_MAX_LENGTH = 2_000;
/** RFC 5321's limit on a forward path. */
export const EMAIL_MAX_LENGTH = 254;
export const REASON_MAX_LENGTH = 2_000;

/**
 * The honeypot: an input people never see (hidden from view and from
 * assistive technology) that form-filling robots fill in. Its name is one
 * robots like.
 */
export const HONEYPOT_FIELD = 'website';

/** The languages a reader can write from (lib/i18n/locales.ts, without its server-only imports). */
const readerLocales = ['fr', 'en'] as const;

const explanation = multiLineText({
  label: 'Your explanation',
  max: EXPLANATION_MAX_LENGTH,
  required: message('contestForm.explanation.required'),
  tooLong: message('contestForm.explanation.tooLong', { max: EXPLANATION_MAX_LENGTH }),
}).superRefine((value, ctx) => {
  if (value !== '' && codePointLength(value) < EXPLANATION_MIN_LENGTH) {
    ctx.addIssue({ code: 'custom', message: message('contestForm.explanation.tooShort', { min: EXPLANATION_MIN_LENGTH }) });
  }
});

/** http and https only: a javascript: or data: link is never stored, let alone shown. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const evidenceUrl = optionalText(
  singleLineText({
    label: 'Evidence link',
    max: EVIDENCE_URL_MAX_LENGTH,
    tooLong: message('contestForm.evidenceUrl.tooLong', { max: EVIDENCE_URL_MAX_LENGTH }),
    oneLine: message('contestForm.evidenceUrl.invalid'),
  }).refine(isHttpUrl, message('contestForm.evidenceUrl.invalid')),
);

const email = optionalText(
  singleLineText({
    label: 'Your email',
    max: EMAIL_MAX_LENGTH,
    tooLong: message('contestForm.email.invalid'),
    oneLine: message('contestForm.email.invalid'),
  }).pipe(z.email({ error: message('contestForm.email.invalid') })),
);

/** A checkbox: present ("on") when ticked, absent otherwise. */
const checkbox = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());

export const submitDisputeSchema = z.object({
  claimSlug: slugField(message('contestForm.errors.claimGone')),
  /** Signed when the form was opened (form-token.ts); checked by the mutation. */
  formToken: z.string({ error: message('contestForm.errors.formExpired') }).max(500, message('contestForm.errors.formExpired')),
  locale: z.enum(readerLocales).catch('fr'),
  kind: z.enum(disputeKinds, { error: message('contestForm.kind.required') }),
  explanation,
  evidenceUrl,
  email,
  publishConsent: checkbox,
  [HONEYPOT_FIELD]: z.string().max(10_000).optional().default(''),
});
export type SubmitDisputeInput = z.infer<typeof submitDisputeSchema>;

// ---------------------------------------------------------------------------
// Moderators

const disputeRef = {
  disputeId: idField(message('disputePage.errors.gone')),
  version: intField({ min: 1, message: message('disputePage.errors.reload') }),
};

const reasonRules = {
  label: 'Reason',
  max: REASON_MAX_LENGTH,
  tooLong: message('disputePage.reason.tooLong', { max: REASON_MAX_LENGTH }),
};
const requiredReason = multiLineText({ ...reasonRules, required: message('disputePage.reason.required') });
const optionalReason = optionalText(multiLineText(reasonRules));

export const takeDisputeSchema = z.object({ ...disputeRef, reason: optionalReason });
export type TakeDisputeInput = z.infer<typeof takeDisputeSchema>;

export const rejectDisputeSchema = z.object({ ...disputeRef, reason: requiredReason });
export type RejectDisputeInput = z.infer<typeof rejectDisputeSchema>;

export const upholdDisputeSchema = z.object({ ...disputeRef, reason: requiredReason });
export type UpholdDisputeInput = z.infer<typeof upholdDisputeSchema>;

export const markDuplicateSchema = z.object({
  ...disputeRef,
  duplicateOfId: idField(message('disputePage.duplicate.required')),
  reason: requiredReason,
});
export type MarkDuplicateInput = z.infer<typeof markDuplicateSchema>;

export const disputeDecisionIntents = ['reject', 'duplicate', 'uphold'] as const;
export type DisputeDecisionIntent = (typeof disputeDecisionIntents)[number];

/**
 * The dispute page's decision form: one Reason and one button per decision
 * (Reject, Mark as duplicate, Uphold), so the button pressed picks the schema.
 */
export const disputeDecisionIntentSchema = z.object({
  intent: z.enum(disputeDecisionIntents, { error: message('disputePage.errors.reload') }),
});

/** The decision and its reason are the proposer's: confirming adds nothing but the second name. */
export const confirmDecisionSchema = z.object(disputeRef);
export type ConfirmDecisionInput = z.infer<typeof confirmDecisionSchema>;

// ---------------------------------------------------------------------------
// The moderators' queue

/** How long a dispute has been waiting, at least. */
export const disputeAges = ['1d', '7d', '30d'] as const;
export type DisputeAge = (typeof disputeAges)[number];
export const disputeAgeDays: Record<DisputeAge, number> = { '1d': 1, '7d': 7, '30d': 30 };

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The queue's status filter: by default the disputes waiting for a moderator (OPEN, TRIAGED); one status; or all. */
export const disputeQueueStatusFilters = ['WAITING', ...disputeStatuses, 'ALL'] as const;
export type DisputeQueueStatusFilter = (typeof disputeQueueStatusFilters)[number];

/** The queue's filters from the query string: unknown values are dropped, so a hand-edited URL still shows a list. */
export const disputeQueueFiltersSchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(disputeQueueStatusFilters).catch('WAITING').default('WAITING')),
  kind: z.preprocess(emptyToUndefined, z.enum(disputeKinds).optional().catch(undefined)),
  claim: z.preprocess(emptyToUndefined, idField('claim').optional().catch(undefined)),
  age: z.preprocess(emptyToUndefined, z.enum(disputeAges).optional().catch(undefined)),
  cursor: z.preprocess(emptyToUndefined, z.string().max(512).optional().catch(undefined)),
});
export type DisputeQueueFilters = z.infer<typeof disputeQueueFiltersSchema>;

/** Where the next page of the queue starts (oldest first): the last row's creation time and id. */
export const disputeQueueCursorSchema = z.object({ createdAt: z.iso.datetime(), id: idField('cursor') });
export type DisputeQueueCursor = z.infer<typeof disputeQueueCursorSchema>;

/** The reader's follow-up token as it appears in their link: 32 random bytes, base64url. */
export const followUpTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
