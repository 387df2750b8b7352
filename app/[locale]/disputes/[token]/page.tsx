import type { Metadata } from 'next';
import { goneMetadata } from '@/app/[locale]/_components/gone-metadata';
import { PageGone } from '@/app/[locale]/_components/page-gone';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { FormattedDate } from '@/app/components/formatted-date';
import { claimPath } from '@/lib/claims/queries';
import { disputeKindLabelKey } from '@/lib/disputes/labels';
import { followUpPath } from '@/lib/disputes/notifications';
import { findDisputeFollowUp, isFollowUpToken } from '@/lib/disputes/queries';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { siteOriginFromHeaders } from '@/lib/request/site-origin';
import { publicPageMetadata } from '@/lib/seo/metadata';
import '@/app/components/disputes/disputes.css';

// A reader's private follow-up page: whoever holds the link (an unguessable
// token; the database keeps only its hash) reads the request, its status,
// its history and, once decided, the decision and its reason. Never indexed,
// never cached, and it sends no referrer: the address is the secret.

type Props = { params: Promise<{ locale: Locale; token: string }>; searchParams: Promise<{ sent?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, token } = await params;
  const t = await getTranslations({ locale, namespace: 'disputeFollowUp' });
  if (!(await isFollowUpToken(token))) return goneMetadata(locale, `/disputes/${token}`);
  const seo = await getTranslations({ locale, namespace: 'seo.description' });
  // Nothing of the request in the cards: a link pasted in a chat previews as the generic follow-up page.
  return {
    ...publicPageMetadata({ locale, path: `/disputes/${token}`, title: t('metaTitle'), description: seo('disputeFollowUp'), noIndex: true }),
    referrer: 'no-referrer',
  };
}

export default async function DisputeFollowUpPage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('disputeFollowUp');
  const tDisputes = await getTranslations('disputes');
  const label = await getTranslations();
  const followUp = await findDisputeFollowUp(token);
  // A token that names no dispute: the not-found answer (PageGone), with a 404.
  if (!followUp) return <PageGone />;
  const sent = (await searchParams).sent === '1';
  const link = `${siteOriginFromHeaders(await headers())}${followUpPath(token, locale)}`;
  const decided = followUp.status !== 'OPEN' && followUp.status !== 'TRIAGED';

  return (
    <>
      <h1>{t('title')}</h1>
      {sent && (
        <p className="form-success" role="status">
          {t('sent')}
        </p>
      )}
      <section className="keep-link" aria-labelledby="keep-link-heading">
        <h2 id="keep-link-heading">{t('keepLink')}</h2>
        <p className="follow-up-url">
          <a href={followUpPath(token, locale)}>{link}</a>
        </p>
        <p className="small">{t('linkHint')}</p>
      </section>
      <p>
        {t('about')}{' '}
        <Link href={claimPath(followUp.claim.slug)} lang={followUp.claim.language}>
          {followUp.claim.summary}
        </Link>
      </p>

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t('status')}</h2>
        <p>
          <strong>{tDisputes(`publicStatus.${followUp.status}`)}</strong>
        </p>
        {followUp.awaitingConfirmation && <p>{t('pendingQuorum')}</p>}
        {decided && followUp.reason && (
          <>
            <h3>{t('reason')}</h3>
            <p className="reader-text">{followUp.reason}</p>
          </>
        )}
        {followUp.correction && (
          <p>
            {t.rich('correction', { date: () => <FormattedDate value={followUp.correction?.publishedAt ?? ''} /> })}{' '}
            <Link href={`${claimPath(followUp.claim.slug)}#verdict-heading`}>{t('seeCorrection')}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history')}</h2>
        <ol className="challenge-list">
          {followUp.history.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <p>
                {t.rich('historyEntry', { date: () => <FormattedDate value={entry.at} withTime />, status: tDisputes(`publicStatus.${entry.status}`) })}
              </p>
              {entry.note && <p className="reader-text">{entry.note}</p>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="request-heading">
        <h2 id="request-heading">{t('yourRequest')}</h2>
        <dl className="facts">
          <dt>{t('kind')}</dt>
          <dd>{label(disputeKindLabelKey(followUp.kind))}</dd>
          <dt>{t('evidenceUrl')}</dt>
          <dd className="wrap-anywhere">{followUp.evidenceUrl ?? t('noEvidence')}</dd>
          <dt>{t('publish')}</dt>
          <dd>{followUp.publishConsent ? t('publishYes') : t('publishNo')}</dd>
        </dl>
        <h3>{t('explanation')}</h3>
        <p className="reader-text">{followUp.explanation}</p>
      </section>
    </>
  );
}
