import { prisma } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { Locale } from '../i18n/locales';
import { publicClaimWhere } from '../claims/visibility';
import type { RatingLabels } from './labels';
import { ratingFieldsSelect, ratingScaleOrder } from './queries';

// Public reads of the rating scale (no actor: the scale is what readers are
// told ratings mean). Plain JSON-ready objects, cacheable as they are.

/**
 * A rating readers can meet: one of the active scale, or a retired one that
 * still rates a public claim (its badge is on that claim's page).
 */
export const publicRatingWhere = {
  OR: [{ active: true }, { verdicts: { some: { state: 'PUBLISHED', claim: publicClaimWhere } } }],
} satisfies Prisma.RatingWhereInput;

export type PublicRating = {
  key: string;
  labels: RatingLabels;
  descriptions: Record<Locale, string>;
  value: number | null;
  colour: string;
};

export async function findPublicRatingByKey(key: string): Promise<PublicRating | null> {
  const row = await prisma.rating.findFirst({ where: { AND: [{ key }, publicRatingWhere] }, select: ratingFieldsSelect });
  if (!row) return null;
  return {
    key: row.key,
    labels: { fr: row.labelFr, en: row.labelEn },
    descriptions: { fr: row.descriptionFr, en: row.descriptionEn },
    value: row.value,
    colour: row.colour,
  };
}

/** Cheap existence check for the public rating page (see lib/public-pages/exists.ts). */
export async function isPublicRatingKey(key: string): Promise<boolean> {
  return (await prisma.rating.count({ where: { AND: [{ key }, publicRatingWhere] } })) > 0;
}

/** The scale in its order, with the fields a scorecard needs, retired ratings included (the caller keeps those in use). */
export async function listRatingScaleForScorecard(): Promise<{ id: string; key: string; labels: RatingLabels; colour: string; active: boolean }[]> {
  const rows = await prisma.rating.findMany({
    orderBy: [...ratingScaleOrder],
    select: { id: true, key: true, labelFr: true, labelEn: true, colour: true, active: true },
  });
  return rows.map((row) => ({ id: row.id, key: row.key, labels: { fr: row.labelFr, en: row.labelEn }, colour: row.colour, active: row.active }));
}
