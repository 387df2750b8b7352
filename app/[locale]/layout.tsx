import type { Metadata } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '@/app/components/language-switch';
import { ReaderHeader } from '@/app/components/reader-header';
import { pickMessages } from '@/lib/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';
import { siteSettings } from '@/lib/site/settings';
import { localizedFeedPath } from '@/lib/feeds/paths';
import '../globals.css';

// The readers' site. Its language is the [locale] segment, which the proxy
// fills in from the URL (unprefixed: the newsroom's language; /en/…: English).

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

// The reader pages are rendered on a reader's first visit, never at build
// (the build has no database), then served from Next's cache: each page says
// `dynamic = 'force-static'` (searchParams read as empty; later pages of a
// listing go to a twin route, lib/public-pages/paged.ts) and `revalidate =
// 300` (PUBLIC_CACHE_SECONDS in lib/cache-tags.ts, a literal because Next reads
// it from the source), the safety net for writes made outside the app. A
// mutation expires the page at once: the data tags its cached reads carry
// (unstable_cache, lib/*/cache.ts) become the page's cache tags.
// The search page and the per-visitor pages (contest form, dispute
// follow-up) stay dynamic.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'site' });
  const { publisherName, publicUrl } = siteSettings();
  // metadataBase makes every relative URL in pages' metadata (canonical, feeds, share images) absolute.
  return { metadataBase: new URL(`${publicUrl}/`), title: { default: publisherName, template: `%s · ${publisherName}` }, description: t('description') };
}

export default async function PublicLayout({ children, params }: Props) {
  const { locale } = await params;
  // The proxy only ever routes known locales here.
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('site');
  const messages = await getMessages();
  return (
    <html lang={locale}>
      <body>
        {/* Client components (the language switch, the error page) get the locale and only the messages they use. */}
        <NextIntlClientProvider messages={pickMessages(messages, ['site.languageSwitch', 'error'])}>
          <ReaderHeader locale={locale} languageSwitch={<LanguageSwitch />} />
          <main id="main">{children}</main>
          <footer className="site-footer">
            <p>{t.rich('footer.provenance', { api: (chunks) => <a href="/api/claims">{chunks}</a> })}</p>
            <nav aria-label={t('footer.label')}>
              <ul className="footer-links">
                <li>
                  <Link href="/methodology">{t('nav.methodology')}</Link>
                </li>
                <li>
                  <Link href="/corrections">{t('nav.corrections')}</Link>
                </li>
                <li>
                  <a href={localizedFeedPath({ kind: 'latest' }, 'rss', locale)}>{t('footer.feed')}</a>
                </li>
                <li>
                  <a href="/api/exports/claims.csv">{t('footer.exports')}</a>
                </li>
                <li>
                  <a href="/api/claims">{t('footer.api')}</a>
                </li>
              </ul>
            </nav>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
