import { claimPath } from '../claims/queries';
import type { ClaimListCursor } from '../claims/schema';
import { publicClaimWhere } from '../claims/visibility';
import { prisma } from '../db';
import { ratingSelect, toRatingDto, type RatingDto } from '../ratings/labels';
import { publishedAfterCursor } from '../pagination/keyset';

// The public corrections log: every correction a published verdict received,
// newest first. A correction is written only when a second editor approves
// the verdict that replaces a published one (lib/verdicts/review-mutations.ts),
// so a public claim's corrections are all public; an archived claim keeps its
// corrections listed, since its page stays readable.

export type PublicCorrection = {
  id: string;
  publishedAt: string;
  /** What changed and why, in the claim's language. */
  note: string;
  claim: { slug: string; summary: string; language: string; path: string; archived: boolean };
  fromRating: RatingDto;
  toRating: RatingDto;
};

/** Keyset position: the claim list's (publishedAt, id), on corrections. */
export type PublicCorrectionPage = { items: PublicCorrection[]; nextCursor: ClaimListCursor | null };

/** Published corrections, newest first, keyset-paginated on (publishedAt, id). */
export async function listPublishedCorrections({ limit, after }: { limit: number; after: ClaimListCursor | null }): Promise<PublicCorrectionPage> {
  const rows = await prisma.correction.findMany({
    where: {
      AND: [
        { claim: publicClaimWhere },
        publishedAfterCursor(after),
      ],
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: {
      id: true,
      publishedAt: true,
      note: true,
      claim: { select: { slug: true, summary: true, language: true, status: true } },
      fromRating: { select: ratingSelect },
      toRating: { select: ratingSelect },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      publishedAt: row.publishedAt.toISOString(),
      note: row.note,
      claim: {
        slug: row.claim.slug,
        summary: row.claim.summary,
        language: row.claim.language,
        path: claimPath(row.claim.slug),
        archived: row.claim.status === 'ARCHIVED',
      },
      fromRating: toRatingDto(row.fromRating, row.claim.language),
      toRating: toRatingDto(row.toRating, row.claim.language),
    })),
    nextCursor: rows.length > limit && last ? { publishedAt: last.publishedAt.toISOString(), id: last.id } : null,
  };
}
