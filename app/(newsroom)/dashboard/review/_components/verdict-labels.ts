import type { RatingDto } from '@/lib/ratings/labels';
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

/** The newsroom reads both labels of the scale: English for the UI, French as readers see it. */
export function dashboardRatingBadge(rating: Pick<VerdictRating, 'key' | 'labelEn' | 'labelFr' | 'colour'> & { value?: number | null }): RatingDto {
  return { key: rating.key, label: `${rating.labelEn} · ${rating.labelFr}`, value: rating.value ?? null, colour: rating.colour };
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
