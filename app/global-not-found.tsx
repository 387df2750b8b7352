import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { defaultLocale, isLocale, localizedPath } from '@/lib/i18n/locales';
import { newsroomLocale } from '@/lib/i18n/newsroom-locale';
import './globals.css';

// Every 404 lands here: unmatched URLs, and the claim and source pages the
// proxy found unpublished. Rendered per request (it reads headers), so that
// the dashboard's nonce policy applies to it too. A page that calls notFound() in a production build
// renders an empty body (vercel/next.js#62228), so the proxy rewrites those to
// an unmatched path instead, and tells this page the language and the side of
// the site (reader or newsroom) in request headers.

export const metadata: Metadata = { title: 'Not found · Attest', robots: { index: false } };

export default async function GlobalNotFound() {
  const requestHeaders = await headers();
  const inDashboard = requestHeaders.get('x-attest-area') === 'dashboard';
  const requested = inDashboard ? await newsroomLocale() : requestHeaders.get('x-attest-locale');
  const locale = isLocale(requested) ? requested : defaultLocale;
  const t = await getTranslations({ locale, namespace: 'notFound' });
  const site = await getTranslations({ locale, namespace: 'site' });
  const home = inDashboard ? '/dashboard' : localizedPath('/', locale);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {site('skipLink')}
        </a>
        <header className="site-header">
          <a href={localizedPath('/', locale)} className="brand">
            Attest
          </a>
        </header>
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
