import { prisma, type Prisma } from '../db';
import { renderMarkdown } from '../markdown/render';
import { assertCan, type Actor } from '../permissions';
import { locateQuote, type QuoteAnchor } from '../quotes/anchor';
import type { EvidenceStanceKey } from './schema';

// Newsroom reads of verdicts: the editor, the review queue and review page.
// Plain objects with ISO date strings; every read checks the actor's rights.

export type VerdictStateKey = 'DRAFT' | 'SUBMITTED' | 'PUBLISHED' | 'SUPERSEDED';

export type RatingOption = { id: string; key: string; labelEn: string; labelFr: string };
export type VerdictRating = RatingOption & { colour: string; value: number | null; active: boolean };

export type EvidenceDto = {
  id: string;
  sourceId: string;
  sourceTitle: string | null;
  stance: EvidenceStanceKey;
  note: string | null;
  quote: QuoteAnchor | null;
};

export type ReviewDto = { id: string; decision: 'APPROVED' | 'CHANGES_REQUESTED'; comment: string | null; reviewerName: string; createdAt: string };

export type VerdictDto = {
  id: string;
  claimId: string;
  number: number;
  state: VerdictStateKey;
  version: number;
  rating: VerdictRating;
  headline: string;
  explanation: string;
  /** YYYY-MM-DD */
  asOf: string;
  correctionNote: string | null;
  author: { id: string; name: string; active: boolean };
  reviewer: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  supersededAt: string | null;
  evidence: EvidenceDto[];
  /** Newest first. */
  reviews: ReviewDto[];
};

export type ClaimForVerdictDto = {
  id: string;
  slug: string;
  summary: string;
  text: string;
  language: string;
  status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';
  publishedAt: string | null;
  claimant: { name: string };
  /** Each is highlighted on the dashboard source page at the anchor `quote-<id>`. */
  appearances: { id: string; exact: string; sourceId: string; sourceTitle: string | null }[];
  verdictInProgress: VerdictInProgressDto | null;
};

/**
 * The claim's verdict being drafted or reviewed (at most one), and where it
 * is: with its author (a draft, maybe sent back by a reviewer) or waiting for
 * review. The claim's own status does not say it: a published claim stays
 * published while its next verdict goes back and forth.
 */
export type VerdictInProgressDto = {
  id: string;
  number: number;
  state: 'DRAFT' | 'SUBMITTED';
  authorName: string;
  submittedAt: string | null;
  /** The reviewer's request when the draft came back from review; null for a draft never reviewed since. */
  changesRequested: { reviewerName: string; at: string } | null;
};

export type SourceOption = { id: string; title: string | null; publisher: string | null; publishedAt: string | null };

export const ratingOptionSelect = { id: true, key: true, labelEn: true, labelFr: true } as const;

export const verdictDtoSelect = {
  id: true,
  claimId: true,
  number: true,
  state: true,
  version: true,
  rating: { select: { ...ratingOptionSelect, colour: true, value: true, active: true } },
  headline: true,
  explanation: true,
  asOf: true,
  correctionNote: true,
  author: { select: { id: true, name: true, active: true } },
  reviewer: { select: { id: true, name: true } },
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  publishedAt: true,
  supersededAt: true,
  evidence: {
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      sourceId: true,
      stance: true,
      note: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      source: { select: { title: true } },
    },
  },
  reviews: {
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, decision: true, comment: true, createdAt: true, reviewer: { select: { name: true } } },
  },
} satisfies Prisma.VerdictSelect;

type VerdictRow = Prisma.VerdictGetPayload<{ select: typeof verdictDtoSelect }>;

export const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

export function toVerdictDto(row: VerdictRow): VerdictDto {
  return {
    id: row.id,
    claimId: row.claimId,
    number: row.number,
    state: row.state,
    version: row.version,
    rating: row.rating,
    headline: row.headline,
    explanation: row.explanation,
    asOf: row.asOf.toISOString().slice(0, 10),
    correctionNote: row.correctionNote,
    author: row.author,
    reviewer: row.reviewer,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    publishedAt: iso(row.publishedAt),
    supersededAt: iso(row.supersededAt),
    evidence: row.evidence.map((e) => ({
      id: e.id,
      sourceId: e.sourceId,
      sourceTitle: e.source.title,
      stance: e.stance,
      note: e.note,
      quote:
        e.exact !== null && e.prefix !== null && e.suffix !== null && e.start !== null && e.end !== null
          ? { exact: e.exact, prefix: e.prefix, suffix: e.suffix, start: e.start, end: e.end }
          : null,
    })),
    reviews: row.reviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      comment: r.comment,
      reviewerName: r.reviewer.name,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

const verdictInProgressSelect = {
  id: true,
  number: true,
  state: true,
  submittedAt: true,
  author: { select: { name: true } },
  reviews: {
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 1,
    select: { decision: true, createdAt: true, reviewer: { select: { name: true } } },
  },
} satisfies Prisma.VerdictSelect;

function toVerdictInProgressDto(row: Prisma.VerdictGetPayload<{ select: typeof verdictInProgressSelect }>): VerdictInProgressDto | null {
  if (row.state !== 'DRAFT' && row.state !== 'SUBMITTED') return null;
  const latestReview = row.reviews[0];
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    authorName: row.author.name,
    submittedAt: iso(row.submittedAt),
    changesRequested:
      row.state === 'DRAFT' && latestReview?.decision === 'CHANGES_REQUESTED'
        ? { reviewerName: latestReview.reviewer.name, at: latestReview.createdAt.toISOString() }
        : null,
  };
}

/** Where the claim's verdict in progress is, for pages that show the claim (the claim editor's header). */
export async function findVerdictInProgress(actor: Actor, claimId: string): Promise<VerdictInProgressDto | null> {
  assertCan(actor, 'dashboard.read');
  const row = await prisma.verdict.findFirst({ where: { claimId, state: { in: ['DRAFT', 'SUBMITTED'] } }, select: verdictInProgressSelect });
  return row ? toVerdictInProgressDto(row) : null;
}

export const claimForVerdictSelect = {
  id: true,
  slug: true,
  summary: true,
  text: true,
  language: true,
  status: true,
  publishedAt: true,
  claimant: { select: { name: true } },
  appearances: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, exact: true, sourceId: true, source: { select: { title: true } } },
  },
  verdicts: {
    where: { state: { in: ['DRAFT', 'SUBMITTED'] } },
    select: verdictInProgressSelect,
  },
} satisfies Prisma.ClaimSelect;

