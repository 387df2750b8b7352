import { getLocale, getTranslations } from 'next-intl/server';
import { defaultLocale, isLocale, type Locale, localizedPath } from '@/lib/i18n/locales';
import { SEARCH_QUERY_MAX_LENGTH } from '@/lib/search/schema';
import './search-box.css';

/**
 * The search box in the header of every public page: a plain GET form to
 * /search (in the page's language), so it works without JavaScript and ships
 * none. Its label is for screen readers; the button says what it does.
 * `locale` is for pages outside the [locale] layout (the not-found page).
 */
export async function SearchBox({ locale }: { locale?: Locale }) {
  const current = locale ?? (await getLocale());
  const language = isLocale(current) ? current : defaultLocale;
  const t = await getTranslations({ locale: language, namespace: 'site.search' });
  const action = localizedPath('/search', language);
  return (
    <form role="search" aria-label={t('label')} action={action} method="get" className="site-search">
      <label htmlFor="site-search-q" className="visually-hidden">
        {t('input')}
      </label>
      <input id="site-search-q" type="search" name="q" maxLength={SEARCH_QUERY_MAX_LENGTH} enterKeyHint="search" autoComplete="off" />
      <button type="submit">{t('submit')}</button>
    </form>
  );
}
