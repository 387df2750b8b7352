import { prisma } from '../db';

// What ClaimReview needs beyond the claim itself (lib/claims/claim-review.ts).

/** The ends of the truth scale, as ClaimReview's reviewRating states them. */
export type RatingScaleBounds = { best: number; worst: number };

/**
 * The highest and lowest `value` of the rating scale, or null when no rating
 * has one. Inactive ratings count: a published verdict may still carry one,
 * and its ratingValue must lie between the bounds its review declares.
 */
export async function findRatingScaleBounds(): Promise<RatingScaleBounds | null> {
  const { _max, _min } = await prisma.rating.aggregate({ _max: { value: true }, _min: { value: true } });
  if (_max.value === null || _min.value === null) return null;
  return { best: _max.value, worst: _min.value };
}
