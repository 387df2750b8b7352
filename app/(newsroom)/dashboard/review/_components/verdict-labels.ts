import type { RatingDto } from '@/lib/ratings/labels';
import type { RatingOption, VerdictRating } from '@/lib/verdicts/queries';

/** The newsroom reads both labels of the scale: English for the UI, French as readers see it. */
export function dashboardRatingBadge(rating: Pick<VerdictRating, 'key' | 'labelEn' | 'labelFr' | 'colour'> & { value?: number | null }): RatingDto {
  return { key: rating.key, label: `${rating.labelEn} · ${rating.labelFr}`, value: rating.value ?? null, colour: rating.colour };
}

/** A rating's label in the interface language: one vocabulary per language. */
export function ratingLabelIn(rating: Pick<RatingOption, 'labelEn' | 'labelFr'>, locale: string): string {
  return locale === 'fr' ? rating.labelFr : rating.labelEn;
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
