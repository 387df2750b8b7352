import { prisma } from '../db';
import { assertCan, type Actor } from '../permissions';
import {
  claimForVerdictSelect,
  ratingOptionSelect,
  iso,
  toClaimForVerdictDto,
  toVerdictDto,
  verdictDtoSelect,
  type ClaimForVerdictDto,
  type RatingOption,
  type VerdictDto,
} from './queries';

// The reviewer's reads: the queue of submitted verdicts and the review page.

export type ReviewQueueItem = {
  verdictId: string;
  number: number;
  claim: { id: string; summary: string; language: string };
  authorName: string;
  submittedAt: string | null;
  rating: RatingOption;
  /** True when publishing it would supersede a published verdict. */
  isCorrection: boolean;
};

/** Submitted verdicts waiting for review, oldest first, except the actor's own. */
export async function listReviewQueue(actor: Actor): Promise<ReviewQueueItem[]> {
  assertCan(actor, 'verdict.review');
  const rows = await prisma.verdict.findMany({
    where: { state: 'SUBMITTED', authorId: { not: actor.id } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      number: true,
      submittedAt: true,
      supersedesId: true,
      rating: { select: ratingOptionSelect },
      author: { select: { name: true } },
      claim: { select: { id: true, summary: true, language: true, verdicts: { where: { state: 'PUBLISHED' }, select: { id: true } } } },
    },
  });
  return rows.map((row) => ({
    verdictId: row.id,
    number: row.number,
    claim: { id: row.claim.id, summary: row.claim.summary, language: row.claim.language },
    authorName: row.author.name,
    submittedAt: iso(row.submittedAt),
    rating: row.rating,
    isCorrection: row.claim.verdicts.length > 0,
  }));
}

export type VerdictReviewData = {
  claim: ClaimForVerdictDto;
  verdict: VerdictDto;
  /** The verdict it would supersede, to compare against. */
  published: VerdictDto | null;
  isOwn: boolean;
};

/** The review page: the claim, the verdict and the published verdict it would replace. */
export async function findVerdictForReview(actor: Actor, verdictId: string): Promise<VerdictReviewData | null> {
  assertCan(actor, 'verdict.review');
  const row = await prisma.verdict.findUnique({ where: { id: verdictId }, select: verdictDtoSelect });
  if (!row) return null;
  const [claim, published] = await Promise.all([
    prisma.claim.findUniqueOrThrow({ where: { id: row.claimId }, select: claimForVerdictSelect }),
    prisma.verdict.findFirst({ where: { claimId: row.claimId, state: 'PUBLISHED', id: { not: row.id } }, select: verdictDtoSelect }),
  ]);
  return {
    claim: toClaimForVerdictDto(claim),
    verdict: toVerdictDto(row),
    published: published ? toVerdictDto(published) : null,
    isOwn: row.author.id === actor.id,
  };
}
