import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { claimStatusLabelKey } from '@/lib/claims/labels';
import type { ClaimForVerdictDto } from '@/lib/verdicts/queries';
import { claimDashboardPath, claimHistoryPath, sourcePassagePath } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';
import { VerdictWhereabouts } from './verdict-whereabouts';

/** The claim a verdict rates, shown above the verdict editor and the review. */
export async function ClaimContext({ claim, showAppearances = false }: { claim: ClaimForVerdictDto; showAppearances?: boolean }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="claim-heading">
      <h2 id="claim-heading">{t('verdictEditor.context.heading')}</h2>
      <p className="muted small">
        {t.rich('verdictEditor.context.meta', {
          status: t(claimStatusLabelKey(claim.status)),
          claimant: () => <span lang={claim.language}>{claim.claimant.name}</span>,
        })}{' '}
        · <Link href={claimDashboardPath(claim.id)}>{t('verdictEditor.context.openClaim')}</Link> ·{' '}
        <Link href={claimHistoryPath(claim.id)}>{t('verdictEditor.context.history')}</Link>
      </p>
      <VerdictWhereabouts claimId={claim.id} verdict={claim.verdictInProgress} />
      <p>
        <strong lang={claim.language}>{claim.summary}</strong>
      </p>
      <blockquote className="claim-text" lang={claim.language}>
        {claim.text}
      </blockquote>
      {showAppearances && (
        <>
          <h3>{t('verdictEditor.context.whereSaid')}</h3>
          {claim.appearances.length === 0 ? (
            <p className="banner" role="note">
              {t('verdictEditor.context.noAppearance')}
            </p>
          ) : (
            <ul className="quote-list">
              {claim.appearances.map((appearance) => (
                <li key={appearance.id}>
                  <blockquote lang={claim.language}>« {appearance.exact} »</blockquote>
                  <p className="small muted">
                    <span lang={claim.language}>{appearance.sourceTitle ?? t('review.untitledSource')}</span> ·{' '}
                    <Link href={sourcePassagePath(appearance.sourceId, appearance.id)}>{t('verdictEditor.context.seePassage')}</Link>
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
