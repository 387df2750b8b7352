import type { Locale } from '../i18n/locales';

// How a rating is named. The scale has one label per interface language
// (ratings.label_fr, ratings.label_en); every page shows the label of its
// interface language, whatever the language of the claim it rates, so that
// the public pages, the lists and the dashboard use one vocabulary.

/** The rating fields every public view needs, whatever the query that read them. */
export type RatingRow = { key: string; labelFr: string; labelEn: string; value: number | null; colour: string };

/** The rating's label in each interface language. */
export type RatingLabels = Record<Locale, string>;

export type RatingDto = {
  key: string;
  /**
   * The label in the language of the claim it rates (French, else English):
   * what the read API's `rating.label` and ClaimReview's `alternateName` say
   * (the claim's language is the review's). Pages show `labels[locale]`.
   */
  label: string;
  labels: RatingLabels;
  value: number | null;
  colour: string;
};

/** The label of a rating in an interface language. */
export function ratingLabel(rating: { labelFr: string; labelEn: string }, locale: Locale): string {
  return locale === 'fr' ? rating.labelFr : rating.labelEn;
}

/** A rating as public reads return it: both interface labels, and the label in the rated claim's language. */
export function toRatingDto(rating: RatingRow, claimLanguage: string): RatingDto {
  const labels: RatingLabels = { fr: rating.labelFr, en: rating.labelEn };
  const label = claimLanguage.toLowerCase().startsWith('fr') ? labels.fr : labels.en;
  return { key: rating.key, label, labels, value: rating.value, colour: rating.colour };
}

export const ratingSelect = { key: true, labelFr: true, labelEn: true, value: true, colour: true } as const;
