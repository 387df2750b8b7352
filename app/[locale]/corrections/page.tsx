import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { claimListCursorSchema } from '@/lib/claims/schema';
import { getPublishedCorrectionPage } from '@/lib/corrections/cache';
import { correctionAnchorId, CORRECTIONS_PATH } from '@/lib/corrections/paths';
import { feedFormats, localizedFeedPath } from '@/lib/feeds/paths';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { METHODOLOGY_PATH } from '@/lib/methodology/paths';
import { decodeCursor, encodeCursor } from '@/lib/pagination/cursor';
import { publicPageMetadata } from '@/lib/seo/metadata';

// The public corrections log: every correction to a published verdict,
// newest first, with its own feeds.

const PAGE_SIZE = 20;

// Served from Next's cache (ISR): see app/[locale]/layout.tsx.
export const dynamic = 'force-static';
export const revalidate = 300;

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ after?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'corrections' });
  return publicPageMetadata({
    locale,
    path: CORRECTIONS_PATH,
    title: t('title'),
    description: t('description'),
    feed: { scope: { kind: 'corrections' }, title: t('feedLinkTitle') },
  });
}

export default async function CorrectionsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('corrections');
  const { after } = await searchParams;
  // A cursor that is not one of ours (edited, truncated, repeated) reads as the first page.
  const cursor = typeof after === 'string' ? decodeCursor(after, claimListCursorSchema) : null;
  const page = await getPublishedCorrectionPage(PAGE_SIZE, cursor);

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t.rich('intro', { policy: (chunks) => <Link href={`${METHODOLOGY_PATH}#corrections`}>{chunks}</Link> })}</p>
      <p className="small">
        {t('feeds')}{' '}
        {feedFormats.map((format, index) => (
          <span key={format}>
            {index > 0 && ' · '}
            <a href={localizedFeedPath({ kind: 'corrections' }, format, locale)}>{t(`feedFormat.${format}`)}</a>
          </span>
        ))}
      </p>
      {page.items.length === 0 ? (
        <p>{cursor ? t('noMore') : t('empty')}</p>
      ) : (
        <ol className="plain-list claim-list">
          {page.items.map((correction) => (
            <li key={correction.id} id={correctionAnchorId(correction.id)}>
              <h2 lang={correction.claim.language}>
                <Link href={correction.claim.path}>{correction.claim.summary}</Link>
              </h2>
              <p className="small">
                {t.rich('entry.change', {
                  from: () => <RatingBadge rating={correction.fromRating} />,
                  to: () => <RatingBadge rating={correction.toRating} />,
                  arrow: () => <span aria-hidden="true">→</span>,
                  hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                })}{' '}
                · <span className="muted">{t.rich('entry.date', { date: () => <FormattedDate value={correction.publishedAt} withTime /> })}</span>
                {correction.claim.archived && (
                  <>
                    {' '}
                    · <span className="muted">{t('entry.archived')}</span>
                  </>
                )}
              </p>
              <p lang={correction.claim.language}>{correction.note}</p>
            </li>
          ))}
        </ol>
      )}
      <p className="inline-list">
        {cursor && <Link href={CORRECTIONS_PATH}>{t('newest')}</Link>}
        {page.nextCursor && <Link href={{ pathname: CORRECTIONS_PATH, query: { after: encodeCursor(page.nextCursor) } }}>{t('older')}</Link>}
      </p>
    </>
  );
}
