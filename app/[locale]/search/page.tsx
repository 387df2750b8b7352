import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import { translateFieldErrors } from '@/lib/actions/translate';
import { type Locale, localizedPath } from '@/lib/i18n/locales';
import { getSearchFilterOptions, searchPublicSite } from '@/lib/search/cache';
import { decodeSearchCursor } from '@/lib/claims/schema';
import { encodeSearchCursor, SEARCH_PAGE_SIZE, searchFormSchema } from '@/lib/search/schema';
import { publicPageMetadata } from '@/lib/seo/metadata';
import { SearchForm, type SearchFormValues } from './search-form';
import { SearchResults } from './search-results';
import './search.css';

type SearchParams = Record<string, string | string[] | undefined>;
// Keyed by whatever a reader types: rendered per request (the layout's
// `generateStaticParams` would otherwise make it an ISR route).
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<SearchParams> };

/** A repeated parameter (?q=a&q=b) counts once, as its first value. */
function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function formValues(raw: SearchParams): SearchFormValues {
  return { q: first(raw.q), rating: first(raw.rating), claimant: first(raw.claimant), from: first(raw.from), to: first(raw.to) };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'search' });
  const form = searchFormSchema.safeParse(formValues(await searchParams));
  const query = form.success ? form.data.q : null;
  // Result pages stay out of search engines; the form itself is a page like the others.
  return publicPageMetadata({
    locale,
    path: '/search',
    title: query ? t('metaTitle', { query }) : t('title'),
    description: t('description'),
    noIndex: query !== null,
  });
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('search');
  const raw = await searchParams;
  const values = formValues(raw);
  const form = searchFormSchema.safeParse(values);
  const options = await getSearchFilterOptions();
  const errors = form.success ? {} : translateFieldErrors(await getTranslations(), z.flattenError(form.error).fieldErrors);
  const search = form.success && form.data.q !== null ? form.data : null;

  let results = null;
  if (search?.q) {
    const filters = { rating: search.rating, claimant: search.claimant, from: search.from, to: search.to };
    // A cursor that is not one of ours (hand-edited, oversized, of another kind) is the first page.
    const cursor = first(raw.after);
    const after = cursor.length <= 512 ? decodeSearchCursor(cursor, true) : null;
    const answer = await searchPublicSite({ text: search.q, filters, limit: SEARCH_PAGE_SIZE, after });
    const next = answer.page.nextCursor;
    const morePath = next
      ? `${localizedPath('/search', locale)}?${new URLSearchParams(
          Object.entries({ ...values, after: encodeSearchCursor(next) }).filter(([, value]) => value !== ''),
        )}`
      : null;
    const filtered = Object.values(filters).some((value) => value !== null);
    results = <SearchResults locale={locale} query={search.q} answer={answer} filtered={filtered} morePath={morePath} />;
  }

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {!form.success && (
        <p className="form-error" role="alert">
          {t('errors.invalid')}
        </p>
      )}
      <SearchForm locale={locale} values={values} errors={errors} options={options} />
      {results}
    </>
  );
}
