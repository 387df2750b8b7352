import type { Metadata } from 'next';
import { feedContentTypes, feedFormats, type FeedScope, localizedFeedPath } from '../feeds/paths';
import { type Locale, locales } from '../i18n/locales';
import { localeAlternates } from '../i18n/metadata';
import { siteSettings } from '../site/settings';

// One shape of <head> for every public page: title and description, the
// canonical link and its hreflang alternates, Open Graph and Twitter cards,
// and <link rel="alternate"> to the feeds that follow the page. Relative URLs
// are made absolute by metadataBase (app/[locale]/layout.tsx).

export type PublicPageMetadata = {
  locale: Locale;
  /** The page's unprefixed path, e.g. /claims/some-slug. */
  path: string;
  title: string;
  description: string;
  /** 'article' for a fact check, 'profile' for a claimant; 'website' otherwise. */
  type?: 'website' | 'article' | 'profile';
  /** A share image (path or absolute URL) with its text alternative. */
  image?: { url: string; alt: string; width: number; height: number };
  /** The feed that follows this page, with its title. */
  feed?: { scope: FeedScope; title: string };
  /** A fact check's dates, as Open Graph article:published_time / article:modified_time. */
  article?: { publishedTime: string | null; modifiedTime: string | null };
  /** Keep the page out of search engines (e.g. a reader's private follow-up page). */
  noIndex?: boolean;
};

const openGraphLocales: Record<Locale, string> = { fr: 'fr_FR', en: 'en_GB' };

export function publicPageMetadata(page: PublicPageMetadata): Metadata {
  const alternates = localeAlternates(page.path, page.locale) ?? {};
  const canonical = typeof alternates.canonical === 'string' ? alternates.canonical : undefined;
  const images = page.image ? [page.image] : undefined;
  return {
    title: page.title,
    description: page.description,
    alternates: {
      ...alternates,
      ...(page.feed ? { types: feedAlternates(page.feed.scope, page.feed.title, page.locale) } : {}),
    },
    openGraph: {
      type: page.type ?? 'website',
      siteName: siteSettings().publisherName,
      title: page.title,
      description: page.description,
      url: canonical,
      locale: openGraphLocales[page.locale],
      alternateLocale: locales.filter((other) => other !== page.locale).map((other) => openGraphLocales[other]),
      ...(images ? { images } : {}),
      ...(page.article?.publishedTime ? { publishedTime: page.article.publishedTime } : {}),
      ...(page.article?.modifiedTime ? { modifiedTime: page.article.modifiedTime } : {}),
    },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title: page.title,
      description: page.description,
      ...(images ? { images } : {}),
    },
    ...(page.noIndex ? { robots: { index: false, follow: false } } : {}),
  };
}

/** Metadata alternates.types: one <link rel="alternate"> per feed format. */
export function feedAlternates(scope: FeedScope, title: string, locale: Locale): NonNullable<Metadata['alternates']>['types'] {
  return Object.fromEntries(
    feedFormats.map((format) => [feedContentTypes[format], [{ url: localizedFeedPath(scope, format, locale), title }]]),
  );
}
