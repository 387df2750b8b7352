import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { NotAllowed, RecordNotFound } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { verdictStateLabelKey } from '@/lib/verdicts/labels';
import { findVerdictEditor } from '@/lib/verdicts/queries';
import { latestTodayIso } from '@/lib/verdicts/schema';
import { ratingLabelIn, verdictEditorPath } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';
import { ScopedMessages, VERDICT_EDITOR_NAMESPACES } from '@/app/(newsroom)/dashboard/review/_components/scoped-messages';
import { ClaimContext } from '../_components/claim-context';
import { editorInitial } from '../_components/editor-initial';
import { VerdictForm } from '../_components/verdict-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('verdictEditor.newPage');
  return { title: t('heading') };
}

type Props = { params: Promise<{ id: string }> };

export default async function NewVerdictPage({ params }: Props) {
  const { id } = await params;
  const { actor, allowed } = await requirePageActor('verdict.draft', `/dashboard/claims/${encodeURIComponent(id)}/verdicts/new`);
  if (!allowed) return <NotAllowed />;
  const editor = await findVerdictEditor(actor, id);
  if (!editor) return <RecordNotFound kind="claim" />;
  const [t, tLabels, locale] = await Promise.all([getTranslations('verdictEditor'), getTranslations(), getLocale()]);
  const { claim, openVerdict, published } = editor;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <h1>{t('newPage.heading')}</h1>
      <ClaimContext claim={claim} />
      {openVerdict ? (
        <p className="banner" role="note">
          {t.rich('newPage.inProgress', {
            number: openVerdict.number,
            state: tLabels(verdictStateLabelKey(openVerdict.state)).toLocaleLowerCase(locale),
            link: (chunks) => <Link href={verdictEditorPath(claim.id, openVerdict.id)}>{chunks}</Link>,
          })}
        </p>
      ) : claim.status === 'ARCHIVED' && !claim.publishedAt ? (
        <p className="banner" role="note">
          {t('newPage.archivedNeverPublished')}
        </p>
      ) : (
        <section aria-labelledby="verdict-heading">
          <h2 id="verdict-heading">{t('verdictPage.verdictHeading')}</h2>
          {published && (
            <p className="banner" role="note">
              {t('newPage.supersedes', { number: published.number, rating: ratingLabelIn(published.rating, locale) })}
            </p>
          )}
          <ScopedMessages namespaces={VERDICT_EDITOR_NAMESPACES}>
            <VerdictForm
              claimId={claim.id}
              language={claim.language}
              initial={editorInitial(null, today)}
              ratings={editor.ratings}
              sources={editor.sources}
              supersedes={published ? { number: published.number, ratingLabel: ratingLabelIn(published.rating, locale) } : null}
              maxAsOf={latestTodayIso()}
            />
          </ScopedMessages>
        </section>
      )}
    </>
  );
}
