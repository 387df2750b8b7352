import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickMessages } from '@/lib/i18n/client-messages';
import { localizedPath, type Locale } from '@/lib/i18n/locales';
import '../globals.css';

// The newsroom's side (sign-in and dashboard), rendered per request. Its
// language is the signed-in user's setting, else the browser's (lib/i18n/request.ts).

export const metadata: Metadata = { title: { default: 'Attest', template: '%s · Attest' }, robots: { index: false } };

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('site');
  const messages = await getMessages();
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipLink')}
        </a>
        <header className="site-header">
          <a href={localizedPath('/', locale)} className="brand">
            Attest
          </a>
          <nav aria-label={t('nav.label')}>
            <a href={localizedPath('/', locale)}>{t('nav.factChecks')}</a>
          </nav>
        </header>
        {/* The error page is a client component; pages below add the messages their own client components use. */}
        <NextIntlClientProvider messages={pickMessages(messages, ['error'])}>
          <main id="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
