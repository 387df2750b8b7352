import type { Metadata } from 'next';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { requirePageActor } from '@/lib/auth/require';
import { describeClaimChange } from '@/lib/claims/labels';
import { listClaimRevisionQueue } from '@/lib/claims/revision-queries';
import { can } from '@/lib/permissions';
import { listReviewQueue } from '@/lib/verdicts/review-queries';
import { claimRevisionReviewPath, reviewPath } from './_components/verdict-labels';

export const metadata: Metadata = { title: 'Review queue' };

const doneMessage: Record<string, string> = {
  'changes-requested': 'Changes requested: the verdict is back with its author as a draft, with your comment.',
  'revision-rejected': 'Revision rejected: the published claim is unchanged, and its author sees your comment.',
};

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const { done } = await searchParams;
  const { actor, allowed } = await requirePageActor('verdict.review', '/dashboard/review');
  if (!allowed) return <p>Your role does not allow this.</p>;
  const [queue, revisions] = await Promise.all([listReviewQueue(actor), can(actor, 'claim.review') ? listClaimRevisionQueue(actor) : []]);

  return (
    <>
      <h1>Waiting for review</h1>
      {done && doneMessage[done] && (
        <p className="form-success" role="status">
          {doneMessage[done]}
        </p>
      )}
      <p className="muted">Work by other editors, oldest first. Your own is reviewed by someone else.</p>
      <h2>Verdicts</h2>
      {queue.length === 0 ? (
        <p>No verdict is waiting for your review.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Verdict</th>
              <th scope="col">Author</th>
              <th scope="col">Submitted</th>
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
                <td>
                  Version {item.number}: {item.rating.labelEn}
                  {item.isCorrection && <span className="muted small"> (correction)</span>}
                </td>
                <td>{item.authorName}</td>
                <td>{item.submittedAt ? <FormattedDate value={item.submittedAt} withTime /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">Changes to published claims</h2>
        {revisions.length === 0 ? (
          <p>No proposed change to a published claim is waiting for your review.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Proposed change</th>
                <th scope="col">Author</th>
                <th scope="col">Proposed</th>
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
                  <td>{describeClaimChange(item.comparison.changedFields, item.quotesAdded)}</td>
                  <td>{item.authorName}</td>
                  <td>
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
