import type { Metadata } from 'next';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { requirePageActor } from '@/lib/auth/require';
import { can } from '@/lib/permissions';
import { findVerdictEditor, type VerdictDto } from '@/lib/verdicts/queries';
import { latestTodayIso } from '@/lib/verdicts/schema';
import { reviewPath } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';
import { VerdictView } from '@/app/(newsroom)/dashboard/review/_components/verdict-view';
import { ClaimContext } from '../_components/claim-context';
import { editorInitial } from '../_components/editor-initial';
import { VerdictForm } from '../_components/verdict-form';

export const metadata: Metadata = { title: 'Verdict' };

type Props = { params: Promise<{ id: string; verdictId: string }>; searchParams: Promise<{ saved?: string }> };

const savedMessage: Record<string, string> = {
  draft: 'Draft saved.',
  submitted: 'Submitted for review. Another editor will approve it or request changes.',
};

function ReadOnlyNote({ verdict, canReview, isOwn }: { verdict: VerdictDto; canReview: boolean; isOwn: boolean }) {
  switch (verdict.state) {
    case 'SUBMITTED':
      return (
        <p className="banner" role="note">
          Submitted for review{verdict.submittedAt && <> on <FormattedDate value={verdict.submittedAt} withTime /></>}: it cannot be edited unless a
          reviewer requests changes.
          {canReview && !isOwn && (
            <>
              {' '}
              <Link href={reviewPath(verdict.id)}>Review it</Link>.
            </>
          )}
        </p>
      );
    case 'PUBLISHED':
      return (
        <p className="banner" role="note">
          Published{verdict.publishedAt && <> on <FormattedDate value={verdict.publishedAt} withTime /></>}. A published verdict is never edited: to
          correct it, write a new verdict that supersedes it.
        </p>
      );
    case 'SUPERSEDED':
      return (
        <p className="banner" role="note">
          Superseded{verdict.supersededAt && <> on <FormattedDate value={verdict.supersededAt} withTime /></>} by a later version. It is kept
          unchanged in the claim&apos;s history.
        </p>
      );
    default:
      return (
        <p className="banner" role="note">
          This draft belongs to {verdict.author.name}: only its author can edit it.
        </p>
      );
  }
}

export default async function VerdictPage({ params, searchParams }: Props) {
  const { id, verdictId } = await params;
  const { saved } = await searchParams;
  const path = `/dashboard/claims/${encodeURIComponent(id)}/verdicts/${encodeURIComponent(verdictId)}`;
  const { actor, allowed } = await requirePageActor('dashboard.read', path);
  if (!allowed) return <p>Your role does not allow this.</p>;
  const editor = await findVerdictEditor(actor, id, verdictId);
  if (!editor?.verdict) {
    return (
      <>
        <h1>Verdict not found</h1>
        <p>
          There is no such verdict for this claim. <Link href="/dashboard/claims">See all claims</Link>.
        </p>
      </>
    );
  }
  const { claim, verdict, published } = editor;
  const isOwn = verdict.author.id === actor.id;
  const editable = verdict.state === 'DRAFT' && can(actor, 'verdict.draft') && (isOwn || !verdict.author.active);
  const latestReview = verdict.reviews[0];
  const supersedes = published && published.id !== verdict.id ? published : null;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <h1>Verdict, version {verdict.number}</h1>
      {saved && savedMessage[saved] && (
        <p className="form-success" role="status">
          {savedMessage[saved]}
        </p>
      )}
      <ClaimContext claim={claim} />
      {verdict.state === 'DRAFT' && latestReview?.decision === 'CHANGES_REQUESTED' && (
        <section aria-labelledby="changes-heading" className="banner">
          <h2 id="changes-heading" style={{ marginTop: 0 }}>
            Changes requested
          </h2>
          <p>
            {latestReview.reviewerName}, <FormattedDate value={latestReview.createdAt} withTime />:
          </p>
          <blockquote lang={claim.language}>{latestReview.comment}</blockquote>
        </section>
      )}
      {editable ? (
        <section aria-labelledby="verdict-heading">
          <h2 id="verdict-heading">Verdict</h2>
          {!isOwn && (
            <p className="banner" role="note">
              {verdict.author.name}&apos;s account is deactivated: saving this draft makes you its author.
            </p>
          )}
          <VerdictForm
            key={verdict.version}
            claimId={claim.id}
            language={claim.language}
            initial={editorInitial(verdict, today, editor.savedOccurrences)}
            ratings={editor.ratings}
            sources={editor.sources}
            supersedes={supersedes ? { number: supersedes.number, ratingLabel: supersedes.rating.labelEn } : null}
            maxAsOf={latestTodayIso()}
          />
        </section>
      ) : (
        <section aria-labelledby="verdict-heading">
          <h2 id="verdict-heading">Verdict</h2>
          <ReadOnlyNote verdict={verdict} canReview={can(actor, 'verdict.review')} isOwn={isOwn} />
          <VerdictView verdict={verdict} language={claim.language} />
        </section>
      )}
      <p>
        <Link href={`/dashboard/claims/${encodeURIComponent(claim.id)}/history`}>See every version and the audit trail</Link>
      </p>
    </>
  );
}
