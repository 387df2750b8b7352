import { z } from 'zod';
import { message } from '../i18n/message';
import { idField, intField, multiLineText, optionalIdField, optionalIntField, optionalText } from '../validation/fields';

// A published claim's wording changes only through a proposed revision that
// another editor approves (revision-proposals.ts, revision-mutations.ts).
// These are the fields of the forms that propose, review and withdraw one.

export const REVISION_NOTE_MAX_LENGTH = 2000;
export const REVISION_NOTE_REQUIRED = message('validation.revision.noteRequired');

const RELOAD = message('validation.reload');
const versionField = intField({ min: 1, message: RELOAD });

/**
 * What the claim editor and the appearance form send along on a published
 * claim: the note (required by the mutation when the save proposes a change)
 * and, when the author is amending their open revision, which one and the
 * version they read.
 */
export const revisionProposalFieldsSchema = z.object({
  revisionNote: optionalText(multiLineText({ max: REVISION_NOTE_MAX_LENGTH })).transform((value) => value ?? ''),
  revisionId: optionalIdField(RELOAD).transform((value) => value ?? ''),
  revisionVersion: optionalIntField({ min: 1, message: RELOAD }),
});
export type RevisionProposalFields = z.infer<typeof revisionProposalFieldsSchema>;

/** The reviewer's "Approve and publish" and the author's "Withdraw": the revision and the version they read. */
export const claimRevisionDecisionSchema = z.object({
  revisionId: idField(message('errors.revision.notFound')),
  version: versionField,
});
export type ClaimRevisionDecisionInput = z.infer<typeof claimRevisionDecisionSchema>;

export const rejectClaimRevisionSchema = claimRevisionDecisionSchema.extend({
  comment: multiLineText({ max: 2000, required: message('validation.revision.rejectionCommentRequired') }),
});
export type RejectClaimRevisionInput = z.infer<typeof rejectClaimRevisionSchema>;

export const claimRevisionStates = ['PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type ClaimRevisionStateValue = (typeof claimRevisionStates)[number];
