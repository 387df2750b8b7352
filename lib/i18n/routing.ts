import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from './locales';

// Public pages: the language is in the URL and nowhere else — no cookie, no
// Accept-Language — so that a shared cache can hold every public page as it is.
export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'as-needed',
  localeDetection: false,
  localeCookie: false,
  // The pages carry their hreflang alternates in <head> (see lib/i18n/metadata.ts).
  alternateLinks: false,
});
