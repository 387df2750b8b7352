import { useTranslations } from 'next-intl';
import type { PublicChallenges } from '@/lib/disputes/queries';
import { disputeKindLabelKey } from '@/lib/disputes/labels';
import { localizedPath, type Locale } from '@/lib/i18n/locales';
import { FormattedDate } from '../formatted-date';
import './disputes.css';

type Props = {
  /** getPublicChallenges(slug) (lib/disputes/cache.ts). */
  challenges: PublicChallenges;
  claimSlug: string;
  /** The page's interface language, for the links. */
  locale: Locale;
  /** False for an archived claim or one without a published verdict: no "Contest this verdict" link. */
  contestable: boolean;
};

/**
 * "Reader challenges" under a claim's verdict: how many were received, every
 * decided one with its kind, date, decision and reason (and the reader's
 * explanation where they agreed to its publication), the correction an
 * upheld one produced, and the way to contest. Open ones are counted only.
 * Everything readers and moderators wrote is text, never markup.
 */
export function ReaderChallenges({ challenges, claimSlug, locale, contestable }: Props) {
  const t = useTranslations('readerChallenges');
  const label = useTranslations();
  const claimPage = localizedPath(`/claims/${encodeURIComponent(claimSlug)}`, locale);
  return (
    <section aria-labelledby="reader-challenges-heading">
      <h2 id="reader-challenges-heading">{t('heading')}</h2>
      <p className="muted small">{t('intro')}</p>
      <p>
        {t('received', { count: challenges.received })}
        {challenges.open > 0 && <> {t('open', { count: challenges.open })}</>}
      </p>
      {contestable && (
        <p>
          <a href={`${claimPage}/contest`}>{t('contest')}</a>
        </p>
      )}
      {challenges.decided.length > 0 && (
        <>
          <h3>{t('decided')}</h3>
          <ul className="challenge-list">
            {challenges.decided.map((challenge, index) => (
              <li key={`${challenge.receivedAt}-${index}`}>
                <p>
                  <strong>{label(`disputes.publicStatus.${challenge.status}`)}</strong>
                  {' · '}
                  {t.rich('entry', { kind: label(disputeKindLabelKey(challenge.kind)), date: () => <FormattedDate value={challenge.receivedAt} /> })}
                </p>
                {challenge.reason && (
                  <>
                    <p className="small muted">{t('reason')}</p>
                    <p className="reader-text">{challenge.reason}</p>
                  </>
                )}
                {challenge.explanation && (
                  <>
                    <p className="small muted">{t('explanation')}</p>
                    <blockquote className="reader-text">{challenge.explanation}</blockquote>
                  </>
                )}
                {challenge.correction && (
                  <p>
                    <a href={`${claimPage}#history-heading`}>{t('seeCorrection')}</a> (<FormattedDate value={challenge.correction.publishedAt} />)
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
