import type { Metadata } from 'next';
import { PageGone } from '@/app/[locale]/_components/page-gone';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { goneMetadata } from '@/app/[locale]/_components/gone-metadata';
import { ClaimList } from '@/app/components/claim-list';
import { FeedLinks } from '@/app/components/feed-links';
import { getPublishedClaimPage } from '@/lib/claims/cache';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { isPublicRecord } from '@/lib/public-pages/exists';
import { tagPath } from '@/lib/public-pages/paths';
import { pageParam } from '@/lib/public-pages/route-params';
import { claimListCursorParam } from '@/lib/public-pages/search-params';
import { publicPageMetadata } from '@/lib/seo/metadata';
import { siteSettings } from '@/lib/site/settings';

// Published claims carrying one tag, exactly as the newsroom wrote it
// ("troupes nord-coréennes"; see pageParam for how the segment arrives).
// An unknown tag is answered by PageGone, with a 404.

const PAGE_SIZE = 20;

// Served from Next's cache (ISR): see app/[locale]/layout.tsx.
export const dynamic = 'force-static';
export const revalidate = 300;

type Props = { params: Promise<{ locale: Locale; tag: string }>; searchParams: Promise<{ after?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, tag: raw } = await params;
  const tag = pageParam(raw);
  const path = tagPath(tag);
  if (!(await isPublicRecord('tags', tag))) return goneMetadata(locale, path);
  const t = await getTranslations({ locale, namespace: 'tagPage' });
  const feeds = await getTranslations({ locale, namespace: 'feeds' });
  return publicPageMetadata({
    locale,
    path,
    title: t('metaTitle', { tag }),
    description: t('metaDescription', { tag }),
    feed: { scope: { kind: 'tag', tag }, title: feeds('tag.title', { publisher: siteSettings().publisherName, tag }) },
  });
}

export default async function TagPage({ params, searchParams }: Props) {
  const { locale, tag: raw } = await params;
  const tag = pageParam(raw);
  setRequestLocale(locale);
  if (!(await isPublicRecord('tags', tag))) return <PageGone />;
  const t = await getTranslations('tagPage');
  const cursor = claimListCursorParam((await searchParams).after);
  const page = await getPublishedClaimPage(PAGE_SIZE, cursor, { tag });

  return (
    <>
      <h1>{t.rich('title', { tag, content: (chunks) => <span lang={defaultLocale}>{chunks}</span> })}</h1>
      <p className="muted">{t('intro')}</p>
      <FeedLinks scope={{ kind: 'tag', tag }} />
      <ClaimList page={page} pathname={tagPath(tag)} continued={cursor !== null} empty={t('empty')} />
    </>
  );
}
