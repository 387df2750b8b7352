import Link from 'next/link';
import type { ClaimForVerdictDto } from '@/lib/verdicts/queries';
import { claimDashboardPath } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';
import { claimStatusLabel } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';

/** The claim a verdict rates, shown above the verdict editor and the review. */
export function ClaimContext({ claim, showAppearances = false }: { claim: ClaimForVerdictDto; showAppearances?: boolean }) {
  return (
    <section aria-labelledby="claim-heading">
      <h2 id="claim-heading">Claim</h2>
      <p className="muted small">
        {claimStatusLabel[claim.status]} · by <span lang={claim.language}>{claim.claimant.name}</span> ·{' '}
        <Link href={claimDashboardPath(claim.id)}>Open the claim</Link> ·{' '}
        <Link href={`${claimDashboardPath(claim.id)}/history`}>History</Link>
      </p>
      <p>
        <strong lang={claim.language}>{claim.summary}</strong>
      </p>
      <blockquote className="claim-text" lang={claim.language}>
        {claim.text}
      </blockquote>
      {showAppearances && (
        <>
          <h3>Where it was said</h3>
          {claim.appearances.length === 0 ? (
            <p className="banner" role="note">
              This claim has no appearance yet: it cannot be published until one is added.
            </p>
          ) : (
            <ul className="quote-list">
              {claim.appearances.map((appearance) => (
                <li key={appearance.id}>
                  <blockquote lang={claim.language}>« {appearance.exact} »</blockquote>
                  <p className="small muted" lang={claim.language}>
                    {appearance.sourceTitle ?? 'Untitled source'}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
