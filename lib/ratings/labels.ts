/** The rating fields every public view needs, whatever the query that read them. */
export type RatingRow = { key: string; labelFr: string; labelEn: string; value: number | null; colour: string };

export type RatingDto = { key: string; label: string; value: number | null; colour: string };

/** A rating as readers see it: labelled in the claim's language (French, else English). */
export function toRatingDto(rating: RatingRow, language: string): RatingDto {
  const label = language.toLowerCase().startsWith('fr') ? rating.labelFr : rating.labelEn;
  return { key: rating.key, label, value: rating.value, colour: rating.colour };
}

export const ratingSelect = { key: true, labelFr: true, labelEn: true, value: true, colour: true } as const;
