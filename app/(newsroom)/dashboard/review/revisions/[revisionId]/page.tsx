import type { Metadata } from 'next';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { requirePageActor } from '@/lib/auth/require';
import { approveClaimRevisionAction, rejectClaimRevisionAction } from '@/lib/claims/actions';
import { claimRevisionStateLabel } from '@/lib/claims/labels';
import { findClaimRevisionForReview } from '@/lib/claims/revision-queries';
import { ClaimRevisionDiff } from '../../_components/claim-revision-diff';
import { ReviewForms } from '../../_components/review-forms';
import { claimDashboardPath } from '../../_components/verdict-labels';

export const metadata: Metadata = { title: 'Review a change to a published claim' };

type Props = { params: Promise<{ revisionId: string }>; searchParams: Promise<{ done?: string }> };

export default async function ClaimRevisionReviewPage({ params, searchParams }: Props) {
  const { revisionId } = await params;
  const { done } = await searchParams;
  const { actor, allowed } = await requirePageActor('claim.review', `/dashboard/review/revisions/${encodeURIComponent(revisionId)}`);
  if (!allowed) return <p>Your role does not allow this.</p>;
  const review = await findClaimRevisionForReview(actor, revisionId);
  if (!review) {
    return (
      <>
        <h1>Revision not found</h1>
        <p>
          There is no such revision. <Link href="/dashboard/review">Back to the review queue</Link>.
        </p>
      </>
    );
  }
  const { claim, revision, isOwn, isStale } = review;

  return (
    <>
      <h1>
        Review a change to: <span lang={claim.language}>{claim.summary}</span>
      </h1>
      {done === 'approved' && revision.state === 'APPROVED' && (
        <p className="form-success" role="status">
          Approved and published.{' '}
          {claim.publicPath && (
            <>
              Readers now see the change, dated, on <Link href={claim.publicPath}>the claim&apos;s public page</Link>.
            </>
          )}
        </p>
      )}
      <p className="muted small">
        {claimRevisionStateLabel[revision.state]} · proposed by {revision.author.name}, <FormattedDate value={revision.proposedAt} withTime />
        {revision.reviewer && <> · reviewed by {revision.reviewer.name}</>} · <Link href={claimDashboardPath(claim.id)}>Open the claim</Link>
      </p>

      <section aria-labelledby="note-heading">
        <h2 id="note-heading">What changed and why</h2>
        <blockquote lang={revision.proposal.language}>{revision.note}</blockquote>
        <p className="hint">Readers see this note, dated, once the change is approved.</p>
      </section>

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">Changes from the published claim</h2>
        <ClaimRevisionDiff revision={revision} />
      </section>

      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading">Decision</h2>
        {revision.state !== 'PROPOSED' ? (
          <p className="banner" role="note">
            This revision is not waiting for review: it is {claimRevisionStateLabel[revision.state].toLowerCase()}.
            {revision.reviewComment && <> Comment: {revision.reviewComment}</>}
          </p>
        ) : isOwn ? (
          <p className="banner" role="note">
            You proposed this revision: another editor must review it.
          </p>
        ) : (
          <>
            {isStale && (
              <p className="banner" role="note">
                The claim changed after this revision was proposed, so it can no longer be approved as it stands: reject it, and its author proposes it again.
              </p>
            )}
            <ReviewForms
              record={{ revisionId: revision.id, version: revision.version }}
              approve={approveClaimRevisionAction}
              decline={rejectClaimRevisionAction}
              approveHint="Publishing changes the claim's public page and the API at once, with a dated entry and the note under “Changes to this fact check”."
              declineLabel="Reject"
              commentHint="Required: tell the author why. They see it on the claim; they can propose a corrected change."
            />
          </>
        )}
      </section>
    </>
  );
}
