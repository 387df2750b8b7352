import { Feed, type Item } from 'feed';
import type { Locale } from '../i18n/locales';
import { plainTextHtml } from '../markdown/render';
import { absoluteUrl, siteSettings } from '../site/settings';
import { type FeedFormat, feedContentTypes, feedFormats, type FeedScope, localizedFeedPath } from './paths';

// Every feed Attest publishes goes through here: one channel description and
// its items, written by the `feed` package as RSS 2.0, Atom 1.0 or JSON Feed
// 1.1, so that no XML is written by hand.

export type FeedChannel = {
  scope: FeedScope;
  locale: Locale;
  title: string;
  description: string;
  /** Absolute URL of the page this feed follows, in the feed's language. */
  pageUrl: string;
};

export type FeedEntry = {
  /** A stable id: the same entry keeps it across edits. */
  id: string;
  title: string;
  /** Absolute URL of the entry's page. */
  link: string;
  /** Plain text; feed readers show it as the entry's summary. */
  description: string;
  date: Date;
  published?: Date;
  authors?: string[];
  categories?: string[];
};

export function isFeedFormat(value: string): value is FeedFormat {
  return (feedFormats as readonly string[]).includes(value);
}

export function renderFeed(format: FeedFormat, channel: FeedChannel, entries: FeedEntry[]): string {
  const settings = siteSettings();
  const feedLinks = Object.fromEntries(feedFormats.map((other) => [other, absoluteUrl(localizedFeedPath(channel.scope, other, channel.locale), settings)]));
  const feed = new Feed({
    id: feedLinks[format],
    title: channel.title,
    description: channel.description,
    link: channel.pageUrl,
    language: channel.locale,
    updated: entries[0]?.date ?? new Date(0),
    feedLinks,
    generator: false,
    copyright: settings.publisherName,
    author: { name: settings.publisherName, link: settings.publicUrl },
  });
  for (const entry of entries) feed.addItem(toItem(entry));
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return feed.json1();
}

function toItem(entry: FeedEntry): Item {
  return {
    id: entry.id,
    guid: entry.id,
    title: entry.title,
    link: entry.link,
    // The feed package writes descriptions as HTML (RSS description, Atom
    // summary type="html", JSON content_html): plain text is escaped into it.
    description: plainTextHtml(entry.description),
    date: entry.date,
    ...(entry.published ? { published: entry.published } : {}),
    ...(entry.authors?.length ? { author: entry.authors.map((name) => ({ name })) } : {}),
    // Atom requires a category's term (label alone is invalid); RSS and JSON Feed read the name.
    ...(entry.categories?.length ? { category: entry.categories.map((name) => ({ name, term: name })) } : {}),
  };
}

/** A feed as an HTTP answer, cacheable by shared caches like the read API. */
export function feedResponse(format: FeedFormat, channel: FeedChannel, entries: FeedEntry[]): Response {
  return new Response(renderFeed(format, channel, entries), {
    headers: {
      'Content-Type': `${feedContentTypes[format]}; charset=utf-8`,
      'Cache-Control': 'public, max-age=60, stale-while-revalidate=300',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
