import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Field } from '@/app/components/form/field';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { listClaimantOptions } from '@/lib/claimants/queries';
import { listDashboardClaims, listRatingOptions } from '@/lib/claims/dashboard-queries';
import { claimSortLabelKey, claimStatusLabelKey } from '@/lib/claims/labels';
import { type DashboardClaimFilters, claimStatuses, dashboardClaimFiltersSchema, dashboardClaimSorts } from '@/lib/claims/schema';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('claimList');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The list's address for these filters (and a cursor), keeping only what is set. */
function listHref(filters: DashboardClaimFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'status', 'claimant', 'rating', 'tag'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.sort !== 'updated') params.set('sort', filters.sort);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/dashboard/claims?${query}` : '/dashboard/claims';
}

export default async function DashboardClaimsPage({ searchParams }: Props) {
  const { actor, allowed } = await requirePageActor('dashboard.read', '/dashboard/claims');
  if (!allowed) return <NotAllowed />;
  const filters = dashboardClaimFiltersSchema.parse(await searchParams);
  const [page, claimants, ratings] = await Promise.all([listDashboardClaims(actor, filters), listClaimantOptions(actor), listRatingOptions(actor, (await getLocale()) === 'fr' ? 'fr' : 'en')]);
  const filtered = Boolean(filters.q || filters.status || filters.claimant || filters.rating || filters.tag);
  const t = await getTranslations('claimList');
  const labels = await getTranslations();
  const column = {
    claim: t('column.claim'),
    status: t('column.status'),
    rating: t('column.rating'),
    claimant: t('column.claimant'),
    claimedAt: t('column.claimedAt'),
    updatedAt: t('column.updatedAt'),
  };

  return (
    <>
      <h1>{t('title')}</h1>
      {can(actor, 'claim.create') && (
        <p>
          <Link href="/dashboard/claims/new" className="button">
            {t('newClaim')}
          </Link>
        </p>
      )}

      {/* A plain GET form: filtering works without JavaScript and every list has an address. */}
      <form method="get" action="/dashboard/claims" className="filters" role="search" aria-label={t('filters.label')}>
        <Field id="filter-q" name="q" label={t('filters.search.label')} hint={t('filters.search.hint')}>
          {(control) => <input {...control} type="search" defaultValue={filters.q ?? ''} />}
        </Field>
        <Field id="filter-status" name="status" label={t('filters.status.label')}>
          {(control) => (
            <select {...control} defaultValue={filters.status ?? ''}>
              <option value="">{t('filters.status.any')}</option>
              {claimStatuses.map((status) => (
                <option key={status} value={status}>
                  {labels(claimStatusLabelKey(status))}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-claimant" name="claimant" label={t('filters.claimant.label')}>
          {(control) => (
            <select {...control} defaultValue={filters.claimant ?? ''}>
              <option value="">{t('filters.claimant.any')}</option>
              {claimants.map((claimant) => (
                <option key={claimant.id} value={claimant.id}>
                  {claimant.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-rating" name="rating" label={t('filters.rating.label')} hint={t('filters.rating.hint')}>
          {(control) => (
            <select {...control} defaultValue={filters.rating ?? ''}>
              <option value="">{t('filters.rating.any')}</option>
              {ratings.map((rating) => (
                <option key={rating.key} value={rating.key}>
                  {rating.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-tag" name="tag" label={t('filters.tag.label')} hint={t('filters.tag.hint')}>
          {(control) => <input {...control} type="text" defaultValue={filters.tag ?? ''} />}
        </Field>
        <Field id="filter-sort" name="sort" label={t('filters.sort.label')}>
          {(control) => (
            <select {...control} defaultValue={filters.sort}>
              {dashboardClaimSorts.map((sort) => (
                <option key={sort} value={sort}>
                  {labels(claimSortLabelKey(sort))}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="filter-buttons">
          <button type="submit">{t('filters.submit')}</button>
          {filtered && (
            <Link href={listHref({ sort: filters.sort })} className="button secondary">
              {t('filters.clear')}
            </Link>
          )}
        </div>
      </form>

      {page.items.length === 0 ? (
        <p>{filtered ? t('empty.filtered') : t('empty.none')}</p>
      ) : (
        // On a phone each row stacks its cells under their column's name (globals.css, table.stacked).
        <table className="data stacked">
          <caption className="muted small">
            {filters.cursor ? t('caption.continued', { sort: labels(claimSortLabelKey(filters.sort)) }) : labels(claimSortLabelKey(filters.sort))}
          </caption>
          <thead>
            <tr>
              <th scope="col">{column.claim}</th>
              <th scope="col">{column.status}</th>
              <th scope="col">{column.rating}</th>
              <th scope="col">{column.claimant}</th>
              <th scope="col">{column.claimedAt}</th>
              <th scope="col">{column.updatedAt}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((claim) => (
              <tr key={claim.id}>
                <td>
                  <Link href={`/dashboard/claims/${encodeURIComponent(claim.id)}`} lang={claim.language}>
                    {claim.summary}
                  </Link>
                </td>
                <td data-label={column.status}>{labels(claimStatusLabelKey(claim.status))}</td>
                <td data-label={column.rating}>{claim.rating ? <RatingBadge rating={claim.rating} link={false} /> : <span className="muted">{t('noRating')}</span>}</td>
                <td data-label={column.claimant}>{claim.claimant.name}</td>
                <td data-label={column.claimedAt}>{claim.claimedAt ? <FormattedDate value={claim.claimedAt} /> : <span className="muted">—</span>}</td>
                <td data-label={column.updatedAt}>
                  <FormattedDate value={claim.updatedAt} withTime />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label={t('pager.label')} className="pager">
        {filters.cursor && <Link href={listHref(filters)}>{t('pager.first')}</Link>}
        {page.nextCursor && (
          <Link href={listHref(filters, page.nextCursor)} rel="next">
            {t('pager.next')}
          </Link>
        )}
      </nav>
    </>
  );
}
