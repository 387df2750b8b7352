import type { Prisma } from '../db';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';

// What the verdict mutations share: the audit snapshot of a verdict, and the
// refusals their transactions turn unique-index races into.

export type { Tx } from '../mutations/transaction';

/** A verdict as the audit trail records it: every field a reader or a reviewer could care about, evidence included. */
export const verdictAuditSelect = {
  id: true,
  claimId: true,
  number: true,
  state: true,
  ratingId: true,
  rating: { select: { key: true } },
  headline: true,
  explanation: true,
  asOf: true,
  authorId: true,
  reviewerId: true,
  submittedAt: true,
  publishedAt: true,
  supersededAt: true,
  supersedesId: true,
  correctionNote: true,
  version: true,
  evidence: {
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { sourceId: true, stance: true, note: true, exact: true, prefix: true, suffix: true, start: true, end: true, position: true },
  },
} satisfies Prisma.VerdictSelect;

export type VerdictAuditRow = Prisma.VerdictGetPayload<{ select: typeof verdictAuditSelect }>;

export const VERDICT_IN_PROGRESS = message('errors.verdict.inProgress');

/** Two editors starting a verdict on the same claim at once: the second is told one is in progress. */
export const draftRaces = {
  verdicts_claim_id_number_key: () => new MutationError('INVALID_STATE', VERDICT_IN_PROGRESS),
};

/** Two verdicts of one claim approved at once: the database lets one be published. */
const publishedConcurrently = () => new MutationError('CONFLICT', message('errors.verdict.publishedConcurrently'));
export const publishRaces = {
  verdicts_one_published_per_claim: publishedConcurrently,
  verdicts_supersedes_id_key: publishedConcurrently,
  corrections_from_verdict_id_key: publishedConcurrently,
  corrections_to_verdict_id_key: publishedConcurrently,
};


/** UTC midnight of a YYYY-MM-DD form date. */
export function dateFromIso(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

export function stateRefusal(state: string): MutationError {
  switch (state) {
    case 'SUBMITTED':
      return new MutationError('INVALID_STATE', message('errors.verdict.submittedNoEdit'));
    case 'PUBLISHED':
      return new MutationError('INVALID_STATE', message('errors.verdict.publishedNoEdit'));
    case 'SUPERSEDED':
      return new MutationError('INVALID_STATE', message('errors.verdict.supersededNoEdit'));
    default:
      return new MutationError('INVALID_STATE', message('errors.verdict.cannotChange'));
  }
}
