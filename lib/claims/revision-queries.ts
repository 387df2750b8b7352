import { prisma, type Prisma } from '../db';
import { assertCan, type Actor } from '../permissions';
import { type EditorQuote, editorQuotesArgs, toEditorQuote } from './dashboard-queries';
import { claimPath, isoDate } from './queries';
import { type ClaimRevisionComparison, compareClaimRevision, type RevisableClaim } from './revision-diff';
import type { ClaimRevisionStateValue } from './revision-schema';
import { isPublicClaim } from './visibility';

// The newsroom's reads of proposed claim revisions: the review queue, the
// review page and the claim editor. Not public: each one checks the actor.

export type ClaimRevisionDto = {
  id: string;
  claimId: string;
  state: ClaimRevisionStateValue;
  version: number;
  baseVersion: number;
  note: string;
  reviewComment: string | null;
  author: { id: string; name: string };
  reviewer: { id: string; name: string } | null;
  proposedAt: string;
  closedAt: string | null;
  /** The claim as it was when the revision was proposed, and what it proposes. */
  base: RevisableClaim;
  proposal: RevisableClaim;
  comparison: ClaimRevisionComparison;
  /** The quotes it proposes to add. */
  appearances: EditorQuote[];
};

const person = { select: { id: true, name: true } } as const;

const revisionDtoSelect = {
  id: true,
  claimId: true,
  state: true,
  version: true,
  baseVersion: true,
  note: true,
  reviewComment: true,
  proposedAt: true,
  closedAt: true,
  baseText: true,
  baseSummary: true,
  baseLanguage: true,
  baseClaimedAt: true,
  baseClaimant: person,
  text: true,
  summary: true,
  language: true,
  claimedAt: true,
  claimant: person,
  author: person,
  reviewer: person,
  appearances: editorQuotesArgs,
} satisfies Prisma.ClaimRevisionSelect;

type RevisionRow = NonNullable<Awaited<ReturnType<typeof findRevisionRow>>>;

function findRevisionRow(id: string) {
  return prisma.claimRevision.findUnique({ where: { id }, select: revisionDtoSelect });
}

function toRevisionDto(row: RevisionRow): ClaimRevisionDto {
  const base = { summary: row.baseSummary, text: row.baseText, claimant: row.baseClaimant, language: row.baseLanguage, claimedAt: isoDate(row.baseClaimedAt) };
  const proposal = { summary: row.summary, text: row.text, claimant: row.claimant, language: row.language, claimedAt: isoDate(row.claimedAt) };
  return {
    id: row.id,
    claimId: row.claimId,
    state: row.state,
    version: row.version,
    baseVersion: row.baseVersion,
    note: row.note,
    reviewComment: row.reviewComment,
    author: row.author,
    reviewer: row.reviewer,
    proposedAt: row.proposedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    base,
    proposal,
    comparison: compareClaimRevision(base, proposal),
    appearances: row.appearances.map(toEditorQuote),
  };
}

export type ClaimRevisionQueueItem = {
  revisionId: string;
  claim: { id: string; summary: string; language: string };
  authorName: string;
  proposedAt: string;
  comparison: ClaimRevisionComparison;
  quotesAdded: number;
};

/** Proposed revisions of published claims waiting for review, oldest first, except the actor's own. */
export async function listClaimRevisionQueue(actor: Actor): Promise<ClaimRevisionQueueItem[]> {
  assertCan(actor, 'claim.review');
  const rows = await prisma.claimRevision.findMany({
    where: { state: 'PROPOSED', authorId: { not: actor.id } },
    orderBy: [{ proposedAt: 'asc' }, { id: 'asc' }],
    select: { ...revisionDtoSelect, claim: { select: { id: true, summary: true, language: true } } },
  });
  return rows.map((row) => {
    const revision = toRevisionDto(row);
    return {
      revisionId: row.id,
      claim: row.claim,
      authorName: revision.author.name,
      proposedAt: revision.proposedAt,
      comparison: revision.comparison,
      quotesAdded: revision.appearances.length,
    };
  });
}

export type ClaimRevisionReviewData = {
  claim: { id: string; slug: string; summary: string; language: string; status: string; version: number; publicPath: string | null };
  revision: ClaimRevisionDto;
  isOwn: boolean;
  /** The claim changed since the revision was proposed: approving it is refused. */
  isStale: boolean;
};

/** The review page of one revision, or null when there is none with this id. */
export async function findClaimRevisionForReview(actor: Actor, revisionId: string): Promise<ClaimRevisionReviewData | null> {
  assertCan(actor, 'claim.review');
  const row = await findRevisionRow(revisionId);
  if (!row) return null;
  const claim = await prisma.claim.findUniqueOrThrow({
    where: { id: row.claimId },
    select: { id: true, slug: true, summary: true, language: true, status: true, version: true, publishedAt: true },
  });
  return {
    claim: {
      id: claim.id,
      slug: claim.slug,
      summary: claim.summary,
      language: claim.language,
      status: claim.status,
      version: claim.version,
      publicPath: isPublicClaim(claim) ? claimPath(claim.slug) : null,
    },
    revision: toRevisionDto(row),
    isOwn: row.author.id === actor.id,
    isStale: row.state === 'PROPOSED' && claim.version !== row.baseVersion,
  };
}

const RECENT_CLOSED_REVISIONS = 5;

export type ClaimRevisionsForEditor = { open: ClaimRevisionDto | null; recent: ClaimRevisionDto[] };

/** The claim editor's view of its revisions: the open one, and the last ones closed. */
export async function findClaimRevisionsForEditor(actor: Actor, claimId: string): Promise<ClaimRevisionsForEditor> {
  assertCan(actor, 'dashboard.read');
  const [open, recent] = await Promise.all([
    prisma.claimRevision.findFirst({ where: { claimId, state: 'PROPOSED' }, select: revisionDtoSelect }),
    prisma.claimRevision.findMany({
      where: { claimId, state: { not: 'PROPOSED' } },
      orderBy: [{ closedAt: 'desc' }, { id: 'desc' }],
      take: RECENT_CLOSED_REVISIONS,
      select: revisionDtoSelect,
    }),
  ]);
  return { open: open ? toRevisionDto(open) : null, recent: recent.map(toRevisionDto) };
}
