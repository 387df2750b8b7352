import type { Metadata } from 'next';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { requirePageActor } from '@/lib/auth/require';
import { compareVerdicts } from '@/lib/verdicts/diff';
import { findVerdictForReview } from '@/lib/verdicts/review-queries';
import { OWN_VERDICT_NOTE } from '../_components/verdict-labels';
import { ClaimContext } from '../../claims/[id]/verdicts/_components/claim-context';
import { VerdictDiff } from '../_components/verdict-diff';
import { verdictStateLabel } from '../_components/verdict-labels';
import { VerdictView } from '../_components/verdict-view';
import { ReviewForms } from '../_components/review-forms';
import { approveVerdictAction, requestVerdictChangesAction } from '@/lib/verdicts/actions';

export const metadata: Metadata = { title: 'Review a verdict' };

type Props = { params: Promise<{ verdictId: string }>; searchParams: Promise<{ done?: string }> };

export default async function ReviewPage({ params, searchParams }: Props) {
  const { verdictId } = await params;
  const { done } = await searchParams;
  const { actor, allowed } = await requirePageActor('verdict.review', `/dashboard/review/${encodeURIComponent(verdictId)}`);
  if (!allowed) return <p>Your role does not allow this.</p>;
  const review = await findVerdictForReview(actor, verdictId);
  if (!review) {
    return (
      <>
        <h1>Verdict not found</h1>
        <p>
          There is no such verdict. <Link href="/dashboard/review">Back to the review queue</Link>.
        </p>
      </>
    );
  }
  const { claim, verdict, published, isOwn } = review;
  const language = claim.language;
  const publicPath = `/claims/${encodeURIComponent(claim.slug)}`;

  return (
    <>
      <h1>Review: version {verdict.number}</h1>
      {done === 'published' && verdict.state === 'PUBLISHED' && (
        <p className="form-success" role="status">
          Published. Readers now see this verdict on <Link href={publicPath}>the claim&apos;s public page</Link>.
        </p>
      )}
      <p className="muted small">
        {verdictStateLabel[verdict.state]} · written by {verdict.author.name}
        {verdict.submittedAt && (
          <>
            {' '}
            · submitted <FormattedDate value={verdict.submittedAt} withTime />
          </>
        )}
      </p>
      <ClaimContext claim={claim} showAppearances />

      <section aria-labelledby="submitted-heading">
        <h2 id="submitted-heading">Submitted verdict</h2>
        <VerdictView verdict={verdict} language={language} />
      </section>

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">{published ? `Changes from the published version ${published.number}` : 'Changes'}</h2>
        {published ? (
          <>
            {!verdict.correctionNote && verdict.state === 'SUBMITTED' && (
              <p className="banner" role="note">
                This verdict replaces a published one but has no correction note: request changes so that its author explains the correction.
              </p>
            )}
            <VerdictDiff comparison={compareVerdicts(published, verdict)} language={language} />
          </>
        ) : (
          <p>This is the claim&apos;s first verdict: nothing is published yet.</p>
        )}
      </section>

      {verdict.reviews.length > 0 && (
        <section aria-labelledby="reviews-heading">
          <h2 id="reviews-heading">Earlier reviews</h2>
          <ul className="quote-list">
            {verdict.reviews.map((item) => (
              <li key={item.id}>
                {item.decision === 'APPROVED' ? 'Approved' : 'Changes requested'} by {item.reviewerName}, <FormattedDate value={item.createdAt} withTime />
                {item.comment && <blockquote>{item.comment}</blockquote>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading">Decision</h2>
        {verdict.state !== 'SUBMITTED' ? (
          <p className="banner" role="note">
            This verdict is not waiting for review: it is {verdictStateLabel[verdict.state].toLowerCase()}.
          </p>
        ) : isOwn ? (
          <p className="banner" role="note">
            {OWN_VERDICT_NOTE}
          </p>
        ) : (
          <ReviewForms
            record={{ verdictId: verdict.id, version: verdict.version }}
            approve={approveVerdictAction}
            decline={requestVerdictChangesAction}
            approveHint="Publishing makes this verdict public at once, on the claim's page and in the API."
            declineLabel="Request changes"
            commentHint="Required: tell the author what to change. They see it on their verdict and on their dashboard."
          />
        )}
      </section>
    </>
  );
}
