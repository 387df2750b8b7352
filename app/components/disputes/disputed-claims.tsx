import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { Actor } from '@/lib/permissions';
import { listClaimsNeedingNewVerdict } from '@/lib/disputes/dashboard-queries';

/**
 * The overview's "Disputed — needs a new verdict": claims whose verdict a
 * moderator upheld a challenge to. Each stays here until an editor publishes
 * a corrected verdict, which resolves the challenge.
 */
export async function DisputedClaims({ actor }: { actor: Actor }) {
  const claims = await listClaimsNeedingNewVerdict(actor);
  if (claims.length === 0) return null;
  const t = await getTranslations('disputes.flag');
  return (
    <section aria-labelledby="disputed-claims-heading">
      <h2 id="disputed-claims-heading">{t('heading')}</h2>
      <p className="muted small">{t('intro')}</p>
      <ul className="quote-list">
        {claims.map((claim) => (
          <li key={claim.claimId}>
            <Link href={`/dashboard/claims/${encodeURIComponent(claim.claimId)}`} lang={claim.language}>
              {claim.summary}
            </Link>{' '}
            <span className="muted small">· {t('disputes', { count: claim.disputeIds.length })}</span>{' '}
            {claim.disputeIds[0] && (
              <Link href={`/dashboard/disputes/${encodeURIComponent(claim.disputeIds[0])}`} className="small">
                {t('openDispute')}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
