import type { Metadata } from 'next';
import { goneMetadata } from '@/app/[locale]/_components/gone-metadata';
import { PageGone } from '@/app/[locale]/_components/page-gone';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { connection } from 'next/server';
import { isPublicRecord } from '@/lib/public-pages/exists';
import { FormattedDate } from '@/app/components/formatted-date';
import { ReaderChallenges } from '@/app/components/disputes/reader-challenges';
import { RatingBadge } from '@/app/components/rating-badge';
import { getPublicChallenges } from '@/lib/disputes/cache';
import { findContestableClaim } from '@/lib/disputes/queries';
import { formSigningSecret, signFormToken } from '@/lib/disputes/tokens';
import { pickMessages } from '@/lib/i18n/client-messages';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { claimPath } from '@/lib/claims/queries';
import { toRatingDto } from '@/lib/ratings/labels';
import { publicPageMetadata } from '@/lib/seo/metadata';
import { ContestForm } from './contest-form';
import '@/app/components/disputes/disputes.css';

// The readers' contest form, on its own page so that it is rendered per
// request (never cached): the form carries the signed time it was opened,
// from which the mutation measures the minimum fill time.

type Props = { params: Promise<{ locale: Locale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const t = await getTranslations({ locale, namespace: 'contestForm' });
  const seo = await getTranslations({ locale, namespace: 'seo.description' });
  if (!(await isPublicRecord('claims', slug))) return goneMetadata(locale, `${claimPath(slug)}/contest`);
  const claim = await findContestableClaim(slug);
  // A form, not content: kept out of search engines, but shareable.
  return publicPageMetadata({
    locale,
    path: `${claimPath(slug)}/contest`,
    title: claim ? t('metaTitle', { claim: claim.summary }) : t('title'),
    description: seo('contest'),
    noIndex: true,
  });
}

export default async function ContestPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  await connection();
  // The contest form of an unknown or unpublished claim: the not-found answer (PageGone), with a 404.
  if (!(await isPublicRecord('claims', slug))) return <PageGone />;
  const t = await getTranslations('contestForm');
  const claim = await findContestableClaim(slug);
  const verdict = claim?.verdict;
  // What was already decided, so that a reader sees whether their point was made before.
  const challenges = claim ? await getPublicChallenges(slug) : null;

  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        {t('about')}{' '}
        <Link href={claimPath(slug)} lang={claim?.language}>
          {claim?.summary ?? slug}
        </Link>
      </p>
      {!claim || !verdict ? (
        <p>{t('errors.claimGone')}</p>
      ) : (
        <>
          <p className="small">
            <RatingBadge rating={toRatingDto(verdict.rating, locale)} />{' '}
            {t.rich('verdictVersion', { number: verdict.number, date: () => <FormattedDate value={verdict.publishedAt} /> })}
          </p>
          <p>{t('intro')}</p>
          <NextIntlClientProvider messages={pickMessages(await getMessages(), ['contestForm', 'disputes.kind'])}>
            <ContestForm
              claimSlug={slug}
              locale={locale}
              formToken={signFormToken({ claimId: claim.id, verdictId: verdict.id, openedAt: new Date() }, formSigningSecret())}
            />
          </NextIntlClientProvider>
        </>
      )}
      {challenges && challenges.received > 0 && <ReaderChallenges challenges={challenges} claimSlug={slug} locale={locale} contestable={false} />}
      <p>
        <Link href={claimPath(slug)}>{t('back')}</Link>
      </p>
    </>
  );
}
