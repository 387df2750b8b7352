import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { NotAllowed, RecordNotFound } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { can } from '@/lib/permissions';
import { findVerdictEditor, type VerdictDto } from '@/lib/verdicts/queries';
import { latestTodayIso } from '@/lib/verdicts/schema';
import { claimHistoryPath, ratingLabelIn, reviewPath } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';
import { ScopedMessages, VERDICT_EDITOR_NAMESPACES } from '@/app/(newsroom)/dashboard/review/_components/scoped-messages';
import { VerdictView } from '@/app/(newsroom)/dashboard/review/_components/verdict-view';
import { ClaimContext } from '../_components/claim-context';
import { editorInitial } from '../_components/editor-initial';
import { VerdictForm } from '../_components/verdict-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('verdictEditor.verdictPage');
  return { title: t('metaTitle') };
}

type Props = { params: Promise<{ id: string; verdictId: string }>; searchParams: Promise<{ saved?: string }> };

const savedMessages = ['draft', 'submitted'] as const;

async function ReadOnlyNote({ verdict, canReview, isOwn }: { verdict: VerdictDto; canReview: boolean; isOwn: boolean }) {
  const t = await getTranslations('verdictEditor.readOnly');
  const when = (value: string | null) => () => (value ? <FormattedDate value={value} withTime /> : null);
  switch (verdict.state) {
    case 'SUBMITTED':
      return (
        <p className="banner" role="note">
          {t.rich(verdict.submittedAt ? 'submittedOn' : 'submitted', { date: when(verdict.submittedAt) })}
          {canReview && !isOwn && (
            <>
              {' '}
              {t.rich('reviewIt', { link: (chunks) => <Link href={reviewPath(verdict.id)}>{chunks}</Link> })}
            </>
          )}
        </p>
      );
    case 'PUBLISHED':
      return (
        <p className="banner" role="note">
          {t.rich(verdict.publishedAt ? 'publishedOn' : 'published', { date: when(verdict.publishedAt) })}
        </p>
      );
    case 'SUPERSEDED':
      return (
        <p className="banner" role="note">
          {t.rich(verdict.supersededAt ? 'supersededOn' : 'superseded', { date: when(verdict.supersededAt) })}
        </p>
      );
    default:
      return (
        <p className="banner" role="note">
          {t('othersDraft', { author: verdict.author.name })}
        </p>
      );
  }
}

export default async function VerdictPage({ params, searchParams }: Props) {
  const { id, verdictId } = await params;
  const { saved } = await searchParams;
  const path = `/dashboard/claims/${encodeURIComponent(id)}/verdicts/${encodeURIComponent(verdictId)}`;
  const { actor, allowed } = await requirePageActor('dashboard.read', path);
  if (!allowed) return <NotAllowed />;
  const editor = await findVerdictEditor(actor, id, verdictId);
  if (!editor?.verdict) return <RecordNotFound kind="verdict" />;
  const [t, locale] = await Promise.all([getTranslations('verdictEditor'), getLocale()]);
  const { claim, verdict, published } = editor;
  const isOwn = verdict.author.id === actor.id;
  const editable = verdict.state === 'DRAFT' && can(actor, 'verdict.draft') && (isOwn || !verdict.author.active);
  const latestReview = verdict.reviews[0];
  const supersedes = published && published.id !== verdict.id ? published : null;
  const today = new Date().toISOString().slice(0, 10);
  const savedMessage = savedMessages.find((outcome) => outcome === saved);

  return (
    <>
      <h1>{t('verdictPage.heading', { number: verdict.number })}</h1>
      {savedMessage && (
        <p className="form-success" role="status">
          {t(`verdictPage.saved.${savedMessage}`)}
        </p>
      )}
      <ClaimContext claim={claim} />
      {verdict.state === 'DRAFT' && latestReview?.decision === 'CHANGES_REQUESTED' && (
        <section aria-labelledby="changes-heading" className="banner">
          <h2 id="changes-heading" style={{ marginTop: 0 }}>
            {t('verdictPage.changesRequested')}
          </h2>
          <p>
            {t.rich('verdictPage.changesRequestedBy', {
              reviewer: latestReview.reviewerName,
              date: () => <FormattedDate value={latestReview.createdAt} withTime />,
            })}
          </p>
          <blockquote lang={claim.language}>{latestReview.comment}</blockquote>
        </section>
      )}
      {editable ? (
        <section aria-labelledby="verdict-heading">
          <h2 id="verdict-heading">{t('verdictPage.verdictHeading')}</h2>
          {!isOwn && (
            <p className="banner" role="note">
              {t('verdictPage.deactivatedAuthor', { author: verdict.author.name })}
            </p>
          )}
          <ScopedMessages namespaces={VERDICT_EDITOR_NAMESPACES}>
            <VerdictForm
              key={verdict.version}
              claimId={claim.id}
              language={claim.language}
              initial={editorInitial(verdict, today, editor.savedOccurrences)}
              ratings={editor.ratings}
              sources={editor.sources}
              supersedes={supersedes ? { number: supersedes.number, ratingLabel: ratingLabelIn(supersedes.rating, locale) } : null}
              maxAsOf={latestTodayIso()}
            />
          </ScopedMessages>
        </section>
      ) : (
        <section aria-labelledby="verdict-heading">
          <h2 id="verdict-heading">{t('verdictPage.verdictHeading')}</h2>
          <ReadOnlyNote verdict={verdict} canReview={can(actor, 'verdict.review')} isOwn={isOwn} />
          <VerdictView verdict={verdict} language={claim.language} />
        </section>
      )}
      <p>
        <Link href={claimHistoryPath(claim.id)}>{t('verdictPage.historyLink')}</Link>
      </p>
    </>
  );
}
