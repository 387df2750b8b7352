import type { Locale } from '@/lib/i18n/locales';
import { ratingLabel, type RatingDto } from '@/lib/ratings/labels';
import type { VerdictRating, VerdictStateKey } from '@/lib/verdicts/queries';

export const verdictStateLabel: Record<VerdictStateKey, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted for review',
  PUBLISHED: 'Published',
  SUPERSEDED: 'Superseded',
};

export const claimStatusLabel = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
} as const;

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

export const OWN_VERDICT_NOTE = 'You wrote this verdict: another editor must review it.';
