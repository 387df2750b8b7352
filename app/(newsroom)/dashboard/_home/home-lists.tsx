import Link from 'next/link';
import type { ReactNode } from 'react';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import type { ChangesRequestedItem, DashboardCounts, MyDraftClaim, MyDraftVerdict, RecentlyPublishedItem } from '@/lib/verdicts/home-queries';
import type { ReviewQueueItem } from '@/lib/verdicts/review-queries';
import { claimDashboardPath, dashboardRatingBadge, reviewPath, verdictEditorPath } from '../review/_components/verdict-labels';

export function Counts({ counts }: { counts: DashboardCounts }) {
  const items: [string, number][] = [
    ['Draft claims', counts.draftClaims],
    ['Claims in review', counts.inReviewClaims],
    ['Published claims', counts.publishedClaims],
    ['Archived claims', counts.archivedClaims],
    ['Verdicts waiting for review', counts.verdictsWaitingForReview],
  ];
  return (
    <dl className="meta">
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>
            <strong>{value}</strong>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function HomeSection({ id, title, empty, children, count }: { id: string; title: string; empty: string; children: ReactNode; count: number }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {count === 0 ? <p className="muted">{empty}</p> : <ul className="quote-list">{children}</ul>}
    </section>
  );
}

export function MyDrafts({ verdicts, claims }: { verdicts: MyDraftVerdict[]; claims: MyDraftClaim[] }) {
  return (
    <HomeSection id="my-drafts" title="My drafts" empty="You have no drafts." count={verdicts.length + claims.length}>
      {verdicts.map((item) => (
        <li key={item.verdictId}>
          <Link href={verdictEditorPath(item.claim.id, item.verdictId)}>
            Verdict, version {item.number}: <span lang={item.claim.language}>{item.claim.summary}</span>
          </Link>
          <span className="muted small">
            {' '}
            · saved <FormattedDate value={item.updatedAt} withTime />
          </span>
        </li>
      ))}
      {claims.map((item) => (
        <li key={item.claimId}>
          <Link href={claimDashboardPath(item.claimId)}>
            Claim without a verdict: <span lang={item.language}>{item.summary}</span>
          </Link>
          <span className="muted small">
            {' '}
            · saved <FormattedDate value={item.updatedAt} withTime />
          </span>
        </li>
      ))}
    </HomeSection>
  );
}

export function WaitingForMyReview({ items }: { items: ReviewQueueItem[] }) {
  return (
    <HomeSection id="waiting-review" title="Waiting for my review" empty="Nothing is waiting for your review." count={items.length}>
      {items.map((item) => (
        <li key={item.verdictId}>
          <Link href={reviewPath(item.verdictId)}>
            <span lang={item.claim.language}>{item.claim.summary}</span> — version {item.number}
            {item.isCorrection ? ' (correction)' : ''}
          </Link>
          <span className="muted small">
            {' '}
            · by {item.authorName}
            {item.submittedAt && (
              <>
                , submitted <FormattedDate value={item.submittedAt} withTime />
              </>
            )}
          </span>
        </li>
      ))}
    </HomeSection>
  );
}

export function ChangesRequested({ items }: { items: ChangesRequestedItem[] }) {
  return (
    <HomeSection id="changes-requested" title="Changes requested on mine" empty="No reviewer has asked you for changes." count={items.length}>
      {items.map((item) => (
        <li key={item.verdictId}>
          <Link href={verdictEditorPath(item.claim.id, item.verdictId)}>
            <span lang={item.claim.language}>{item.claim.summary}</span> — version {item.number}
          </Link>
          <p className="small">
            Changes requested by {item.reviewerName}, <FormattedDate value={item.requestedAt} withTime />:
          </p>
          {item.comment && <blockquote>{item.comment}</blockquote>}
        </li>
      ))}
    </HomeSection>
  );
}

export function RecentlyPublished({ items }: { items: RecentlyPublishedItem[] }) {
  return (
    <HomeSection id="recently-published" title="Recently published" empty="Nothing has been published yet." count={items.length}>
      {items.map((item) => (
        <li key={item.verdictId}>
          <RatingBadge rating={dashboardRatingBadge(item.rating)} />{' '}
          <Link href={verdictEditorPath(item.claim.id, item.verdictId)}>
            <span lang={item.claim.language}>{item.claim.summary}</span>
          </Link>
          <span className="muted small">
            {' '}
            · version {item.number}
            {item.isCorrection ? ' (correction)' : ''} · <FormattedDate value={item.publishedAt} withTime /> ·{' '}
            <Link href={`/claims/${encodeURIComponent(item.claim.slug)}`}>public page</Link>
          </span>
        </li>
      ))}
    </HomeSection>
  );
}
