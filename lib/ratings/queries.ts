import { prisma } from '../db';
import { assertCan, type Actor } from '../permissions';

/** One rating of the scale as its admin page shows it. */
export type RatingScaleItem = {
  id: string;
  key: string;
  labelFr: string;
  labelEn: string;
  descriptionFr: string;
  descriptionEn: string;
  value: number | null;
  colour: string;
  position: number;
  active: boolean;
  version: number;
  /** Verdict versions (any state) rated with it: a rating in use is never deleted, only deactivated. */
  verdictCount: number;
};

/** The order of the scale, everywhere it is listed. */
export const ratingScaleOrder = [{ position: 'asc' }, { key: 'asc' }] as const;

/** A rating's own fields: what the admin page shows, and what its audit rows keep. */
export const ratingFieldsSelect = {
  id: true,
  key: true,
  labelFr: true,
  labelEn: true,
  descriptionFr: true,
  descriptionEn: true,
  value: true,
  colour: true,
  position: true,
  active: true,
  version: true,
} as const;

/** The whole rating scale, in its order, inactive ratings included. */
export async function listRatingScale(actor: Actor): Promise<RatingScaleItem[]> {
  assertCan(actor, 'rating.manage');
  const rows = await prisma.rating.findMany({
    orderBy: [...ratingScaleOrder],
    select: { ...ratingFieldsSelect, _count: { select: { verdicts: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, verdictCount: _count.verdicts }));
}
