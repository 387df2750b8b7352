import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { disputeQuorum } from '@/lib/disputes/quorum';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { getPublicRatingScale, getQuoteCheckExample } from '@/lib/methodology/cache';
import { METHODOLOGY_PATH } from '@/lib/methodology/paths';
import { publicPageMetadata } from '@/lib/seo/metadata';
import { siteSettings } from '@/lib/site/settings';
import { QuoteCheck } from './_components/quote-check';
import { RatingScale } from './_components/rating-scale';

// How Attest works: the rating scale (from the database), how a verdict is
// made, how quotes are archived and how a reader checks one, and the
// corrections and disputes policies. The commands it shows name the site's
// configured address (ATTEST_PUBLIC_URL), not the request's Host: the page is
// cached for every reader.

// Served from Next's cache (ISR): see app/[locale]/layout.tsx.
export const dynamic = 'force-static';
export const revalidate = 300;

type Props = { params: Promise<{ locale: Locale }> };

const SECTIONS = ['scale', 'verdicts', 'quotes', 'corrections', 'disputes'] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'methodology' });
  return publicPageMetadata({ locale, path: METHODOLOGY_PATH, title: t('title'), description: t('description') });
}

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

export default async function MethodologyPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('methodology');
  const [scale, example] = await Promise.all([getPublicRatingScale(), getQuoteCheckExample()]);
  const { verdictCredits, verdictTeam, publicUrl: origin } = siteSettings();

  return (
    <article className="methodology">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <nav aria-label={t('toc.label')}>
        <ul className="inline-list plain-list">
          {SECTIONS.map((section) => (
            <li key={section}>
              <a href={`#${section}`}>{t(`${section}.heading`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="scale">
        <h2 id="scale">{t('scale.heading')}</h2>
        <p>{t('scale.intro')}</p>
        <RatingScale scale={scale} />
      </section>

      <section aria-labelledby="verdicts">
        <h2 id="verdicts">{t('verdicts.heading')}</h2>
        <p>{t.rich('verdicts.author', { strong })}</p>
        <p>{t.rich('verdicts.asOf', { strong })}</p>
        <p>
          {t.rich('verdicts.approver', { strong })} {t(`verdicts.credits.${verdictCredits}`, { team: verdictTeam })}
        </p>
        <p>{t.rich('verdicts.versions', { strong })}</p>
        <p>{t('verdicts.claimChanges')}</p>
      </section>

      <section aria-labelledby="quotes">
        <h2 id="quotes">{t('quotes.heading')}</h2>
        <QuoteCheck example={example} origin={origin} />
      </section>

      <section aria-labelledby="corrections">
        <h2 id="corrections">{t('corrections.heading')}</h2>
        <p>{t('corrections.when')}</p>
        <p>{t.rich('corrections.public', { log: (chunks) => <Link href="/corrections">{chunks}</Link> })}</p>
        <p>{t('corrections.kept')}</p>
      </section>

      <section aria-labelledby="disputes">
        <h2 id="disputes">{t('disputes.heading')}</h2>
        <p>{t.rich('disputes.who', { strong })}</p>
        <p>{t.rich('disputes.moderators', { strong })}</p>
        <p>{t(disputeQuorum() === 2 ? 'disputes.quorum.two' : 'disputes.quorum.one')}</p>
        <p>{t.rich('disputes.open', { strong })}</p>
      </section>
    </article>
  );
}
