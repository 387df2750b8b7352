import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { NotAllowed, RecordNotFound } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { approveVerdictAction, requestVerdictChangesAction } from '@/lib/verdicts/actions';
import { compareVerdicts } from '@/lib/verdicts/diff';
import { verdictStateLabelKey } from '@/lib/verdicts/labels';
import { findVerdictForReview } from '@/lib/verdicts/review-queries';
import { ClaimContext } from '../../claims/[id]/verdicts/_components/claim-context';
import { REVIEW_FORM_NAMESPACES, ScopedMessages } from '../_components/scoped-messages';
import { ReviewForms } from '../_components/review-forms';
import { VerdictDiff, verdictDiffLabels } from '../_components/verdict-diff';
import { VerdictView } from '../_components/verdict-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review.verdict');
  return { title: t('metaTitle') };
}

type Props = { params: Promise<{ verdictId: string }>; searchParams: Promise<{ done?: string }> };

export default async function ReviewPage({ params, searchParams }: Props) {
  const { verdictId } = await params;
  const { done } = await searchParams;
  const { actor, allowed } = await requirePageActor('verdict.review', `/dashboard/review/${encodeURIComponent(verdictId)}`);
  if (!allowed) return <NotAllowed />;
  const review = await findVerdictForReview(actor, verdictId);
  if (!review) return <RecordNotFound kind="review" />;
  const [t, tAll, labels, locale] = await Promise.all([getTranslations('review.verdict'), getTranslations(), verdictDiffLabels(), getLocale()]);
  const { claim, verdict, published, commented, isOwn } = review;
  const language = claim.language;
  const publicPath = `/claims/${encodeURIComponent(claim.slug)}`;
  const state = tAll(verdictStateLabelKey(verdict.state));

  return (
    <>
      <h1>{t('heading', { number: verdict.number })}</h1>
      {done === 'published' && verdict.state === 'PUBLISHED' && (
        <p className="form-success" role="status">
          {t.rich('published', { link: (chunks) => <Link href={publicPath}>{chunks}</Link> })}
        </p>
      )}
      <p className="muted small">
        {verdict.submittedAt
          ? t.rich('metaSubmitted', { state, author: verdict.author.name, date: () => verdict.submittedAt && <FormattedDate value={verdict.submittedAt} withTime /> })
          : t('meta', { state, author: verdict.author.name })}
      </p>
      <ClaimContext claim={claim} showAppearances />

      <section aria-labelledby="submitted-heading">
        <h2 id="submitted-heading">{t('submittedHeading')}</h2>
        <VerdictView verdict={verdict} language={language} />
      </section>

      {commented && (
        <section aria-labelledby="since-review-heading">
          <h2 id="since-review-heading">{t('sinceReview.heading')}</h2>
          <p>
            {t.rich(commented.reviewerName ? 'sinceReview.intro' : 'sinceReview.introNoReviewer', {
              reviewer: commented.reviewerName ?? '',
              date: () => <FormattedDate value={commented.requestedAt} withTime />,
            })}
          </p>
          <VerdictDiff
            comparison={compareVerdicts(commented.verdict, verdict, labels)}
            language={language}
            fromLabel={t('sinceReview.sentBack')}
            toLabel={t('sinceReview.now')}
          />
        </section>
      )}

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">{published ? t('changes.fromPublished', { number: published.number }) : t('changes.heading')}</h2>
        {published ? (
          <>
            {!verdict.correctionNote && verdict.state === 'SUBMITTED' && (
              <p className="banner" role="note">
                {t('changes.noCorrectionNote')}
              </p>
            )}
            <VerdictDiff
              comparison={compareVerdicts(published, verdict, labels)}
              language={language}
              fromLabel={t('changes.version', { number: published.number })}
              toLabel={t('changes.version', { number: verdict.number })}
            />
          </>
        ) : (
          <p>{commented ? t('changes.nothingPublished') : t('changes.firstVerdict')}</p>
        )}
      </section>

      {verdict.reviews.length > 0 && (
        <section aria-labelledby="reviews-heading">
          <h2 id="reviews-heading">{t('earlierReviews.heading')}</h2>
          <ul className="quote-list">
            {verdict.reviews.map((item) => (
              <li key={item.id}>
                {t.rich(item.decision === 'APPROVED' ? 'earlierReviews.approved' : 'earlierReviews.changesRequested', {
                  reviewer: item.reviewerName,
                  date: () => <FormattedDate value={item.createdAt} withTime />,
                })}
                {item.comment && <blockquote lang={language}>{item.comment}</blockquote>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading">{t('decision.heading')}</h2>
        {verdict.state !== 'SUBMITTED' ? (
          <p className="banner" role="note">
            {t('decision.notWaiting', { state: state.toLocaleLowerCase(locale) })}
          </p>
        ) : isOwn ? (
          <p className="banner" role="note">
            {t('decision.own')}
          </p>
        ) : (
          <ScopedMessages namespaces={REVIEW_FORM_NAMESPACES}>
            <ReviewForms
              record={{ verdictId: verdict.id, version: verdict.version }}
              approve={approveVerdictAction}
              decline={requestVerdictChangesAction}
              approveHint={t('decision.approveHint')}
              declineLabel={t('decision.decline')}
              commentHint={t('decision.commentHint')}
            />
          </ScopedMessages>
        )}
      </section>
    </>
  );
}
