import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { unstable_rethrow } from 'next/navigation';
import * as rootParams from 'next/root-params';
import { defaultLocale, type Locale } from './locales';
import { routing } from './routing';
import { newsroomLocale } from './newsroom-locale';

// Which language a request renders in: a public page's comes from its URL (the
// [locale] root segment); the dashboard's and the sign-in page's from the
// signed-in user's setting, else the browser's language.

/** Shown instead of a missing message, so that a test can find it on any page. */
export const MISSING_MESSAGE_MARK = '⟦missing⟧';

/** The [locale] root segment; none inside a server action, where Next throws rather than answer (actions belong to no route). */
async function localeFromUrl(): Promise<string | undefined> {
  try {
    return await rootParams.locale();
  } catch (error) {
    unstable_rethrow(error); // Next's own control flow (dynamic rendering, redirects) goes on
    return undefined;
  }
}

async function requestedLocale(locale: string | undefined): Promise<Locale> {
  if (hasLocale(routing.locales, locale)) return locale;
  const fromUrl = await localeFromUrl();
  if (hasLocale(routing.locales, fromUrl)) return fromUrl;
  return (await newsroomLocale()) ?? defaultLocale;
}

export default getRequestConfig(async ({ locale }) => {
  const resolved = await requestedLocale(locale);
  return {
    locale: resolved,
    messages: (await import(`../../messages/${resolved}.json`)).default,
    // Dates are shown in UTC: a date-only value (2024-12-04) never shifts a day with the server's zone.
    timeZone: 'UTC',
    onError(error) {
      console.error(`[i18n] ${error.message}`);
    },
    getMessageFallback({ namespace, key }) {
      return `${MISSING_MESSAGE_MARK}${namespace ? `${namespace}.` : ''}${key}`;
    },
  };
});
