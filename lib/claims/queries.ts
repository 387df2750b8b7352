import { prisma, type Prisma } from '../db';
import type { QuoteAnchor } from '../quotes/anchor';
import { publishedAfterCursor } from '../pagination/keyset';
import { ratingSelect, toRatingDto, type RatingDto } from '../ratings/labels';
import { siteSettings } from '../site/settings';
import { type CreditSettings, verdictCredits, type VerdictCredits } from '../verdicts/credits';
import { changedFieldsOfRevision, type RevisedClaimField, revisionWordingSelect } from './revision-diff';
import { listedClaimWhere, publicClaimWhere } from './visibility';
import type { ClaimListCursor } from './schema';

// Public reads (the dashboard's are in dashboard-queries.ts). They return plain JSON-ready objects (ISO date strings), never
// Prisma models, so that they can be cached and sent as they are.

export type PublicClaimListItem = {
  slug: string;
  summary: string;
  text: string;
  language: string;
  claimant: { name: string; slug: string };
  tags: string[];
  rating: RatingDto | null;
  /** The current published verdict's headline and publication (a correction's date once corrected). */
  verdict: { headline: string; publishedAt: string } | null;
  publishedAt: string;
  path: string;
};

export type PublicClaimPage = { items: PublicClaimListItem[]; nextCursor: ClaimListCursor | null };

/**
 * Narrows the public listing to one claimant, one tag (exactly as written on
 * the claims) or one rating (of the claim's current published verdict).
 */
export type PublicClaimFilter = { claimantSlug?: string; tag?: string; ratingKey?: string };

export function claimPath(slug: string): string {
  return `/claims/${encodeURIComponent(slug)}`;
}

/**
 * Each filter as the indexes serve it: the claimant through claims_claimant_id_idx,
 * the tag through the GIN index on tags (Prisma writes `has` as `tags @> ARRAY[…]`),
 * the rating through the one published verdict per claim
 * (verdicts_one_published_per_claim) and verdicts_rating_id_idx.
 */
function publicClaimFilterWhere(filter: PublicClaimFilter): Prisma.ClaimWhereInput[] {
  return [
    ...(filter.claimantSlug !== undefined ? [{ claimant: { slug: filter.claimantSlug } }] : []),
    ...(filter.tag !== undefined ? [{ tags: { has: filter.tag } }] : []),
    ...(filter.ratingKey !== undefined ? [{ verdicts: { some: { state: 'PUBLISHED' as const, rating: { key: filter.ratingKey } } } }] : []),
  ];
}

/**
 * Published claims, newest first, keyset-paginated on (publishedAt, id): the
 * one listing of the home page, the claimant, tag and rating pages, the feeds
 * and the read API.
 */
