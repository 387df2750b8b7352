import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/require';
import { findVerdictEditor } from '@/lib/verdicts/queries';
import { latestTodayIso } from '@/lib/verdicts/schema';
import { verdictEditorPath, verdictStateLabel } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';
import { ClaimContext } from '../_components/claim-context';
import { editorInitial } from '../_components/editor-initial';
import { VerdictForm } from '../_components/verdict-form';

export const metadata: Metadata = { title: 'New verdict' };

type Props = { params: Promise<{ id: string }> };

export default async function NewVerdictPage({ params }: Props) {
  const { id } = await params;
  const { actor, allowed } = await requirePageActor('verdict.draft', `/dashboard/claims/${encodeURIComponent(id)}/verdicts/new`);
  if (!allowed) return <p>Your role does not allow this.</p>;
  const editor = await findVerdictEditor(actor, id);
  if (!editor) {
    return (
      <>
        <h1>Claim not found</h1>
        <p>
          There is no claim with this address. <Link href="/dashboard/claims">See all claims</Link>.
        </p>
      </>
    );
  }
  const { claim, openVerdict, published } = editor;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <h1>New verdict</h1>
      <ClaimContext claim={claim} />
      {openVerdict ? (
        <p className="banner" role="note">
          This claim already has a verdict in progress:{' '}
          <Link href={verdictEditorPath(claim.id, openVerdict.id)}>
            version {openVerdict.number} ({verdictStateLabel[openVerdict.state].toLowerCase()})
          </Link>
          . Only one verdict can be drafted or reviewed at a time.
        </p>
      ) : claim.status === 'ARCHIVED' && !claim.publishedAt ? (
        <p className="banner" role="note">
          This claim was archived before it was ever published: it cannot receive a verdict.
        </p>
      ) : (
        <section aria-labelledby="verdict-heading">
          <h2 id="verdict-heading">Verdict</h2>
          {published && (
            <p className="banner" role="note">
              This claim already has a published verdict (version {published.number}, rated {published.rating.labelEn}). Yours will supersede it
              once approved, with a public correction note.
            </p>
          )}
          <VerdictForm
            claimId={claim.id}
            language={claim.language}
            initial={editorInitial(null, today)}
            ratings={editor.ratings}
            sources={editor.sources}
            supersedes={published ? { number: published.number, ratingLabel: published.rating.labelEn } : null}
            maxAsOf={latestTodayIso()}
          />
        </section>
      )}
    </>
  );
}
