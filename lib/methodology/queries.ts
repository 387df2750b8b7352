import { prisma } from '../db';
import { ratingScaleOrder } from '../ratings/queries';
import { listedClaimWhere, publicClaimWhere } from '../claims/visibility';
import type { RatingLabels } from '../ratings/labels';

// What the methodology page reads: the rating scale as readers meet it, and
// one real quote to show the provenance check on.

export type PublicScaleRating = {
  key: string;
  labels: RatingLabels;
  descriptions: RatingLabels;
  /** ClaimReview's ratingValue; null outside the truth scale. */
  value: number | null;
  colour: string;
  /** False for a rating no longer offered that still rates fact checks readers can open. */
  active: boolean;
};

/**
 * The scale in its order: every active rating, and the inactive ones that
 * still rate a public verdict (current or earlier) — every badge readers see
 * links to an entry here, so none may be missing.
 */
export async function listPublicRatingScale(): Promise<PublicScaleRating[]> {
  const rows = await prisma.rating.findMany({
    where: {
      OR: [{ active: true }, { verdicts: { some: { state: { in: ['PUBLISHED', 'SUPERSEDED'] }, claim: publicClaimWhere } } }],
    },
    orderBy: [...ratingScaleOrder],
    select: { key: true, labelFr: true, labelEn: true, descriptionFr: true, descriptionEn: true, value: true, colour: true, active: true },
  });
  return rows.map((row) => ({
    key: row.key,
    labels: { fr: row.labelFr, en: row.labelEn },
    descriptions: { fr: row.descriptionFr, en: row.descriptionEn },
    value: row.value,
    colour: row.colour,
    active: row.active,
  }));
}

export type QuoteCheckExample = {
  claim: { slug: string; summary: string; language: string };
  sourceId: string;
  /** Code-point offsets of the quote in the source's archived text. */
  start: number;
  end: number;
  exact: string;
};

/** The first quote of the newest listed fact check that has one, so that the check readers are shown runs as it is. */
export async function findQuoteCheckExample(): Promise<QuoteCheckExample | null> {
  const appearance = await prisma.appearance.findFirst({
    where: { claim: listedClaimWhere },
    orderBy: [{ claim: { publishedAt: 'desc' } }, { claim: { id: 'desc' } }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { sourceId: true, start: true, end: true, exact: true, claim: { select: { slug: true, summary: true, language: true } } },
  });
  return appearance && { claim: appearance.claim, sourceId: appearance.sourceId, start: appearance.start, end: appearance.end, exact: appearance.exact };
}
