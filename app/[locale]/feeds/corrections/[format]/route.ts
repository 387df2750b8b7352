import { getTranslations } from 'next-intl/server';
import type { NextRequest } from 'next/server';
import { notFound } from '@/lib/api/responses';
import { getPublishedCorrectionPage } from '@/lib/corrections/cache';
import { correctionAnchorId, CORRECTIONS_PATH } from '@/lib/corrections/paths';
import { type FeedEntry, feedResponse, isFeedFormat } from '@/lib/feeds/render';
import { isLocale, localizedPath } from '@/lib/i18n/locales';
import { absoluteUrl, siteSettings } from '@/lib/site/settings';

// The corrections log as RSS 2.0, Atom and JSON Feed (/feeds/corrections/{rss,atom,json},
// /en/feeds/… in English): the newest corrections, each linking to its claim.

const FEED_SIZE = 50;

export async function GET(_request: NextRequest, { params }: RouteContext<'/[locale]/feeds/corrections/[format]'>) {
  const { locale, format } = await params;
  if (!isLocale(locale) || !isFeedFormat(format)) return notFound(`Feed "${format}"`);
  const t = await getTranslations({ locale, namespace: 'corrections' });
  const { publisherName } = siteSettings();
  const pageUrl = absoluteUrl(localizedPath(CORRECTIONS_PATH, locale));
  const { items } = await getPublishedCorrectionPage(FEED_SIZE, null);
  const entries: FeedEntry[] = items.map((correction) => ({
    id: `${pageUrl}#${correctionAnchorId(correction.id)}`,
    title: t('feed.entryTitle', {
      summary: correction.claim.summary,
      from: correction.fromRating.labels[locale],
      to: correction.toRating.labels[locale],
    }),
    link: absoluteUrl(localizedPath(correction.claim.path, locale)),
    description: correction.note,
    date: new Date(correction.publishedAt),
  }));
  return feedResponse(
    format,
    { scope: { kind: 'corrections' }, locale, title: t('feed.title', { publisher: publisherName }), description: t('feed.description'), pageUrl },
    entries,
  );
}
