import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { getPublishedClaimPage } from '@/lib/claims/cache';
import { decodeClaimListCursor, encodeClaimListCursor } from '@/lib/claims/schema';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { publicPageMetadata } from '@/lib/seo/metadata';

const PAGE_SIZE = 20;

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ after?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'home' });
  return publicPageMetadata({ locale, path: '/', title: t('title'), description: t('intro'), feed: { scope: { kind: 'latest' }, title: t('title') } });
}

export default async function HomePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('home');
  const { after } = await searchParams;
  const page = await getPublishedClaimPage(PAGE_SIZE, after ? decodeClaimListCursor(after) : null);

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {page.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ol className="plain-list claim-list">
          {page.items.map((claim) => (
            <li key={claim.slug}>
              <h2 lang={claim.language}>
                <Link href={claim.path}>{claim.summary}</Link>
              </h2>
              <p className="small">
                {claim.rating && <RatingBadge rating={claim.rating} />} <span className="muted">{claim.claimant.name}</span> ·{' '}
                <span className="muted">{t.rich('published', { date: () => <FormattedDate value={claim.publishedAt} /> })}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
      {page.nextCursor && (
        <p>
          <Link href={{ pathname: '/', query: { after: encodeClaimListCursor(page.nextCursor) } }}>{t('older')}</Link>
        </p>
      )}
    </>
  );
}
