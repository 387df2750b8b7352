import type { Metadata } from 'next';
import { defaultLocale, type Locale, locales, localizedPath } from './locales';

/** A public page's path in every interface language, keyed by hreflang (x-default: the newsroom's own). */
export function hreflangPaths(path: string): Record<string, string> {
  const languages: Record<string, string> = Object.fromEntries(locales.map((other) => [other, localizedPath(path, other)]));
  languages['x-default'] = localizedPath(path, defaultLocale);
  return languages;
}

/**
 * The canonical link of a public page in `locale` and its hreflang
 * alternates in every interface language (x-default: the newsroom's own).
 * `path` is the page's unprefixed path, e.g. /claims/some-slug.
 */
export function localeAlternates(path: string, locale: Locale): Metadata['alternates'] {
  return { canonical: localizedPath(path, locale), languages: hreflangPaths(path) };
}