export async function listPublishedClaims({
  limit,
  after,
  filter = {},
}: {
  limit: number;
  after: ClaimListCursor | null;
  filter?: PublicClaimFilter;
}): Promise<PublicClaimPage> {
  const rows = await prisma.claim.findMany({
    where: {
      AND: [
        listedClaimWhere,
        ...publicClaimFilterWhere(filter),
        publishedAfterCursor(after),
      ],
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: {
      id: true,
      slug: true,
      summary: true,
      text: true,
      language: true,
      tags: true,
      publishedAt: true,
      claimant: { select: { name: true, slug: true } },
      verdicts: { where: { state: 'PUBLISHED' }, select: { headline: true, publishedAt: true, rating: { select: ratingSelect } } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const verdict = row.verdicts[0];
      const publishedAt = (row.publishedAt ?? new Date(0)).toISOString();
      return {
        slug: row.slug,
        summary: row.summary,
        text: row.text,
        language: row.language,
        claimant: row.claimant,
        tags: row.tags,
        rating: verdict ? toRatingDto(verdict.rating, row.language) : null,
        verdict: verdict ? { headline: verdict.headline, publishedAt: verdict.publishedAt?.toISOString() ?? publishedAt } : null,
        publishedAt,
        path: claimPath(row.slug),
      };
    }),
    nextCursor:
      rows.length > limit && last?.publishedAt ? { publishedAt: last.publishedAt.toISOString(), id: last.id } : null,
  };
}

export type PublicQuote = Pick<QuoteAnchor, 'exact' | 'prefix' | 'suffix' | 'start' | 'end'>;

export type PublicEvidence = {
  sourceId: string;
  sourceTitle: string | null;
  stance: 'SUPPORTS' | 'REFUTES' | 'CONTEXT';
  note: string | null;
  quote: PublicQuote | null;
  /** Anchor in the public source page, when the evidence quotes a passage. */
  quotePath: string | null;
};

export type PublicVerdict = {
  number: number;
  rating: RatingDto;
  headline: string;
  explanation: string;
  asOf: string;
  publishedAt: string;
  /** Who wrote it and who approved it, as ATTEST_VERDICT_CREDITS says to name them. */
  credits: VerdictCredits;
  evidence: PublicEvidence[];
};

export type PublicClaimDetail = {
  slug: string;
  summary: string;
  text: string;
  language: string;
  status: 'PUBLISHED' | 'ARCHIVED';
  claimedAt: string | null;
  tags: string[];
  publishedAt: string | null;
  archived: { at: string; reason: string | null } | null;
  claimant: { name: string; slug: string; kind: string; country: string | null; description: string | null; sameAs: string[] };
  verdict: PublicVerdict | null;
  appearances: {
    id: string;
    source: { id: string; title: string | null; publisher: string | null; url: string | null; publishedAt: string | null };
    speaker: { name: string; slug: string };
    stance: 'ASSERTS' | 'REPORTS' | 'DENIES';
    quote: PublicQuote;
    quotePath: string;
  }[];
  relations: { type: string; direction: 'outgoing' | 'incoming'; note: string | null; claim: { slug: string; summary: string } }[];
  /** Earlier published verdicts, newest first, each with the correction that replaced it. */
  history: (Omit<PublicVerdict, 'evidence'> & {
    supersededAt: string | null;
    correction: { note: string; publishedAt: string; toRating: RatingDto } | null;
  })[];
  /**
   * "Changes to this fact check": each change to what the claim tells
   * readers, approved by a second editor, newest first, with its note.
   */
  changes: PublicClaimChange[];
};

export type PublicClaimChange = { publishedAt: string; changed: RevisedClaimField[]; quotesAdded: number; note: string };

/** Also used by dashboard-queries.ts. */
export const quoteSelect = { exact: true, prefix: true, suffix: true, start: true, end: true } as const;

export function sourceQuotePath(sourceId: string, quoteId: string): string {
  return `/sources/${encodeURIComponent(sourceId)}#quote-${quoteId}`;
}

/** A calendar date as "YYYY-MM-DD"; also used by dashboard-queries.ts. */
export function isoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** One public claim (published, or archived after publication), or null. */
export async function findPublicClaimBySlug(slug: string, creditSettings: CreditSettings = siteSettings()): Promise<PublicClaimDetail | null> {
  const claim = await prisma.claim.findFirst({
    where: { AND: [{ slug }, publicClaimWhere] },
    select: {
      slug: true,
      summary: true,
      text: true,
      language: true,
      status: true,
      claimedAt: true,
      tags: true,
      publishedAt: true,
      archivedAt: true,
      archiveReason: true,
      claimant: { select: { name: true, slug: true, kind: true, country: true, description: true, sameAs: true } },
      appearances: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          stance: true,
          ...quoteSelect,
          source: { select: { id: true, title: true, publisher: true, url: true, publishedAt: true } },
          speaker: { select: { name: true, slug: true } },
        },
      },
      verdicts: {
        where: { state: { in: ['PUBLISHED', 'SUPERSEDED'] } },
        orderBy: { number: 'desc' },
        select: {
          number: true,
          state: true,
          headline: true,
          explanation: true,
          asOf: true,
          publishedAt: true,
          supersededAt: true,
          rating: { select: ratingSelect },
          author: { select: { name: true } },
          reviewer: { select: { name: true } },
          correctionFrom: { select: { note: true, publishedAt: true, toRating: { select: ratingSelect } } },
          evidence: {
            orderBy: [{ position: 'asc' }, { id: 'asc' }],
            select: { id: true, sourceId: true, stance: true, note: true, ...quoteSelect, source: { select: { title: true } } },
          },
        },
      },
      relationsFrom: {
        where: { toClaim: publicClaimWhere },
        orderBy: { createdAt: 'asc' },
        select: { type: true, note: true, toClaim: { select: { slug: true, summary: true } } },
      },
      relationsTo: {
        where: { fromClaim: publicClaimWhere },
        orderBy: { createdAt: 'asc' },
        select: { type: true, note: true, fromClaim: { select: { slug: true, summary: true } } },
      },
      revisions: {
        where: { state: 'APPROVED' },
        orderBy: [{ closedAt: 'desc' }, { id: 'desc' }],
        select: { closedAt: true, note: true, ...revisionWordingSelect, _count: { select: { appearances: true } } },
      },
    },
  });
  if (!claim || (claim.status !== 'PUBLISHED' && claim.status !== 'ARCHIVED')) return null;

  const label = (rating: Parameters<typeof toRatingDto>[0]) => toRatingDto(rating, claim.language);
  const credits = (v: { author: { name: string }; reviewer: { name: string } | null }) =>
    verdictCredits({ author: v.author.name, approver: v.reviewer?.name ?? null }, creditSettings);
  const current = claim.verdicts.find((v) => v.state === 'PUBLISHED');
  return {
    slug: claim.slug,
    summary: claim.summary,
    text: claim.text,
    language: claim.language,
    status: claim.status,
    claimedAt: isoDate(claim.claimedAt),
    tags: claim.tags,
    publishedAt: claim.publishedAt?.toISOString() ?? null,
    archived: claim.status === 'ARCHIVED' && claim.archivedAt ? { at: claim.archivedAt.toISOString(), reason: claim.archiveReason } : null,
    claimant: claim.claimant,
    verdict: current
      ? {
          number: current.number,
          rating: label(current.rating),
          headline: current.headline,
          explanation: current.explanation,
          asOf: isoDate(current.asOf) ?? '',
          publishedAt: current.publishedAt?.toISOString() ?? '',
          credits: credits(current),
          evidence: current.evidence.map((e) => {
            const quote = e.exact !== null && e.prefix !== null && e.suffix !== null && e.start !== null && e.end !== null
              ? { exact: e.exact, prefix: e.prefix, suffix: e.suffix, start: e.start, end: e.end }
              : null;
            return {
              sourceId: e.sourceId,
              sourceTitle: e.source.title,
              stance: e.stance,
              note: e.note,
              quote,
              quotePath: quote ? sourceQuotePath(e.sourceId, e.id) : null,
            };
          }),
        }
      : null,
    appearances: claim.appearances.map((a) => ({
      id: a.id,
      source: { ...a.source, publishedAt: isoDate(a.source.publishedAt) },
      speaker: a.speaker,
      stance: a.stance,
      quote: { exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end },
      quotePath: sourceQuotePath(a.source.id, a.id),
    })),
    relations: [
      ...claim.relationsFrom.map((r) => ({ type: r.type, direction: 'outgoing' as const, note: r.note, claim: r.toClaim })),
      ...claim.relationsTo.map((r) => ({ type: r.type, direction: 'incoming' as const, note: r.note, claim: r.fromClaim })),
    ],
    history: claim.verdicts
      .filter((v) => v.state === 'SUPERSEDED')
      .map((v) => ({
        number: v.number,
        rating: label(v.rating),
        headline: v.headline,
        explanation: v.explanation,
        asOf: isoDate(v.asOf) ?? '',
        publishedAt: v.publishedAt?.toISOString() ?? '',
        credits: credits(v),
        supersededAt: v.supersededAt?.toISOString() ?? null,
        correction: v.correctionFrom
          ? { note: v.correctionFrom.note, publishedAt: v.correctionFrom.publishedAt.toISOString(), toRating: label(v.correctionFrom.toRating) }
          : null,
      })),
    changes: claim.revisions.map((r) => ({
      publishedAt: r.closedAt?.toISOString() ?? '',
      changed: changedFieldsOfRevision(r),
      quotesAdded: r._count.appearances,
      note: r.note,
    })),
  };
}

/** Cheap existence check for the public claim page (see proxy.ts). */
export async function isPublicClaimSlug(slug: string): Promise<boolean> {
  return (await prisma.claim.count({ where: { AND: [{ slug }, publicClaimWhere] } })) > 0;
}

/**
 * Whether a public claim carries the tag (exactly as written): its page
 * exists. Archived claims count, because their pages still link to it.
 */
export async function isPublicTag(tag: string): Promise<boolean> {
  const claim = await prisma.claim.findFirst({ where: { AND: [{ tags: { has: tag } }, publicClaimWhere] }, select: { id: true } });
  return claim !== null;
}
