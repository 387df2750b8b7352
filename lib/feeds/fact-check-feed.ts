import 'server-only';
import { getTranslations } from 'next-intl/server';
import { getPublicClaimant } from '../claimants/cache';
import { getPublishedClaimPage } from '../claims/cache';
import type { PublicClaimFilter, PublicClaimListItem } from '../claims/queries';
import { isLocale, type Locale, localizedPath } from '../i18n/locales';
import { isPublicRecord } from '../public-pages/exists';
import { claimantPath, tagPath } from '../public-pages/paths';
import { absoluteUrl, siteSettings } from '../site/settings';
import type { FeedScope } from './paths';
import { type FeedChannel, type FeedEntry, feedResponse, isFeedFormat } from './render';

// The fact-check feeds: the latest published fact checks, one claimant's, one
// tag's, each in RSS 2.0, Atom and JSON Feed, in both interface languages.
// They read the same cached listing as the pages they follow (its first page).

export type FactCheckFeedScope = Extract<FeedScope, { kind: 'latest' | 'claimant' | 'tag' }>;

/** How many fact checks a feed holds. */
export const FACT_CHECK_FEED_SIZE = 50;

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** An unknown claimant, tag or format: plain text a feed reader can show, not the HTML not-found page. */
function feedNotFound(text: string): Response {
  return new Response(text, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' } });
}

/** The channel of a scope, or null when its claimant or tag has no public page. */
async function channelOf(scope: FactCheckFeedScope, locale: Locale, t: Translate): Promise<{ channel: FeedChannel; filter: PublicClaimFilter } | null> {
  const publisher = siteSettings().publisherName;
  const channel = (title: string, description: string, pagePath: string): FeedChannel => ({
    scope,
    locale,
    title,
    description,
    pageUrl: absoluteUrl(localizedPath(pagePath, locale)),
  });
  switch (scope.kind) {
    case 'latest':
      return { channel: channel(t('feeds.latest.title', { publisher }), t('feeds.latest.description', { publisher }), '/'), filter: {} };
    case 'claimant': {
      const claimant = await getPublicClaimant(scope.slug);
      if (!claimant) return null;
      const { name } = claimant;
      return {
        channel: channel(t('feeds.claimant.title', { publisher, name }), t('feeds.claimant.description', { name }), claimantPath(scope.slug)),
        filter: { claimantSlug: scope.slug },
      };
    }
    case 'tag': {
      if (!(await isPublicRecord('tags', scope.tag))) return null;
      const { tag } = scope;
      return { channel: channel(t('feeds.tag.title', { publisher, tag }), t('feeds.tag.description', { tag }), tagPath(tag)), filter: { tag } };
    }
  }
}

/** A fact check as a feed entry; claims without a published verdict are no fact check yet. */
function toEntry(item: PublicClaimListItem, locale: Locale, t: Translate): FeedEntry | null {
  if (!item.verdict || !item.rating) return null;
  const link = absoluteUrl(localizedPath(item.path, locale));
  return {
    id: link,
    title: item.summary,
    link,
    description: t('feeds.entry', { rating: item.rating.labels[locale], headline: item.verdict.headline }),
    // The verdict's publication (a correction's, once corrected): RSS's pubDate, Atom's updated, JSON Feed's date_modified.
    date: new Date(item.verdict.publishedAt),
    authors: [item.claimant.name],
    categories: item.tags,
  };
}

/** The whole answer of a fact-check feed route, from its raw route parameters. */
export async function factCheckFeedResponse(scope: FactCheckFeedScope, localeParam: string, formatParam: string): Promise<Response> {
  // The proxy only routes known locales here; a format is any last segment.
  if (!isLocale(localeParam)) return feedNotFound('Not found');
  const locale = localeParam;
  // Whole keys (no namespace), so that the catalogue check (lib/testing/messages.test.ts) can verify them.
  const t = await getTranslations({ locale });
  if (!isFeedFormat(formatParam)) return feedNotFound(t('feeds.notFound'));
  const found = await channelOf(scope, locale, t);
  if (!found) return feedNotFound(t('feeds.notFound'));
  const page = await getPublishedClaimPage(FACT_CHECK_FEED_SIZE, null, found.filter);
  // Newest verdict first: a correction dates its fact check anew, and Atom's <updated> is the first entry's date.
  const entries = page.items
    .map((item) => toEntry(item, locale, t))
    .filter((entry): entry is FeedEntry => entry !== null)
    .sort((a, b) => b.date.getTime() - a.date.getTime());
  return feedResponse(formatParam, found.channel, entries);
}
