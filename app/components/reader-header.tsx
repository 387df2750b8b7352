import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SearchBox } from '@/app/components/search-box';
import { type Locale, localizedPath } from '@/lib/i18n/locales';
import { siteSettings } from '@/lib/site/settings';

/**
 * The skip link and the header of every reader page: the publisher, the
 * sections, the search box and the language switch. Shared by the readers'
 * layout and the not-found page (which lives outside it). Plain links: reader
 * pages run no script (scripts/public-html.mjs), so there is no client-side
 * navigation to gain. The caller gives the language switch, inside whatever
 * client provider it has.
 */
export async function ReaderHeader({ locale, languageSwitch }: { locale: Locale; languageSwitch: ReactNode }) {
  const t = await getTranslations({ locale, namespace: 'site' });
  const { publisherName } = siteSettings();
  const href = (path: string) => localizedPath(path, locale);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <a href={href('/')} className="brand">
          {publisherName}
        </a>
        <nav aria-label={t('nav.label')}>
          <a href={href('/')}>{t('nav.factChecks')}</a>
          <a href={href('/claimants')}>{t('nav.claimants')}</a>
          <a href={href('/corrections')}>{t('nav.corrections')}</a>
          <a href={href('/methodology')}>{t('nav.methodology')}</a>
        </nav>
        <SearchBox locale={locale} />
        {languageSwitch}
      </header>
    </>
  );
}
