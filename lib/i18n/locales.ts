import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';

// The two languages of Attest's interface. Content (claims, quotes, sources)
// keeps its own language; this is the language of everything around it.
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The newsroom's language, served at the unprefixed public URLs (the other one
 * lives under /en/… or /fr/…). next.config.js inlines ATTEST_DEFAULT_LOCALE
 * at build time, so that the server, the proxy and the browser agree; changing
 * it needs a rebuild (`npm start` rebuilds when it changes).
 */
export const defaultLocale: Locale = isLocale(process.env.ATTEST_DEFAULT_LOCALE) ? process.env.ATTEST_DEFAULT_LOCALE : 'fr';

/** The best interface language for an Accept-Language header, or null when it names neither. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const requested = new Negotiator({ headers: { 'accept-language': header } }).languages();
  const matched = match(requested.filter((tag) => tag !== '*'), [...locales], '');
  return isLocale(matched) ? matched : null;
}

/** The URL path of a public page in a locale: unprefixed in the default locale, /en/… otherwise. */
export function localizedPath(path: string, locale: Locale): string {
  if (locale === defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/** A public path's interface language (from its /en/… or /fr/… prefix, else the default) and the path without it. */
export function splitLocalePrefix(pathname: string): { locale: Locale; path: string } {
  const [, first, ...rest] = pathname.split('/');
  if (isLocale(first)) return { locale: first, path: `/${rest.join('/')}` };
  return { locale: defaultLocale, path: pathname };
}
