import { getTranslations } from 'next-intl/server';
import { Field } from '@/app/components/form/field';
import { type Locale, localizedPath } from '@/lib/i18n/locales';
import type { SearchFilterOptions } from '@/lib/search/queries';
import { SEARCH_QUERY_MAX_LENGTH } from '@/lib/search/schema';

export type SearchFormValues = { q: string; rating: string; claimant: string; from: string; to: string };

/**
 * The search page's form: a GET form, so that a search is a URL a reader
 * can share and the page works without JavaScript. It shows what was typed,
 * and each field's error next to it.
 */
export async function SearchForm({
  locale,
  values,
  errors,
  options,
}: {
  locale: Locale;
  values: SearchFormValues;
  errors: Partial<Record<keyof SearchFormValues, string[]>>;
  options: SearchFilterOptions;
}) {
  const t = await getTranslations('search.form');
  const filtered = values.rating !== '' || values.claimant !== '' || values.from !== '' || values.to !== '';
  return (
    <form role="search" aria-label={t('label')} action={localizedPath('/search', locale)} method="get" className="search-form">
      <Field id="search-q" name="q" label={t('query')} errors={errors.q}>
        {(control) => <input {...control} type="search" defaultValue={values.q} maxLength={SEARCH_QUERY_MAX_LENGTH} enterKeyHint="search" />}
      </Field>
      <div className="filters">
        <Field id="search-rating" name="rating" label={t('rating')} errors={errors.rating}>
          {(control) => (
            <select {...control} defaultValue={values.rating}>
              <option value="">{t('anyRating')}</option>
              {options.ratings.map((rating) => (
                <option key={rating.key} value={rating.key}>
                  {rating.labels[locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="search-claimant" name="claimant" label={t('claimant')} errors={errors.claimant}>
          {(control) => (
            <select {...control} defaultValue={values.claimant}>
              <option value="">{t('anyClaimant')}</option>
              {options.claimants.map((claimant) => (
                <option key={claimant.slug} value={claimant.slug}>
                  {claimant.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="search-from" name="from" label={t('from')} errors={errors.from}>
          {(control) => <input {...control} type="date" defaultValue={values.from} />}
        </Field>
        <Field id="search-to" name="to" label={t('to')} errors={errors.to}>
          {(control) => <input {...control} type="date" defaultValue={values.to} />}
        </Field>
      </div>
      <div className="filter-buttons">
        <button type="submit">{t('submit')}</button>
        {filtered && values.q !== '' && (
          <a href={`${localizedPath('/search', locale)}?${new URLSearchParams({ q: values.q })}`}>{t('clearFilters')}</a>
        )}
      </div>
    </form>
  );
}
