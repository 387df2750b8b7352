import { prisma } from '../db';
import { ratingSelect, type RatingRow } from '../ratings/labels';
import { decidedDisputeStatuses, openDisputeStatuses } from './labels';
import { followUpTokenSchema, type DisputeKindValue, type DisputeStatusValue } from './schema';
import { hashFollowUpToken } from './tokens';

// The readers' reads: the contest form's claim, the public "Reader
// challenges" of a claim (also in /api/claims/{slug}) and the private
// follow-up page. Contact emails and tokens never appear in what these
// return; the dashboard's reads are in dashboard-queries.ts.

export type ContestableClaim = {
  id: string;
  slug: string;
  summary: string;
  language: string;
  /** The current published verdict; null when there is none to contest. */
  verdict: { id: string; number: number; publishedAt: string; rating: RatingRow } | null;
};

/** A claim readers can contest: published (not archived), with its current verdict. Null when the claim is not published. */
export async function findContestableClaim(slug: string): Promise<ContestableClaim | null> {
  const claim = await prisma.claim.findFirst({
    where: { slug, status: 'PUBLISHED' },
    select: {
      id: true,
      slug: true,
      summary: true,
      language: true,
      verdicts: { where: { state: 'PUBLISHED' }, select: { id: true, number: true, publishedAt: true, rating: { select: ratingSelect } } },
    },
  });
  if (!claim) return null;
  const verdict = claim.verdicts[0];
  return {
    id: claim.id,
    slug: claim.slug,
    summary: claim.summary,
    language: claim.language,
    verdict: verdict ? { id: verdict.id, number: verdict.number, publishedAt: verdict.publishedAt?.toISOString() ?? '', rating: verdict.rating } : null,
  };
}

export type PublicChallenge = {
  kind: DisputeKindValue;
  /** When the reader sent it. */
  receivedAt: string;
  /** When the moderator decided (for an upheld one: when it was upheld; the correction has its own date). */
  decidedAt: string;
  status: (typeof decidedDisputeStatuses)[number];
  /** The moderator's reason, addressed to the reader. */
  reason: string | null;
  /** The reader's explanation, only when they agreed to its publication. */
  explanation: string | null;
  /** The correction an upheld challenge produced. */
  correction: { publishedAt: string; note: string } | null;
};

export type PublicChallenges = {
  /** Every challenge received for this claim, decided or not. */
  received: number;
  /** Waiting for a decision: counted, never shown. */
  open: number;
  /** Newest decision first. */
  decided: PublicChallenge[];
};

const decided = [...decidedDisputeStatuses];

/** The "Reader challenges" of a public claim: counts, and every decided challenge with its reason. */
export async function findPublicChallenges(claimSlug: string): Promise<PublicChallenges> {
  const [received, open, rows] = await Promise.all([
    prisma.dispute.count({ where: { claim: { slug: claimSlug } } }),
    prisma.dispute.count({ where: { claim: { slug: claimSlug }, status: { in: [...openDisputeStatuses] } } }),
    prisma.dispute.findMany({
      where: { claim: { slug: claimSlug }, status: { in: decided } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: {
        kind: true,
        status: true,
        createdAt: true,
        resolutionNote: true,
        message: true,
        publishConsent: true,
        correction: { select: { publishedAt: true, note: true } },
        statusHistory: { orderBy: [{ changedAt: 'desc' }, { id: 'desc' }], take: 1, select: { changedAt: true } },
      },
    }),
  ]);
  const challenges = rows.flatMap((row): PublicChallenge[] => {
    const status = decided.find((value) => value === row.status);
    if (!status) return [];
    return [
      {
        kind: row.kind,
        receivedAt: row.createdAt.toISOString(),
        decidedAt: (row.statusHistory[0]?.changedAt ?? row.createdAt).toISOString(),
        status,
        reason: row.resolutionNote,
        explanation: row.publishConsent ? row.message : null,
        correction: row.correction ? { publishedAt: row.correction.publishedAt.toISOString(), note: row.correction.note } : null,
      },
    ];
  });
  challenges.sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  return { received, open, decided: challenges };
}

export type DisputeFollowUp = {
  kind: DisputeKindValue;
  status: DisputeStatusValue;
  explanation: string;
  evidenceUrl: string | null;
  publishConsent: boolean;
  receivedAt: string;
  reason: string | null;
  /** A decision proposed and waiting for a second moderator (its content stays private until confirmed). */
  awaitingConfirmation: boolean;
  claim: { slug: string; summary: string; language: string };
  correction: { publishedAt: string } | null;
  /** Oldest first. Moderators are not named to the reader. */
  history: { at: string; status: DisputeStatusValue; note: string | null }[];
};

/** What the holder of a follow-up link sees; null for a token that names no dispute. */
export async function findDisputeFollowUp(token: string): Promise<DisputeFollowUp | null> {
  if (!followUpTokenSchema.safeParse(token).success) return null;
  const row = await prisma.dispute.findUnique({
    where: { followUpTokenHash: hashFollowUpToken(token) },
    select: {
      kind: true,
      status: true,
      message: true,
      evidenceUrl: true,
      publishConsent: true,
      createdAt: true,
      resolutionNote: true,
      pendingStatus: true,
      claim: { select: { slug: true, summary: true, language: true } },
      correction: { select: { publishedAt: true } },
      statusHistory: { orderBy: [{ changedAt: 'asc' }, { id: 'asc' }], select: { changedAt: true, toStatus: true, note: true } },
    },
  });
  if (!row) return null;
  return {
    kind: row.kind,
    status: row.status,
    explanation: row.message,
    evidenceUrl: row.evidenceUrl,
    publishConsent: row.publishConsent,
    receivedAt: row.createdAt.toISOString(),
    reason: row.resolutionNote,
    awaitingConfirmation: row.pendingStatus !== null,
    claim: row.claim,
    correction: row.correction ? { publishedAt: row.correction.publishedAt.toISOString() } : null,
    history: row.statusHistory.map((change) => ({ at: change.changedAt.toISOString(), status: change.toStatus, note: change.note })),
  };
}

/** Whether a follow-up link names a dispute (the follow-up page, and lib/public-pages/exists.ts). */
export async function isFollowUpToken(token: string): Promise<boolean> {
  if (!followUpTokenSchema.safeParse(token).success) return false;
  const row = await prisma.dispute.findUnique({ where: { followUpTokenHash: hashFollowUpToken(token) }, select: { id: true } });
  return row !== null;
}
