'use client';

import { useLocale, useTranslations } from 'next-intl';
import { usePathname } from '@/lib/i18n/navigation';
import { type Locale, locales, localizedPath } from '@/lib/i18n/locales';

/**
 * Links to this page in the other interface language. Plain links to the
 * page's own address in that language (unprefixed in the newsroom's, /en/…
 * otherwise): the language is in the URL, so the switch works without
 * JavaScript and a shared cache can hold each language's page. `hrefs` gives
 * the addresses outright, for a page whose URL is not its route (the
 * not-found page, reached by a rewrite).
 */
export function LanguageSwitch({ hrefs }: { hrefs?: Record<Locale, string> }) {
  const t = useTranslations('site.languageSwitch');
  const current = useLocale();
  const pathname = usePathname();
  const hrefOf = (locale: Locale) => hrefs?.[locale] ?? localizedPath(pathname, locale);
  return (
    <nav aria-label={t('label')} className="language-switch">
      <ul className="plain-list inline-list">
        {locales.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={locale}>
                {t(locale)}
              </span>
            ) : (
              <a href={hrefOf(locale)} lang={locale} hrefLang={locale}>
                {t(locale)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
