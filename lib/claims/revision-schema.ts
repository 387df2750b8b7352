import { z } from 'zod';

// A published claim's wording changes only through a proposed revision that
// another editor approves (revision-proposals.ts, revision-mutations.ts).
// These are the fields of the forms that propose, review and withdraw one.

export const REVISION_NOTE_MAX_LENGTH = 2000;
export const REVISION_NOTE_REQUIRED = 'Say what changed and why: readers see this note once the change is approved.';

const idField = (message: string) => z.string({ error: message }).trim().min(1, message).max(64, message);
const RELOAD = 'Reload the page and try again.';
// The version column is a PostgreSQL integer.
const MAX_VERSION = 2147483647;
const versionField = z.coerce.number({ error: RELOAD }).int(RELOAD).min(1, RELOAD).max(MAX_VERSION, RELOAD);

/**
 * What the claim editor and the appearance form send along on a published
 * claim: the note (required by the mutation when the save proposes a change)
 * and, when the author is amending their open revision, which one and the
 * version they read.
 */
export const revisionProposalFieldsSchema = z.object({
  revisionNote: z
    .string()
    .trim()
    .max(REVISION_NOTE_MAX_LENGTH, `The note must be ${REVISION_NOTE_MAX_LENGTH.toLocaleString('en')} characters or fewer.`)
    .optional()
    .default(''),
  revisionId: z.string().trim().max(64).optional().default(''),
  revisionVersion: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const version = Number(value);
      if (Number.isInteger(version) && version >= 1 && version <= MAX_VERSION) return version;
      ctx.addIssue({ code: 'custom', message: RELOAD });
      return z.NEVER;
    }),
});
export type RevisionProposalFields = z.infer<typeof revisionProposalFieldsSchema>;

/** The reviewer's "Approve and publish" and the author's "Withdraw": the revision and the version they read. */
export const claimRevisionDecisionSchema = z.object({
  revisionId: idField('This revision no longer exists.'),
  version: versionField,
});
export type ClaimRevisionDecisionInput = z.infer<typeof claimRevisionDecisionSchema>;

export const REJECTION_COMMENT_REQUIRED = 'Tell the author why: they see your comment on the claim.';

export const rejectClaimRevisionSchema = claimRevisionDecisionSchema.extend({
  comment: z
    .string({ error: REJECTION_COMMENT_REQUIRED })
    .trim()
    .min(1, REJECTION_COMMENT_REQUIRED)
    .max(2000, 'The comment must be 2,000 characters or fewer.'),
});
export type RejectClaimRevisionInput = z.infer<typeof rejectClaimRevisionSchema>;

export const claimRevisionStates = ['PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type ClaimRevisionStateValue = (typeof claimRevisionStates)[number];
