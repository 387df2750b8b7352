import { prisma } from '../db';
import { can, assertCan, type Actor } from '../permissions';
import type { RatingOption } from './queries';
import { listReviewQueue, type ReviewQueueItem } from './review-queries';

// The dashboard home: what the newsroom has in hand, and what waits for me.

export type DashboardCounts = {
  draftClaims: number;
  inReviewClaims: number;
  publishedClaims: number;
  archivedClaims: number;
  verdictsWaitingForReview: number;
};

export type MyDraftVerdict = { verdictId: string; number: number; claim: { id: string; summary: string; language: string }; updatedAt: string };
export type MyDraftClaim = { claimId: string; summary: string; language: string; updatedAt: string };
export type ChangesRequestedItem = MyDraftVerdict & { comment: string | null; reviewerName: string; requestedAt: string };
export type RecentlyPublishedItem = {
  verdictId: string;
  number: number;
  claim: { id: string; slug: string; summary: string; language: string };
  rating: RatingOption & { colour: string };
  publishedAt: string;
  /** True when it superseded an earlier published verdict. */
  isCorrection: boolean;
};

export type DashboardHome = {
  counts: DashboardCounts;
  /** null for roles that cannot draft verdicts (moderators). */
  myDrafts: { verdicts: MyDraftVerdict[]; claims: MyDraftClaim[] } | null;
  /** null for roles that cannot review. */
  waitingForMyReview: ReviewQueueItem[] | null;
  changesRequested: ChangesRequestedItem[] | null;
  recentlyPublished: RecentlyPublishedItem[];
};

const RECENTLY_PUBLISHED = 10;

async function countClaimsAndQueue(): Promise<DashboardCounts> {
  const [byStatus, verdictsWaitingForReview] = await Promise.all([
    prisma.claim.groupBy({ by: ['status'], _count: { _all: true } }),
    prisma.verdict.count({ where: { state: 'SUBMITTED' } }),
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return {
    draftClaims: count('DRAFT'),
    inReviewClaims: count('IN_REVIEW'),
    publishedClaims: count('PUBLISHED'),
    archivedClaims: count('ARCHIVED'),
    verdictsWaitingForReview,
  };
}

async function listRecentlyPublished(): Promise<RecentlyPublishedItem[]> {
  const rows = await prisma.verdict.findMany({
    where: { state: 'PUBLISHED' },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: RECENTLY_PUBLISHED,
    select: {
      id: true,
      number: true,
      publishedAt: true,
      supersedesId: true,
      rating: { select: { id: true, key: true, labelEn: true, labelFr: true, colour: true } },
      claim: { select: { id: true, slug: true, summary: true, language: true } },
    },
  });
  return rows.map((row) => ({
    verdictId: row.id,
    number: row.number,
    claim: row.claim,
    rating: row.rating,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    isCorrection: row.supersedesId !== null,
  }));
}

async function listMyDrafts(actor: Actor) {
  const [verdicts, claims] = await Promise.all([
    prisma.verdict.findMany({
      where: { authorId: actor.id, state: 'DRAFT' },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      select: {
        id: true,
        number: true,
        updatedAt: true,
        claim: { select: { id: true, summary: true, language: true } },
        reviews: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { decision: true, comment: true, createdAt: true, reviewer: { select: { name: true } } } },
      },
    }),
    prisma.claim.findMany({
      where: { createdById: actor.id, status: 'DRAFT', verdicts: { none: {} } },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      select: { id: true, summary: true, language: true, updatedAt: true },
    }),
  ]);
  const draftVerdicts = verdicts.map((row) => ({
    verdictId: row.id,
    number: row.number,
    claim: row.claim,
    updatedAt: row.updatedAt.toISOString(),
    latestReview: row.reviews[0] ?? null,
  }));
  return {
    verdicts: draftVerdicts.map(({ latestReview: _review, ...item }) => item),
    claims: claims.map((row) => ({ claimId: row.id, summary: row.summary, language: row.language, updatedAt: row.updatedAt.toISOString() })),
    changesRequested: draftVerdicts.flatMap(({ latestReview, ...item }) =>
      latestReview?.decision === 'CHANGES_REQUESTED'
        ? [{ ...item, comment: latestReview.comment, reviewerName: latestReview.reviewer.name, requestedAt: latestReview.createdAt.toISOString() }]
        : [],
    ),
  };
}

/** Counts and lists for the dashboard home; moderators get the counts and what was published. */
export async function findDashboardHome(actor: Actor): Promise<DashboardHome> {
  assertCan(actor, 'dashboard.read');
  const [counts, recentlyPublished, drafts, waitingForMyReview] = await Promise.all([
    countClaimsAndQueue(),
    listRecentlyPublished(),
    can(actor, 'verdict.draft') ? listMyDrafts(actor) : null,
    can(actor, 'verdict.review') ? listReviewQueue(actor) : null,
  ]);
  return {
    counts,
    myDrafts: drafts ? { verdicts: drafts.verdicts, claims: drafts.claims } : null,
    waitingForMyReview,
    changesRequested: drafts?.changesRequested ?? null,
    recentlyPublished,
  };
}
