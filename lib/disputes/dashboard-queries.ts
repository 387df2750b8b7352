import { prisma, type Prisma } from '../db';
import type { DisputeStatus } from '../generated/prisma/enums';
import { decodeCursor, encodeCursor } from '../pagination/cursor';
import { assertCan, can, type Actor } from '../permissions';
import { type VerdictDto, toVerdictDto, verdictDtoSelect } from '../verdicts/queries';
import { independenceRefusal } from './independence';
import { openDisputeStatuses } from './labels';
import { disputeQuorum, needsSecondModerator } from './quorum';
import {
  disputeAgeDays,
  disputeQueueCursorSchema,
  disputeStatuses,
  type DisputeKindValue,
  type DisputeQueueFilters,
  type DisputeQueueStatusFilter,
  type DisputeStatusValue,
} from './schema';

// The newsroom's reads of disputes: the moderators' queue, one dispute, the
// nav's count and the overview's flagged claims. Moderators and admins read
// every dispute; an editor reads those on their own claims (created, or with
// a verdict they wrote) and decides none. Contact emails never leave the
// database: the pages learn only whether the reader left one.

export const QUEUE_PAGE_SIZE = 25;

/** What an editor may read: disputes on the claims they created or wrote a verdict for. */
function scopeOf(actor: Actor): Prisma.DisputeWhereInput {
  if (can(actor, 'dispute.moderate')) return {};
  return { claim: { OR: [{ createdById: actor.id }, { verdicts: { some: { authorId: actor.id } } }] } };
}

export type DisputeQueueItem = {
  id: string;
  receivedAt: string;
  kind: DisputeKindValue;
  status: DisputeStatusValue;
  excerpt: string;
  claim: { id: string; summary: string; language: string };
  moderatorName: string | null;
  awaitingConfirmation: boolean;
};

export type DisputeQueue = {
  items: DisputeQueueItem[];
  nextCursor: string | null;
  /** Per status, over everything the actor may read (the filters aside). */
  counts: Record<DisputeStatusValue, number>;
  /** The claims that have disputes, for the claim filter. */
  claims: { id: string; summary: string; language: string }[];
  /** False for an editor: they read, moderators decide. */
  canModerate: boolean;
};

const EXCERPT_LENGTH = 180;

function excerpt(text: string): string {
  const characters = Array.from(text);
  return characters.length <= EXCERPT_LENGTH ? text : `${characters.slice(0, EXCERPT_LENGTH).join('').trimEnd()}…`;
}

function statusWhere(status: DisputeQueueStatusFilter): Prisma.DisputeWhereInput {
  if (status === 'ALL') return {};
  if (status === 'WAITING') return { status: { in: [...openDisputeStatuses] } };
  return { status };
}

/** The queue, oldest first, keyset-paginated on (createdAt, id). */
export async function listDisputeQueue(actor: Actor, filters: Partial<DisputeQueueFilters>, now: Date = new Date()): Promise<DisputeQueue> {
  assertCan(actor, 'dispute.read');
  const scope = scopeOf(actor);
  const after = decodeCursor(filters.cursor, disputeQueueCursorSchema);
  const where: Prisma.DisputeWhereInput = {
    AND: [
      scope,
      statusWhere(filters.status ?? 'WAITING'),
      filters.kind ? { kind: filters.kind } : {},
      filters.claim ? { claimId: filters.claim } : {},
      filters.age ? { createdAt: { lt: new Date(now.getTime() - disputeAgeDays[filters.age] * 24 * 60 * 60_000) } } : {},
      after
        ? { OR: [{ createdAt: { gt: new Date(after.createdAt) } }, { createdAt: new Date(after.createdAt), id: { gt: after.id } }] }
        : {},
    ],
  };
  const [rows, grouped, claims] = await Promise.all([
    prisma.dispute.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: QUEUE_PAGE_SIZE + 1,
      select: {
        id: true,
        createdAt: true,
        kind: true,
        status: true,
        message: true,
        pendingStatus: true,
        claim: { select: { id: true, summary: true, language: true } },
        moderator: { select: { name: true } },
      },
    }),
    prisma.dispute.groupBy({ by: ['status'], where: scope, _count: { _all: true } }),
    prisma.claim.findMany({
      where: { disputes: { some: scope } },
      orderBy: [{ summary: 'asc' }, { id: 'asc' }],
      select: { id: true, summary: true, language: true },
    }),
  ]);
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  const counts = Object.fromEntries(disputeStatuses.map((status) => [status, 0])) as Record<DisputeStatusValue, number>;
  for (const group of grouped) counts[group.status] = group._count._all;
  return {
    items: page.map((row) => ({
      id: row.id,
      receivedAt: row.createdAt.toISOString(),
      kind: row.kind,
      status: row.status,
      excerpt: excerpt(row.message),
      claim: row.claim,
      moderatorName: row.moderator?.name ?? null,
      awaitingConfirmation: row.pendingStatus !== null,
    })),
    nextCursor: rows.length > QUEUE_PAGE_SIZE && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
    counts,
    claims,
    canModerate: can(actor, 'dispute.moderate'),
  };
}

/** The nav's count: disputes waiting for a moderator. Null for those who do not moderate. */
export async function countDisputesAwaitingModerator(actor: Actor): Promise<number | null> {
  if (!can(actor, 'dispute.moderate')) return null;
  return prisma.dispute.count({ where: { status: { in: [...openDisputeStatuses] } } });
}

