import { findLatestAuditSnapshots } from '../audit/queries';
import { verdictSnapshotSchema } from '../audit/schema';
import { prisma } from '../db';
import { assertCan, type Actor } from '../permissions';
import type { ComparableVerdict } from './diff';
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
  /** True when a reviewer sent an earlier state of it back: the review page shows what changed since. */
  isResubmission: boolean;
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
      reviews: { where: { decision: 'CHANGES_REQUESTED' }, take: 1, select: { id: true } },
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
    isResubmission: row.reviews.length > 0,
  }));
}

export type SentBackItem = {
  verdictId: string;
  number: number;
  claim: { id: string; summary: string; language: string };
  authorName: string;
  reviewerName: string;
  requestedAt: string;
};

/**
 * Verdicts a reviewer sent back that their authors have not resubmitted yet,
 * oldest request first: where a verdict went after it left the queue.
 */
export async function listSentBackVerdicts(actor: Actor): Promise<SentBackItem[]> {
  assertCan(actor, 'verdict.review');
  const rows = await prisma.verdict.findMany({
    where: { state: 'DRAFT', reviews: { some: { decision: 'CHANGES_REQUESTED' } } },
    select: {
      id: true,
      number: true,
      author: { select: { name: true } },
      claim: { select: { id: true, summary: true, language: true } },
      reviews: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 1,
        select: { decision: true, createdAt: true, reviewer: { select: { name: true } } },
      },
    },
  });
  return rows
    .flatMap((row) => {
      const latest = row.reviews[0];
      if (latest?.decision !== 'CHANGES_REQUESTED') return [];
      return [{ verdictId: row.id, number: row.number, claim: row.claim, authorName: row.author.name, reviewerName: latest.reviewer.name, requestedAt: latest.createdAt.toISOString() }];
    })
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.verdictId.localeCompare(b.verdictId));
}

/** The verdict as it was when a reviewer sent it back, and who did, when. */
export type CommentedVersion = { verdict: ComparableVerdict; reviewerName: string | null; requestedAt: string };

export type VerdictReviewData = {
  claim: ClaimForVerdictDto;
  verdict: VerdictDto;
  /** The verdict it would supersede, to compare against. */
  published: VerdictDto | null;
  /** The version the last "request changes" commented on, to compare a resubmitted verdict against. */
  commented: CommentedVersion | null;
  isOwn: boolean;
};

/**
 * The version of the verdict that its last "request changes" sent back, from
 * that event's audit snapshot: the verdict row itself has been edited since.
 * Null when the verdict was never sent back (or the snapshot is unreadable).
 */
async function findCommentedVersion(verdictId: string): Promise<CommentedVersion | null> {
  const event = await findLatestAuditSnapshots('Verdict', verdictId, 'verdict.request_changes');
  const parsed = verdictSnapshotSchema.safeParse(event?.before);
  if (!event || !parsed.success) return null;
  const snapshot = parsed.data;
  const [rating, sources] = await Promise.all([
    prisma.rating.findUnique({ where: { id: snapshot.ratingId }, select: { labelEn: true, labelFr: true } }),
    prisma.source.findMany({ where: { id: { in: [...new Set(snapshot.evidence.map((row) => row.sourceId))] } }, select: { id: true, title: true } }),
  ]);
  if (!rating) return null;
  const titles = new Map(sources.map((source) => [source.id, source.title]));
  return {
    verdict: {
      number: snapshot.number,
      rating,
      headline: snapshot.headline,
      explanation: snapshot.explanation,
      asOf: snapshot.asOf.slice(0, 10),
      evidence: snapshot.evidence.map((row) => ({
        stance: row.stance,
        sourceTitle: titles.get(row.sourceId) ?? null,
        note: row.note,
        quote: row.exact === null ? null : { exact: row.exact },
      })),
    },
    reviewerName: event.actorName,
    requestedAt: event.at.toISOString(),
  };
}

/** The review page: the claim, the verdict, the published verdict it would replace and the version last sent back. */
export async function findVerdictForReview(actor: Actor, verdictId: string): Promise<VerdictReviewData | null> {
  assertCan(actor, 'verdict.review');
  const row = await prisma.verdict.findUnique({ where: { id: verdictId }, select: verdictDtoSelect });
  if (!row) return null;
  const [claim, published, commented] = await Promise.all([
    prisma.claim.findUniqueOrThrow({ where: { id: row.claimId }, select: claimForVerdictSelect }),
    prisma.verdict.findFirst({ where: { claimId: row.claimId, state: 'PUBLISHED', id: { not: row.id } }, select: verdictDtoSelect }),
    findCommentedVersion(row.id),
  ]);
  return {
    claim: toClaimForVerdictDto(claim),
    verdict: toVerdictDto(row),
    published: published ? toVerdictDto(published) : null,
    commented,
    isOwn: row.author.id === actor.id,
  };
}
