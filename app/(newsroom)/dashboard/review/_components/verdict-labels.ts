import type { Locale } from '@/lib/i18n/locales';
import { ratingLabel, type RatingDto } from '@/lib/ratings/labels';
import type { RatingOption, VerdictRating } from '@/lib/verdicts/queries';

/**
 * A verdict's rating as a badge. The badge shows the label of the interface
 * language (RatingBadge reads it); `locale` picks the DTO's `label` too, for
 * a caller that prints the label as text (default: English).
 */
export function dashboardRatingBadge(
  rating: Pick<VerdictRating, 'key' | 'labelEn' | 'labelFr' | 'colour'> & { value?: number | null },
  locale: Locale = 'en',
): RatingDto {
  return {
    key: rating.key,
    label: ratingLabel(rating, locale),
    labels: { fr: rating.labelFr, en: rating.labelEn },
    value: rating.value ?? null,
    colour: rating.colour,
  };
}

/** A rating's label in the interface language: one vocabulary per language. */
export function ratingLabelIn(rating: Pick<RatingOption, 'labelEn' | 'labelFr'>, locale: string): string {
  return ratingLabel(rating, locale === 'fr' ? 'fr' : 'en');
}

export function verdictEditorPath(claimId: string, verdictId: string): string {
  return `/dashboard/claims/${encodeURIComponent(claimId)}/verdicts/${encodeURIComponent(verdictId)}`;
}

export function reviewPath(verdictId: string): string {
  return `/dashboard/review/${encodeURIComponent(verdictId)}`;
}

export function claimRevisionReviewPath(revisionId: string): string {
  return `/dashboard/review/revisions/${encodeURIComponent(revisionId)}`;
}

export function claimDashboardPath(claimId: string): string {
  return `/dashboard/claims/${encodeURIComponent(claimId)}`;
}

export function claimHistoryPath(claimId: string): string {
  return `${claimDashboardPath(claimId)}/history`;
}

/**
 * A quoted passage in its archived source, on the dashboard's source page:
 * it shows every source (published or not) to the newsroom, with each quote
 * of an appearance or an evidence row highlighted at the anchor `quote-<id>`.
 */
export function sourcePassagePath(sourceId: string, quoteId: string): string {
  return `/dashboard/sources/${encodeURIComponent(sourceId)}#quote-${encodeURIComponent(quoteId)}`;
}

export function sourceDashboardPath(sourceId: string): string {
  return `/dashboard/sources/${encodeURIComponent(sourceId)}`;
}
