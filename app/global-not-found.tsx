import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { LanguageSwitch } from '@/app/components/language-switch';
import { ReaderHeader } from '@/app/components/reader-header';
import { pickMessages } from '@/lib/i18n/client-messages';
import { defaultLocale, isLocale, type Locale, locales, localizedPath } from '@/lib/i18n/locales';
import { localeAlternates } from '@/lib/i18n/metadata';
import { newsroomLocale } from '@/lib/i18n/newsroom-locale';
import { siteSettings } from '@/lib/site/settings';
import './globals.css';

// Every 404 lands here: unmatched URLs, and the claim and source pages the
// proxy found unpublished. Rendered per request (it reads headers), so that
// the dashboard's nonce policy applies to it too. A page that calls notFound() in a production build
// renders an empty body (vercel/next.js#62228), so the proxy rewrites those to
// an unmatched path instead, and tells this page the language, the side of
// the site (reader or newsroom) and the address asked for in request headers
// (lib/request/refuse-request.ts).

type NotFoundContext = {
  inDashboard: boolean;
  locale: Locale;
  /** The reader's address without its language prefix, when it is a safe same-site path; else the home page. */
  path: string;
};

/** A path of this site: one leading slash (never "//host" or "/\\host"), printable ASCII as the proxy encodes it. */
const SAME_SITE_PATH = /^\/(?![/\\])[\x21-\x7e]*$/;

async function notFoundContext(): Promise<NotFoundContext> {
  const requestHeaders = await headers();
  const inDashboard = requestHeaders.get('x-attest-area') === 'dashboard';
  const requested = inDashboard ? await newsroomLocale() : requestHeaders.get('x-attest-locale');
  const path = requestHeaders.get('x-attest-path') ?? '/';
  return { inDashboard, locale: isLocale(requested) ? requested : defaultLocale, path: SAME_SITE_PATH.test(path) ? path : '/' };
}

export async function generateMetadata(): Promise<Metadata> {
  const { inDashboard, locale, path } = await notFoundContext();
  const t = await getTranslations({ locale, namespace: 'notFound' });
  const { publisherName, publicUrl } = siteSettings();
  return {
    metadataBase: new URL(`${publicUrl}/`),
    title: `${t('title')} · ${publisherName}`,
    robots: { index: false },
    // A reader's address has its twin in the other language (itself not found): the switch and hreflang name it.
    ...(inDashboard ? {} : { alternates: localeAlternates(path, locale) }),
  };
}

export default async function GlobalNotFound() {
  const { inDashboard, locale, path } = await notFoundContext();
  const t = await getTranslations({ locale, namespace: 'notFound' });
  const site = await getTranslations({ locale, namespace: 'site' });
  const messages = await getMessages({ locale });
  const home = inDashboard ? '/dashboard' : localizedPath('/', locale);
  const twins = Object.fromEntries(locales.map((other) => [other, localizedPath(path, other)])) as Record<Locale, string>;
  return (
    <html lang={locale}>
      <body>
        {inDashboard ? (
          <>
            <a className="skip-link" href="#main">
              {site('skipLink')}
            </a>
            <header className="site-header">
              <a href="/dashboard" className="brand">
                {siteSettings().publisherName}
              </a>
            </header>
          </>
        ) : (
          <ReaderHeader
            locale={locale}
            languageSwitch={
              <NextIntlClientProvider locale={locale} messages={pickMessages(messages, ['site.languageSwitch'])}>
                <LanguageSwitch hrefs={twins} />
              </NextIntlClientProvider>
            }
          />
        )}
        <main id="main">
          <h1>{t('title')}</h1>
          <p>{t(inDashboard ? 'dashboard.body' : 'public.body')}</p>
          <p>
            <a href={home}>{t(inDashboard ? 'dashboard.home' : 'public.home')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
