import { type Locale, localizedPath } from '../i18n/locales';

// Where Attest's feeds live. Each scope has the same three formats, as plain
// path segments (no file extension: the proxy then routes them into the
// reader's language like any page, /feeds/… and /en/feeds/…).

export type FeedScope =
  | { kind: 'latest' }
  | { kind: 'corrections' }
  | { kind: 'claimant'; slug: string }
  | { kind: 'tag'; tag: string };

export const feedFormats = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof feedFormats)[number];

export const feedContentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** The unprefixed path of a feed, e.g. /feeds/claimants/kremlin/atom. */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  switch (scope.kind) {
    case 'latest':
      return `/feeds/fact-checks/${format}`;
    case 'corrections':
      return `/feeds/corrections/${format}`;
    case 'claimant':
      return `/feeds/claimants/${encodeURIComponent(scope.slug)}/${format}`;
    case 'tag':
      return `/feeds/tags/${encodeURIComponent(scope.tag)}/${format}`;
  }
}

/** The feed in the reader's language. */
export function localizedFeedPath(scope: FeedScope, format: FeedFormat, locale: Locale): string {
  return localizedPath(feedPath(scope, format), locale);
}
