import type { Prisma } from '../db';
import { message } from '../i18n/message';

// Nobody decides a dispute on a verdict they wrote or approved: a moderator
// (or an admin who reviewed it) would be judging their own work. The
// mutations refuse it and the dispute page says why, from the same rule.

/** The verdict fields the rule reads: its author, its reviewer, and everyone who approved it. */
export const verdictInvolvementSelect = {
  id: true,
  authorId: true,
  reviewerId: true,
  reviews: { select: { reviewerId: true, decision: true } },
} satisfies Prisma.VerdictSelect;

export type VerdictInvolvement = {
  authorId: string;
  reviewerId: string | null;
  reviews: { reviewerId: string; decision: 'APPROVED' | 'CHANGES_REQUESTED' }[];
};

/** Why this person may not decide disputes on the verdict (a catalogue message), or null. */
export function independenceRefusal(actorId: string, verdict: VerdictInvolvement): string | null {
  if (verdict.authorId === actorId) return message('disputePage.independence.author');
  if (verdict.reviewerId === actorId || verdict.reviews.some((review) => review.reviewerId === actorId && review.decision === 'APPROVED')) {
    return message('disputePage.independence.reviewer');
  }
  return null;
}
