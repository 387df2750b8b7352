import { defaultLocale, type Locale } from '../i18n/locales';

/**
 * A page's dynamic segment as the address names it. At the unprefixed
 * addresses (the newsroom's language), next-intl's rewrite in the proxy hands
 * the page its segment still percent-encoded (/tags/%C3%89tats-Unis arrives
 * as "%C3%89tats-Unis"), while /en/… pages and route handlers get it decoded
 * ("États-Unis"). Decoding once more there is safe for what such a segment
 * can hold: a "%" not followed by two hex digits stays as it is.
 */
export function pageParam(value: string, locale: Locale): string {
  if (locale !== defaultLocale) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
