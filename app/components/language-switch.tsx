'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { locales } from '@/lib/i18n/locales';

/**
 * Links to this page in the other interface language. Plain links: the
 * language is in the URL, so the switch works without JavaScript and a shared
 * cache can hold each language's page.
 */
export function LanguageSwitch() {
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
