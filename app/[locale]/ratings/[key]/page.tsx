import type { Metadata } from 'next';
import { PageGone } from '@/app/[locale]/_components/page-gone';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { goneMetadata } from '@/app/[locale]/_components/gone-metadata';
import { ClaimList } from '@/app/components/claim-list';
import { RatingBadge } from '@/app/components/rating-badge';
import { getPublishedClaimPage } from '@/lib/claims/cache';
import { type Locale, localizedPath } from '@/lib/i18n/locales';
import { methodologyRatingPath } from '@/lib/methodology/paths';
import { ratingPath } from '@/lib/public-pages/paths';
import { pageParam } from '@/lib/public-pages/route-params';
import { claimListCursorParam } from '@/lib/public-pages/search-params';
import { getPublicRating } from '@/lib/ratings/cache';
import { publicPageMetadata } from '@/lib/seo/metadata';

// One rating of the scale: what it means (its label and description, from
// the ratings table) and the published claims whose current verdict has it.
// An unknown key is answered by PageGone, with a 404.

const PAGE_SIZE = 20;

// Served from Next's cache (ISR): see app/[locale]/layout.tsx.
export const dynamic = 'force-static';
export const revalidate = 300;

type Props = { params: Promise<{ locale: Locale; key: string }>; searchParams: Promise<{ after?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, key: raw } = await params;
  const key = pageParam(raw);
  const rating = await getPublicRating(key);
  const path = ratingPath(key);
  if (!rating) return goneMetadata(locale, path);
  const t = await getTranslations({ locale, namespace: 'ratingPage' });
  return publicPageMetadata({ locale, path, title: t('title', { label: rating.labels[locale] }), description: rating.descriptions[locale] });
}

export default async function RatingPage({ params, searchParams }: Props) {
  const { locale, key: raw } = await params;
  const key = pageParam(raw);
  setRequestLocale(locale);
  const rating = await getPublicRating(key);
  if (!rating) return <PageGone />;
  const t = await getTranslations('ratingPage');
  const cursor = claimListCursorParam((await searchParams).after);
  const page = await getPublishedClaimPage(PAGE_SIZE, cursor, { ratingKey: key });

  return (
    <>
      <h1>{t('title', { label: rating.labels[locale] })}</h1>
      <section aria-labelledby="meaning-heading">
        <h2 id="meaning-heading">{t('meaning')}</h2>
        <p>
          <RatingBadge rating={rating} /> {rating.descriptions[locale]}
        </p>
        <p>
          {/* A plain link: the browser follows the #fragment to the rating's entry. */}
          <a href={localizedPath(methodologyRatingPath(rating.key), locale)}>{t('methodology')}</a>
        </p>
      </section>
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">{t('claims.heading')}</h2>
        <ClaimList page={page} pathname={ratingPath(key)} continued={cursor !== null} empty={t('claims.empty')} headingLevel={3} />
      </section>
    </>
  );
}
