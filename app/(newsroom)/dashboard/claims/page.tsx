import type { Metadata } from 'next';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { requirePageActor } from '@/lib/auth/require';
import { listClaimantOptions } from '@/lib/claimants/queries';
import { listDashboardClaims, listRatingOptions } from '@/lib/claims/dashboard-queries';
import {
  type DashboardClaimFilters,
  claimStatuses,
  claimStatusLabel,
  dashboardClaimFiltersSchema,
  dashboardClaimSortLabel,
  dashboardClaimSorts,
} from '@/lib/claims/schema';
import { can } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Claims' };

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
  if (!allowed) return <p>Your role does not allow this.</p>;
  const filters = dashboardClaimFiltersSchema.parse(await searchParams);
  const [page, claimants, ratings] = await Promise.all([listDashboardClaims(actor, filters), listClaimantOptions(actor), listRatingOptions(actor)]);
  const filtered = Boolean(filters.q || filters.status || filters.claimant || filters.rating || filters.tag);

  return (
    <>
      <h1>Claims</h1>
      {can(actor, 'claim.create') && (
        <p>
          <Link href="/dashboard/claims/new" className="button">
            New claim
          </Link>
        </p>
      )}

      {/* A plain GET form: filtering works without JavaScript and every list has an address. */}
      <form method="get" action="/dashboard/claims" className="filters" role="search" aria-label="Filters"
        style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem 1rem', alignItems: 'flex-end', marginBottom: '1.5rem' }}>
        <div className="field">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ''} aria-describedby="filter-q-hint" />
          <p id="filter-q-hint" className="hint">
            Words of the claim or its summary; accents optional.
          </p>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">Any status</option>
            {claimStatuses.map((status) => (
              <option key={status} value={status}>
                {claimStatusLabel[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-claimant">Claimant</label>
          <select id="filter-claimant" name="claimant" defaultValue={filters.claimant ?? ''}>
            <option value="">Anyone</option>
            {claimants.map((claimant) => (
              <option key={claimant.id} value={claimant.id}>
                {claimant.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-rating">Rating</label>
          <select id="filter-rating" name="rating" defaultValue={filters.rating ?? ''} aria-describedby="filter-rating-hint">
            <option value="">Any rating</option>
            {ratings.map((rating) => (
              <option key={rating.key} value={rating.key}>
                {rating.label}
              </option>
            ))}
          </select>
          <p id="filter-rating-hint" className="hint">
            Of the published verdict, else the latest one.
          </p>
        </div>
        <div className="field">
          <label htmlFor="filter-tag">Tag</label>
          <input id="filter-tag" name="tag" type="text" defaultValue={filters.tag ?? ''} aria-describedby="filter-tag-hint" />
          <p id="filter-tag-hint" className="hint">
            Exactly as written on the claims.
          </p>
        </div>
        <div className="field">
          <label htmlFor="filter-sort">Sort by</label>
          <select id="filter-sort" name="sort" defaultValue={filters.sort}>
            {dashboardClaimSorts.map((sort) => (
              <option key={sort} value={sort}>
                {dashboardClaimSortLabel[sort]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-buttons" style={{ display: 'flex', gap: '0.5rem' }}>
          <button type="submit">Filter</button>
          {filtered && (
            <Link href={listHref({ sort: filters.sort })} className="button secondary">
              Clear filters
            </Link>
          )}
        </div>
      </form>

      {page.items.length === 0 ? (
        <p>{filtered ? 'No claim matches these filters.' : 'No claims yet.'}</p>
      ) : (
        <table className="data">
          <caption className="muted small">
            {dashboardClaimSortLabel[filters.sort]}
            {filters.cursor ? ', continued' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Status</th>
              <th scope="col">Rating</th>
              <th scope="col">Claimant</th>
              <th scope="col">Claimed on</th>
              <th scope="col">Updated</th>
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
                <td>{claimStatusLabel[claim.status]}</td>
                <td>{claim.rating ? <RatingBadge rating={claim.rating} /> : <span className="muted">None yet</span>}</td>
                <td>{claim.claimant.name}</td>
                <td>{claim.claimedAt ? <FormattedDate value={claim.claimedAt} /> : <span className="muted">—</span>}</td>
                <td>
                  <FormattedDate value={claim.updatedAt} withTime />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pages" className="pager" style={{ display: 'flex', gap: '1.5rem', marginTop: '1rem' }}>
        {filters.cursor && <Link href={listHref(filters)}>First page</Link>}
        {page.nextCursor && (
          <Link href={listHref(filters, page.nextCursor)} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </>
  );
}
