// The listings' later pages (?after=<cursor>) and their twin routes.
//
// A listing's first page (home, claimants' directory, corrections, a
// claimant, a tag, a rating) is rendered once and served from Next's cache
// (ISR, `dynamic = 'force-static'`), which gives the page empty searchParams.
// Its later pages are keyed by a cursor any client can make up, so they are
// rendered per request instead, by a twin route under the listing
// (`…/%5Fpaged/page.tsx`, URL segment `_paged`) that re-exports the same page.
// The proxy rewrites a listing address carrying `after` to its twin; a
// client asking for a twin directly gets the not-found page
// (publicAddressCanNameRecord in ./addresses.ts).

/** The URL segment of the twin routes (the folder is `%5Fpaged`: a leading `_` would make it private). */
export const PAGED_TWIN_SEGMENT = '_paged';

/** Listings that page with ?after= (paths without their language prefix, encoded as in the URL). */
const LISTING = /^(?:\/|\/claimants|\/corrections|\/(?:claimants|tags|ratings)\/[^/]+)\/?$/;

/** The twin route's path (without language) for a listing address asking for a later page, else null. */
export function pagedTwinPath(path: string, searchParams: URLSearchParams): string | null {
  if (!searchParams.has('after') || !LISTING.test(path)) return null;
  const base = path.replace(/\/$/, '');
  return `${base}/${PAGED_TWIN_SEGMENT}`;
}
