import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { ClaimRevisionDiff } from '@/app/(newsroom)/dashboard/review/_components/claim-revision-diff';
import { claimRevisionReviewPath } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';
import { claimRevisionStateLabel, describeClaimChange } from '@/lib/claims/labels';
import type { ClaimRevisionsForEditor } from '@/lib/claims/revision-queries';
import { WithdrawRevisionButton } from './withdraw-revision-button';

/**
 * The claim editor's view of its proposed revisions: the open one with its
 * diff (its author may withdraw it, other editors open its review), and the
 * last ones closed, with the reviewer's comment.
 */
export function RevisionPanel({
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
  return (
    <section aria-labelledby="revision-heading">
      <h2 id="revision-heading">Proposed revision</h2>
      {open ? (
        <div className="banner" role="note">
          <p>
            <strong>{claimRevisionStateLabel[open.state]}</strong> · proposed by {open.author.name}, <FormattedDate value={open.proposedAt} withTime /> ·{' '}
            {describeClaimChange(open.comparison.changedFields, open.appearances.length)}
          </p>
          <p>
            What changed and why: <span lang={open.proposal.language}>{open.note}</span>
          </p>
          <p className="small">Readers see the published claim until another editor approves this revision.</p>
          {/* Not a <p>: the withdraw button is a <form>, which may not sit inside a paragraph. */}
          <div>
            {open.author.id === actorId ? (
              <WithdrawRevisionButton revisionId={open.id} version={open.version} />
            ) : (
              mayReview && <Link href={claimRevisionReviewPath(open.id)}>Review this revision</Link>
            )}
          </div>
          <details>
            <summary>Changes from the published claim</summary>
            <ClaimRevisionDiff revision={open} />
          </details>
        </div>
      ) : (
        <p className="muted">No revision is waiting for review.</p>
      )}
      {recent.length > 0 && (
        <>
          <h3>Earlier revisions</h3>
          <ul className="plain-list">
            {recent.map((revision) => (
              <li key={revision.id}>
                <strong>{claimRevisionStateLabel[revision.state]}</strong>
                {revision.closedAt && (
                  <>
                    {' '}
                    <FormattedDate value={revision.closedAt} withTime />
                  </>
                )}{' '}
                · proposed by {revision.author.name}
                {revision.reviewer && <> · reviewed by {revision.reviewer.name}</>} · {describeClaimChange(revision.comparison.changedFields, revision.appearances.length)}
                {revision.reviewComment && (
                  <blockquote>
                    {revision.reviewer?.name ?? 'The reviewer'}: {revision.reviewComment}
                  </blockquote>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
