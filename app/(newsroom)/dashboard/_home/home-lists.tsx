import { useFormatter, useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { localizedPath, type Locale } from '@/lib/i18n/locales';
import { toRatingDto } from '@/lib/ratings/labels';
import type { ChangesRequestedItem, DashboardCounts, MyDraftClaim, MyDraftVerdict, RecentlyPublishedItem } from '@/lib/verdicts/home-queries';
import type { ReviewQueueItem } from '@/lib/verdicts/review-queries';
import { claimDashboardPath, reviewPath, verdictEditorPath } from '../review/_components/verdict-labels';

// The overview's lists. Claim summaries keep their own language (lang); the
// words around them are in the dashboard's.

const savedAt = (value: string) => ({ date: () => <FormattedDate value={value} withTime /> });

export function Counts({ counts }: { counts: DashboardCounts }) {
  const t = useTranslations('dashboardHome.counts');
  const format = useFormatter();
  const items: [string, number][] = [
    [t('draftClaims'), counts.draftClaims],
    [t('inReviewClaims'), counts.inReviewClaims],
    [t('publishedClaims'), counts.publishedClaims],
    [t('archivedClaims'), counts.archivedClaims],
    [t('verdictsWaitingForReview'), counts.verdictsWaitingForReview],
  ];
  return (
    <dl className="meta">
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>
            <strong>{format.number(value)}</strong>
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
  const t = useTranslations('dashboardHome.myDrafts');
  return (
    <HomeSection id="my-drafts" title={t('title')} empty={t('empty')} count={verdicts.length + claims.length}>
      {verdicts.map((item) => (
        <li key={item.verdictId}>
          <Link href={verdictEditorPath(item.claim.id, item.verdictId)}>
            {t('verdict', { number: item.number })} <span lang={item.claim.language}>{item.claim.summary}</span>
          </Link>
          <span className="muted small"> · {t.rich('saved', savedAt(item.updatedAt))}</span>
        </li>
      ))}
      {claims.map((item) => (
        <li key={item.claimId}>
          <Link href={claimDashboardPath(item.claimId)}>
            {t('claimWithoutVerdict')} <span lang={item.language}>{item.summary}</span>
          </Link>
          <span className="muted small"> · {t.rich('saved', savedAt(item.updatedAt))}</span>
        </li>
      ))}
    </HomeSection>
  );
}

export function WaitingForMyReview({ items }: { items: ReviewQueueItem[] }) {
  const t = useTranslations('dashboardHome.waitingForReview');
  const tVersion = useTranslations('dashboardHome.version');
  return (
    <HomeSection id="waiting-review" title={t('title')} empty={t('empty')} count={items.length}>
      {items.map((item) => (
        <li key={item.verdictId}>
          <Link href={reviewPath(item.verdictId)}>
            <span lang={item.claim.language}>{item.claim.summary}</span> — {tVersion(item.isCorrection ? 'correction' : 'plain', { number: item.number })}
          </Link>
          <span className="muted small">
            {' '}
            · {t('by', { name: item.authorName })}
            {item.submittedAt && <>, {t.rich('submitted', savedAt(item.submittedAt))}</>}
          </span>
        </li>
      ))}
    </HomeSection>
  );
}

export function ChangesRequested({ items }: { items: ChangesRequestedItem[] }) {
  const t = useTranslations('dashboardHome.changesRequested');
  const tVersion = useTranslations('dashboardHome.version');
  return (
    <HomeSection id="changes-requested" title={t('title')} empty={t('empty')} count={items.length}>
      {items.map((item) => (
        <li key={item.verdictId}>
          <Link href={verdictEditorPath(item.claim.id, item.verdictId)}>
            <span lang={item.claim.language}>{item.claim.summary}</span> — {tVersion('plain', { number: item.number })}
          </Link>
          <p className="small">{t.rich('requestedBy', { name: item.reviewerName, ...savedAt(item.requestedAt) })}</p>
          {item.comment && <blockquote>{item.comment}</blockquote>}
        </li>
      ))}
    </HomeSection>
  );
}

export function RecentlyPublished({ items }: { items: RecentlyPublishedItem[] }) {
  const t = useTranslations('dashboardHome.recentlyPublished');
  const tVersion = useTranslations('dashboardHome.version');
  const locale = useLocale() as Locale;
  return (
    <HomeSection id="recently-published" title={t('title')} empty={t('empty')} count={items.length}>
      {items.map((item) => (
        <li key={item.verdictId}>
          {/* One vocabulary per language: the rating's label in the dashboard's language. */}
          <RatingBadge rating={toRatingDto({ ...item.rating, value: null }, locale)} link={false} />{' '}
          <Link href={verdictEditorPath(item.claim.id, item.verdictId)}>
            <span lang={item.claim.language}>{item.claim.summary}</span>
          </Link>
          <span className="muted small">
            {' '}
            · {tVersion(item.isCorrection ? 'correction' : 'plain', { number: item.number })} · <FormattedDate value={item.publishedAt} withTime /> ·{' '}
            <Link href={localizedPath(`/claims/${encodeURIComponent(item.claim.slug)}`, locale)}>{t('publicPage')}</Link>
          </span>
        </li>
      ))}
    </HomeSection>
  );
}