export function toClaimForVerdictDto(row: Prisma.ClaimGetPayload<{ select: typeof claimForVerdictSelect }>): ClaimForVerdictDto {
  return {
    id: row.id,
    slug: row.slug,
    summary: row.summary,
    text: row.text,
    language: row.language,
    status: row.status,
    publishedAt: iso(row.publishedAt),
    claimant: row.claimant,
    appearances: row.appearances.map((a) => ({ id: a.id, exact: a.exact, sourceId: a.sourceId, sourceTitle: a.source.title })),
    verdictInProgress: row.verdicts[0] ? toVerdictInProgressDto(row.verdicts[0]) : null,
  };
}

export type VerdictEditorData = {
  claim: ClaimForVerdictDto;
  /** Active ratings in scale order (plus the verdict's own, if it was retired since). */
  ratings: RatingOption[];
  sources: SourceOption[];
  /** The verdict readers see now: a new one supersedes it and needs a correction note. */
  published: VerdictDto | null;
  /** The claim's DRAFT or SUBMITTED verdict, if any: only one at a time. */
  openVerdict: { id: string; number: number; state: VerdictStateKey } | null;
  /** The verdict being edited or read; null on the new-verdict page. */
  verdict: VerdictDto | null;
  /**
   * For saved quotes that occur several times in their source: which
   * occurrence (0-based) each is anchored at, by evidence id, so that saving
   * again keeps the editor's choice.
   */
  savedOccurrences: Record<string, number>;
};

async function findSavedOccurrences(verdict: VerdictDto | null): Promise<Record<string, number>> {
  const quoted = verdict?.evidence.filter((evidence) => evidence.quote) ?? [];
  if (quoted.length === 0) return {};
  const sources = await prisma.source.findMany({
    where: { id: { in: [...new Set(quoted.map((evidence) => evidence.sourceId))] } },
    select: { id: true, text: true },
  });
  const texts = new Map(sources.map((source) => [source.id, source.text]));
  const occurrences: Record<string, number> = {};
  for (const evidence of quoted) {
    const text = texts.get(evidence.sourceId);
    if (text === undefined || !evidence.quote) continue;
    const found = locateQuote(text, evidence.quote.exact);
    const index = found.findIndex((anchor) => anchor.start === evidence.quote?.start);
    if (found.length > 1 && index >= 0) occurrences[evidence.id] = index;
  }
  return occurrences;
}

/** What the verdict editor needs for a claim; null when the claim (or that verdict of it) does not exist. */
export async function findVerdictEditor(actor: Actor, claimId: string, verdictId?: string): Promise<VerdictEditorData | null> {
  assertCan(actor, 'dashboard.read');
  const claim = await prisma.claim.findUnique({ where: { id: claimId }, select: claimForVerdictSelect });
  if (!claim) return null;
  const [verdictRow, publishedRow, openRow, sources] = await Promise.all([
    verdictId ? prisma.verdict.findFirst({ where: { id: verdictId, claimId }, select: verdictDtoSelect }) : null,
    prisma.verdict.findFirst({ where: { claimId, state: 'PUBLISHED' }, select: verdictDtoSelect }),
    prisma.verdict.findFirst({ where: { claimId, state: { in: ['DRAFT', 'SUBMITTED'] } }, select: { id: true, number: true, state: true } }),
    prisma.source.findMany({
      orderBy: [{ publishedAt: 'desc' }, { title: 'asc' }],
      select: { id: true, title: true, publisher: true, publishedAt: true },
    }),
  ]);
  if (verdictId && !verdictRow) return null;
  const ratings = await prisma.rating.findMany({
    where: { OR: [{ active: true }, ...(verdictRow ? [{ id: verdictRow.rating.id }] : [])] },
    orderBy: [{ position: 'asc' }, { key: 'asc' }],
    select: ratingOptionSelect,
  });
  const verdict = verdictRow ? toVerdictDto(verdictRow) : null;
  return {
    claim: toClaimForVerdictDto(claim),
    ratings,
    sources: sources.map((s) => ({ ...s, publishedAt: s.publishedAt?.toISOString().slice(0, 10) ?? null })),
    published: publishedRow ? toVerdictDto(publishedRow) : null,
    openVerdict: openRow,
    verdict,
    savedOccurrences: verdict?.state === 'DRAFT' ? await findSavedOccurrences(verdict) : {},
  };
}

/** The editor's live preview: exactly the HTML the public page renders (sanitized). */
export function renderExplanationPreview(actor: Actor, markdown: string): string {
  assertCan(actor, 'verdict.draft');
  return renderMarkdown(markdown);
}