export type DisputeDetail = {
  id: string;
  version: number;
  kind: DisputeKindValue;
  status: DisputeStatusValue;
  explanation: string;
  evidenceUrl: string | null;
  publishConsent: boolean;
  hasContactEmail: boolean;
  receivedAt: string;
  reason: string | null;
  moderatorName: string | null;
  duplicateOfId: string | null;
  correction: { publishedAt: string } | null;
  pending: { status: 'ESCALATED' | 'REJECTED'; reason: string; byId: string; byName: string; at: string } | null;
  claim: {
    id: string;
    slug: string;
    summary: string;
    text: string;
    language: string;
    appearances: { id: string; sourceId: string; sourceTitle: string | null; exact: string }[];
  };
  verdict: VerdictDto;
  /** The claim's other disputes, oldest first: duplicates are spotted here. */
  others: { id: string; receivedAt: string; kind: DisputeKindValue; status: DisputeStatusValue }[];
  /** Oldest first; actorName null for the reader's submission (and for removed accounts). */
  history: { at: string; from: DisputeStatusValue | null; to: DisputeStatusValue; note: string | null; actorName: string | null }[];
  /** What the actor may do: decide at all, and if not on this verdict, why not. */
  canModerate: boolean;
  independenceRefusal: string | null;
  /** A reject or an uphold waits for a second moderator (ATTEST_DISPUTE_QUORUM=2, WRONG_RATING). */
  needsSecondModerator: boolean;
};

function pendingOf(row: { pendingStatus: DisputeStatus | null; pendingNote: string | null; pendingAt: Date | null; pendingBy: { id: string; name: string } | null }) {
  const { pendingStatus, pendingNote, pendingAt, pendingBy } = row;
  if ((pendingStatus !== 'ESCALATED' && pendingStatus !== 'REJECTED') || pendingNote === null || !pendingAt || !pendingBy) return null;
  return { status: pendingStatus, reason: pendingNote, byId: pendingBy.id, byName: pendingBy.name, at: pendingAt.toISOString() };
}

/** One dispute for its dashboard page; null when it does not exist or the actor may not read it. */
export async function findDisputeForModeration(actor: Actor, id: string): Promise<DisputeDetail | null> {
  assertCan(actor, 'dispute.read');
  const row = await prisma.dispute.findFirst({
    where: { AND: [{ id }, scopeOf(actor)] },
    select: {
      id: true,
      version: true,
      kind: true,
      status: true,
      message: true,
      evidenceUrl: true,
      publishConsent: true,
      contactEmail: true,
      createdAt: true,
      resolutionNote: true,
      duplicateOfId: true,
      pendingStatus: true,
      pendingNote: true,
      pendingAt: true,
      pendingBy: { select: { id: true, name: true } },
      moderator: { select: { name: true } },
      correction: { select: { publishedAt: true } },
      claim: {
        select: {
          id: true,
          slug: true,
          summary: true,
          text: true,
          language: true,
          appearances: {
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            select: { id: true, sourceId: true, exact: true, source: { select: { title: true } } },
          },
        },
      },
      verdict: {
        select: {
          ...verdictDtoSelect,
          authorId: true,
          reviewerId: true,
          reviews: { ...verdictDtoSelect.reviews, select: { ...verdictDtoSelect.reviews.select, reviewerId: true } },
        },
      },
      statusHistory: {
        orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
        select: { changedAt: true, fromStatus: true, toStatus: true, note: true, actor: { select: { name: true } } },
      },
    },
  });
  if (!row) return null;
  const others = await prisma.dispute.findMany({
    where: { claimId: row.claim.id, id: { not: row.id } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, createdAt: true, kind: true, status: true },
  });
  const canModerate = can(actor, 'dispute.moderate');
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    status: row.status,
    explanation: row.message,
    evidenceUrl: row.evidenceUrl,
    publishConsent: row.publishConsent,
    hasContactEmail: row.contactEmail !== null,
    receivedAt: row.createdAt.toISOString(),
    reason: row.resolutionNote,
    moderatorName: row.moderator?.name ?? null,
    duplicateOfId: row.duplicateOfId,
    correction: row.correction ? { publishedAt: row.correction.publishedAt.toISOString() } : null,
    pending: pendingOf(row),
    claim: {
      id: row.claim.id,
      slug: row.claim.slug,
      summary: row.claim.summary,
      text: row.claim.text,
      language: row.claim.language,
      appearances: row.claim.appearances.map((a) => ({ id: a.id, sourceId: a.sourceId, sourceTitle: a.source.title, exact: a.exact })),
    },
    verdict: toVerdictDto(row.verdict),
    others: others.map((other) => ({ id: other.id, receivedAt: other.createdAt.toISOString(), kind: other.kind, status: other.status })),
    history: row.statusHistory.map((change) => ({
      at: change.changedAt.toISOString(),
      from: change.fromStatus,
      to: change.toStatus,
      note: change.note,
      actorName: change.actor?.name ?? null,
    })),
    canModerate,
    independenceRefusal: canModerate ? independenceRefusal(actor.id, row.verdict) : null,
    needsSecondModerator: needsSecondModerator(row.kind, disputeQuorum()),
  };
}

export type DisputedClaim = { claimId: string; summary: string; language: string; disputeIds: string[] };

/**
 * The overview's "Disputed — needs a new verdict": claims with an upheld
 * (ESCALATED) dispute, which stay flagged until a corrected verdict is published.
 */
export async function listClaimsNeedingNewVerdict(actor: Actor): Promise<DisputedClaim[]> {
  assertCan(actor, 'dashboard.read');
  const rows = await prisma.claim.findMany({
    where: { disputes: { some: { status: 'ESCALATED' } } },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      summary: true,
      language: true,
      disputes: { where: { status: 'ESCALATED' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } },
    },
  });
  return rows.map((row) => ({ claimId: row.id, summary: row.summary, language: row.language, disputeIds: row.disputes.map((d) => d.id) }));
}
