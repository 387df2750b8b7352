import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { localizedPath, type Locale } from '@/lib/i18n/locales';
import '../globals.css';

// The newsroom's side (sign-in and dashboard), rendered per request. Its
// language is the signed-in user's setting, else the browser's (lib/i18n/request.ts).

export const metadata: Metadata = { title: { default: 'Attest', template: '%s · Attest' }, robots: { index: false } };

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('site');
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
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
