import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ClaimList } from '@/app/components/claim-list';
import { FeedLinks } from '@/app/components/feed-links';
import { getPublishedClaimPage } from '@/lib/claims/cache';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { claimListCursorParam } from '@/lib/public-pages/search-params';
import { siteSettings } from '@/lib/site/settings';
import { publicPageMetadata } from '@/lib/seo/metadata';

const PAGE_SIZE = 20;
const LATEST = { kind: 'latest' } as const;

// Served from Next's cache (ISR): see app/[locale]/layout.tsx.
export const dynamic = 'force-static';
export const revalidate = 300;

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ after?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'home' });
  const feeds = await getTranslations({ locale, namespace: 'feeds' });
  return publicPageMetadata({
    locale,
    path: '/',
    title: t('title'),
    description: t('intro'),
    feed: { scope: LATEST, title: feeds('latest.title', { publisher: siteSettings().publisherName }) },
  });
}

export default async function HomePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('home');
  const { after } = await searchParams;
  const cursor = claimListCursorParam(after);
  const page = await getPublishedClaimPage(PAGE_SIZE, cursor);

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <p>
        <Link href="/claimants">{t('browseClaimants')}</Link>
      </p>
      <FeedLinks scope={LATEST} />
      <ClaimList page={page} pathname="/" continued={cursor !== null} empty={t('empty')} />
    </>
  );
}
