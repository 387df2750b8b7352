import type { Metadata } from 'next';
import { PageGone } from '@/app/[locale]/_components/page-gone';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { goneMetadata } from '@/app/[locale]/_components/gone-metadata';
import { ClaimList } from '@/app/components/claim-list';
import { FeedLinks } from '@/app/components/feed-links';
import { getPublicClaimant } from '@/lib/claimants/cache';
import { claimantKindLabelKey } from '@/lib/claimants/labels';
import { getPublishedClaimPage } from '@/lib/claims/cache';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { claimantPath } from '@/lib/public-pages/paths';
import { pageParam } from '@/lib/public-pages/route-params';
import { claimListCursorParam } from '@/lib/public-pages/search-params';
import { publicPageMetadata } from '@/lib/seo/metadata';
import { siteSettings } from '@/lib/site/settings';
import { Scorecard } from './scorecard';

// A claimant's page: who they are, their record (published verdicts by
// rating) and their fact checks, newest first. Unknown slugs never get here:
// the proxy sends them to the not-found page (lib/public-pages/exists.ts).
//
// The newsroom writes a claimant's name and description in its own language
// (claimants have no language of their own), hence lang={defaultLocale}.

const PAGE_SIZE = 20;

// Served from Next's cache (ISR): see app/[locale]/layout.tsx.
export const dynamic = 'force-static';
export const revalidate = 300;

type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<{ after?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug: raw } = await params;
  const slug = pageParam(raw);
  const claimant = await getPublicClaimant(slug);
  const path = claimantPath(slug);
  if (!claimant) return goneMetadata(locale, path);
  const t = await getTranslations({ locale, namespace: 'claimantPage' });
  const feeds = await getTranslations({ locale, namespace: 'feeds' });
  return publicPageMetadata({
    locale,
    path,
    title: claimant.name,
    description: t('metaDescription', { name: claimant.name, count: claimant.factCheckCount }),
    type: 'profile',
    feed: { scope: { kind: 'claimant', slug }, title: feeds('claimant.title', { publisher: siteSettings().publisherName, name: claimant.name }) },
  });
}

export default async function ClaimantPage({ params, searchParams }: Props) {
  const { locale, slug: raw } = await params;
  const slug = pageParam(raw);
  setRequestLocale(locale);
  const claimant = await getPublicClaimant(slug);
  if (!claimant) return <PageGone />;
  const t = await getTranslations('claimantPage');
  const labels = await getTranslations();
  const cursor = claimListCursorParam((await searchParams).after);
  const page = await getPublishedClaimPage(PAGE_SIZE, cursor, { claimantSlug: slug });
  const country = claimant.country ? (new Intl.DisplayNames([locale], { type: 'region' }).of(claimant.country) ?? claimant.country) : null;
  const content = defaultLocale;

  return (
    <article>
      <p className="small">
        <Link href="/claimants">{t('allClaimants')}</Link>
      </p>
      <h1 lang={content}>{claimant.name}</h1>
      <dl className="meta">
        <dt>{t('kind')}</dt>
        <dd>{labels(claimantKindLabelKey(claimant.kind))}</dd>
        {country && (
          <>
            <dt>{t('country')}</dt>
            <dd>{country}</dd>
          </>
        )}
        {claimant.aliases.length > 0 && (
          <>
            <dt>{t('aliases')}</dt>
            <dd lang={content}>{claimant.aliases.join(', ')}</dd>
          </>
        )}
      </dl>
      {claimant.description && <p lang={content}>{claimant.description}</p>}

      <section aria-labelledby="scorecard-heading">
        <h2 id="scorecard-heading">{t('scorecard.heading')}</h2>
        <p>{t('scorecard.summary', { count: claimant.factCheckCount })}</p>
        {claimant.factCheckCount > 0 && (
          <Scorecard rows={claimant.scorecard} total={claimant.factCheckCount} claimantName={claimant.name} locale={locale} />
        )}
      </section>

      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">{t('claims.heading')}</h2>
        <FeedLinks scope={{ kind: 'claimant', slug }} />
        <ClaimList page={page} pathname={claimantPath(slug)} continued={cursor !== null} empty={t('claims.empty')} headingLevel={3} showClaimant={false} />
      </section>
    </article>
  );
}
