import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { NotAllowed, RecordNotFound } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { approveClaimRevisionAction, rejectClaimRevisionAction } from '@/lib/claims/actions';
import { claimRevisionStateLabelKey } from '@/lib/claims/labels';
import { findClaimRevisionForReview } from '@/lib/claims/revision-queries';
import { ClaimRevisionDiff } from '../../_components/claim-revision-diff';
import { ReviewForms } from '../../_components/review-forms';
import { REVIEW_FORM_NAMESPACES, ScopedMessages } from '../../_components/scoped-messages';
import { claimDashboardPath } from '../../_components/verdict-labels';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review.revision');
  return { title: t('metaTitle') };
}

type Props = { params: Promise<{ revisionId: string }>; searchParams: Promise<{ done?: string }> };

export default async function ClaimRevisionReviewPage({ params, searchParams }: Props) {
  const { revisionId } = await params;
  const { done } = await searchParams;
  const { actor, allowed } = await requirePageActor('claim.review', `/dashboard/review/revisions/${encodeURIComponent(revisionId)}`);
  if (!allowed) return <NotAllowed />;
  const review = await findClaimRevisionForReview(actor, revisionId);
  if (!review) return <RecordNotFound kind="revision" />;
  const [t, tAll, locale] = await Promise.all([getTranslations('review.revision'), getTranslations(), getLocale()]);
  const { claim, revision, isOwn, isStale } = review;
  const state = tAll(claimRevisionStateLabelKey(revision.state));

  return (
    <>
      <h1>{t.rich('heading', { summary: () => <span lang={claim.language}>{claim.summary}</span> })}</h1>
      {done === 'approved' && revision.state === 'APPROVED' && (
        <p className="form-success" role="status">
          {t('approved')}{' '}
          {claim.publicPath && t.rich('approvedPublic', { link: (chunks) => claim.publicPath && <Link href={claim.publicPath}>{chunks}</Link> })}
        </p>
      )}
      <p className="muted small">
        {t.rich('meta', { state, author: revision.author.name, date: () => <FormattedDate value={revision.proposedAt} withTime /> })}
        {revision.reviewer && <> · {t('reviewedBy', { reviewer: revision.reviewer.name })}</>} ·{' '}
        <Link href={claimDashboardPath(claim.id)}>{t('openClaim')}</Link>
      </p>

      <section aria-labelledby="note-heading">
        <h2 id="note-heading">{t('note.heading')}</h2>
        <blockquote lang={revision.proposal.language}>{revision.note}</blockquote>
        <p className="hint">{t('note.hint')}</p>
      </section>

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t('changesHeading')}</h2>
        <ClaimRevisionDiff revision={revision} />
      </section>

      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading">{t('decision.heading')}</h2>
        {revision.state !== 'PROPOSED' ? (
          <p className="banner" role="note">
            {t('decision.notWaiting', { state: state.toLocaleLowerCase(locale) })}
            {revision.reviewComment && <> {t('decision.comment', { comment: revision.reviewComment })}</>}
          </p>
        ) : isOwn ? (
          <p className="banner" role="note">
            {t('decision.own')}
          </p>
        ) : (
          <>
            {isStale && (
              <p className="banner" role="note">
                {t('decision.stale')}
              </p>
            )}
            <ScopedMessages namespaces={REVIEW_FORM_NAMESPACES}>
              <ReviewForms
                record={{ revisionId: revision.id, version: revision.version }}
                approve={approveClaimRevisionAction}
                decline={rejectClaimRevisionAction}
                approveHint={t('decision.approveHint')}
                declineLabel={t('decision.decline')}
                commentHint={t('decision.commentHint')}
              />
            </ScopedMessages>
          </>
        )}
      </section>
    </>
  );
}
