import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ClaimChangeSummary } from '@/app/components/claim-change-summary';
import { FormattedDate } from '@/app/components/formatted-date';
import { ClaimRevisionDiff } from '@/app/(newsroom)/dashboard/review/_components/claim-revision-diff';
import { claimRevisionReviewPath } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';
import { claimRevisionStateLabelKey } from '@/lib/claims/labels';
import type { ClaimRevisionsForEditor } from '@/lib/claims/revision-queries';
import { WithdrawRevisionButton } from './withdraw-revision-button';

/**
 * The claim editor's view of its proposed revisions: the open one with its
 * diff (its author may withdraw it, other editors open its review), and the
 * last ones closed, with the reviewer's comment.
 */
export async function RevisionPanel({
  revisions,
  actorId,
  mayReview,
}: {
  revisions: ClaimRevisionsForEditor;
  actorId: string;
  mayReview: boolean;
}) {
  const { open, recent } = revisions;
  if (!open && recent.length === 0) return null;
  const t = await getTranslations('claimEditor.revisions');
  const labels = await getTranslations();
  return (
    <section aria-labelledby="revision-heading">
      <h2 id="revision-heading">{t('heading')}</h2>
      {open ? (
        <div className="banner" role="note">
          <p>
            <strong>{labels(claimRevisionStateLabelKey(open.state))}</strong> ·{' '}
            {t.rich('proposedBy', { author: open.author.name, date: () => <FormattedDate value={open.proposedAt} withTime /> })} ·{' '}
            <ClaimChangeSummary changed={open.comparison.changedFields} quotesAdded={open.appearances.length} />
          </p>
          <p>{t.rich('note', { note: () => <span lang={open.proposal.language}>{open.note}</span> })}</p>
          <p className="small">{t('readersSeePublished')}</p>
          {/* Not a <p>: the withdraw button is a <form>, which may not sit inside a paragraph. */}
          <div>
            {open.author.id === actorId ? (
              <WithdrawRevisionButton revisionId={open.id} version={open.version} />
            ) : (
              mayReview && <Link href={claimRevisionReviewPath(open.id)}>{t('reviewLink')}</Link>
            )}
          </div>
          <details>
            <summary>{t('diffSummary')}</summary>
            <ClaimRevisionDiff revision={open} />
          </details>
        </div>
      ) : (
        <p className="muted">{t('noneOpen')}</p>
      )}
      {recent.length > 0 && (
        <>
          <h3>{t('earlier')}</h3>
          <ul className="plain-list">
            {recent.map((revision) => (
              <li key={revision.id}>
                <strong>{labels(claimRevisionStateLabelKey(revision.state))}</strong>
                {revision.closedAt && (
                  <>
                    {' '}
                    <FormattedDate value={revision.closedAt} withTime />
                  </>
                )}{' '}
                · {t('proposedByName', { author: revision.author.name })}
                {revision.reviewer && <> · {t('reviewedBy', { reviewer: revision.reviewer.name })}</>} ·{' '}
                <ClaimChangeSummary changed={revision.comparison.changedFields} quotesAdded={revision.appearances.length} />
                {revision.reviewComment && (
                  <blockquote>{t('reviewComment', { reviewer: revision.reviewer?.name ?? t('theReviewer'), comment: revision.reviewComment })}</blockquote>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
