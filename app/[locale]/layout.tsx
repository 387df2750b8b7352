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

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
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
