'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { type Locale, locales } from '@/lib/i18n/locales';

/**
 * Links to this page in the other interface language. Plain links: the
 * language is in the URL, so the switch works without JavaScript and a shared
 * cache can hold each language's page. `hrefs` gives the addresses outright,
 * for a page whose URL is not its route (the not-found page, reached by a
 * rewrite); otherwise they are the current page's, in each language.
 */
export function LanguageSwitch({ hrefs }: { hrefs?: Record<Locale, string> }) {
  const t = useTranslations('site.languageSwitch');
  const current = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} className="language-switch">
      <ul className="plain-list inline-list">
        {locales.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={locale}>
                {t(locale)}
              </span>
            ) : hrefs ? (
              <a href={hrefs[locale]} lang={locale} hrefLang={locale}>
                {t(locale)}
              </a>
            ) : (
              <Link href={pathname} locale={locale} lang={locale} hrefLang={locale}>
                {t(locale)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
