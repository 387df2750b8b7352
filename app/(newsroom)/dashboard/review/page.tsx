import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { describeClaimChange } from '@/lib/claims/labels';
import { listClaimRevisionQueue } from '@/lib/claims/revision-queries';
import { can } from '@/lib/permissions';
import { listReviewQueue, listSentBackVerdicts } from '@/lib/verdicts/review-queries';
import { claimRevisionReviewPath, ratingLabelIn, reviewPath, verdictEditorPath } from './_components/verdict-labels';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review.queue');
  return { title: t('metaTitle') };
}

const doneMessages = ['changes-requested', 'revision-rejected'] as const;

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const { done } = await searchParams;
  const { actor, allowed } = await requirePageActor('verdict.review', '/dashboard/review');
  if (!allowed) return <NotAllowed />;
  const [queue, sentBack, revisions, t, labels, locale] = await Promise.all([
    listReviewQueue(actor),
    listSentBackVerdicts(actor),
    can(actor, 'claim.review') ? listClaimRevisionQueue(actor) : [],
    getTranslations('review.queue'),
    getTranslations(),
    getLocale(),
  ]);
  const doneMessage = doneMessages.find((outcome) => outcome === done);

  return (
    <>
      <h1>{t('heading')}</h1>
      {doneMessage && (
        <p className="form-success" role="status">
          {t(`done.${doneMessage}`)}
        </p>
      )}
      <p className="muted">{t('intro')}</p>
      <h2>{t('verdicts.heading')}</h2>
      {queue.length === 0 ? (
        <p>{t('verdicts.empty')}</p>
      ) : (
        <table className="data stacked">
          <thead>
            <tr>
              <th scope="col">{t('columns.claim')}</th>
              <th scope="col">{t('columns.verdict')}</th>
              <th scope="col">{t('columns.author')}</th>
              <th scope="col">{t('columns.submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={item.verdictId}>
                <td>
                  <Link href={reviewPath(item.verdictId)} lang={item.claim.language}>
                    {item.claim.summary}
                  </Link>
                </td>
                <td data-label={t('columns.verdict')}>
                  {t('verdicts.version', { number: item.number, rating: ratingLabelIn(item.rating, locale) })}
                  {item.isCorrection && <span className="muted small"> {t('verdicts.correction')}</span>}
                  {item.isResubmission && <span className="muted small"> {t('verdicts.resubmitted')}</span>}
                </td>
                <td data-label={t('columns.author')}>{item.authorName}</td>
                <td data-label={t('columns.submitted')}>{item.submittedAt ? <FormattedDate value={item.submittedAt} withTime /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="sent-back-heading">
        <h2 id="sent-back-heading">{t('sentBack.heading')}</h2>
        {sentBack.length === 0 ? (
          <p>{t('sentBack.empty')}</p>
        ) : (
          <ul className="quote-list">
            {sentBack.map((item) => (
              <li key={item.verdictId}>
                <Link href={verdictEditorPath(item.claim.id, item.verdictId)} lang={item.claim.language}>
                  {item.claim.summary}
                </Link>
                <p className="small muted">
                  {t.rich('sentBack.item', {
                    number: item.number,
                    author: item.authorName,
                    reviewer: item.reviewerName,
                    date: () => <FormattedDate value={item.requestedAt} withTime />,
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">{t('revisions.heading')}</h2>
        {revisions.length === 0 ? (
          <p>{t('revisions.empty')}</p>
        ) : (
          <table className="data stacked">
            <thead>
              <tr>
                <th scope="col">{t('columns.claim')}</th>
                <th scope="col">{t('columns.proposedChange')}</th>
                <th scope="col">{t('columns.author')}</th>
                <th scope="col">{t('columns.proposed')}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((item) => (
                <tr key={item.revisionId}>
                  <td>
                    <Link href={claimRevisionReviewPath(item.revisionId)} lang={item.claim.language}>
                      {item.claim.summary}
                    </Link>
                  </td>
                  <td data-label={t('columns.proposedChange')}>{describeClaimChange(labels, item.comparison.changedFields, item.quotesAdded)}</td>
                  <td data-label={t('columns.author')}>{item.authorName}</td>
                  <td data-label={t('columns.proposed')}>
                    <FormattedDate value={item.proposedAt} withTime />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
