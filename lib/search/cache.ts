import 'server-only';
import { cachedPublicRead } from '../cache/cached-public-read';
import { withPublicRead } from '../db/public-read';
import { cacheTags, PUBLIC_CACHE_SECONDS } from '../cache-tags';
import {
  findMatchingClaimants,
  findMatchingSources,
  listSearchFilterOptions,
  type PublicSearchPage,
  prepareSearch,
  type SearchClaimantMatch,
  type SearchFilterOptions,
  searchPublishedClaims,
  type SearchSourceMatch,
} from './queries';
import type { SearchCursor, SearchFilters } from './schema';

// The public search as the /search page and the read APIs ask it.
//
// Every search is keyed by what an anonymous client typed, and
// unstable_cache writes each entry to disk: caching every query would let
// random queries fill it. Only the first page of an unfiltered single-word
// search whose word published claims use is cached (keyed by that word's
// lexeme, so "soldat" and "Soldats" share an entry): at most one entry per
// published word. Everything else is one indexed query
// (scripts/bench-search.ts).

export type PublicSearchRequest = {
  /** What was typed; null for no text (newest first, filters only). */
  text: string | null;
  filters: SearchFilters;
  limit: number;
  after: SearchCursor | null;
};

export type PublicSearchAnswer = {
  /** False when what was typed has no word to search for (only stop words or punctuation). */
  searchable: boolean;
  page: PublicSearchPage;
  /** Side results, on the first page of a text search only. */
  claimants: SearchClaimantMatch[];
  sources: SearchSourceMatch[];
};

const EMPTY_PAGE: PublicSearchPage = { items: [], nextCursor: null };

function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((value) => value !== null && value !== undefined);
}

/** The claims of one page. */
export async function searchPublicClaims(request: PublicSearchRequest): Promise<PublicSearchPage> {
  return (await withPublicRead(() => runSearch(request, false))).page;
}

/** The claims of one page and, on the first, the matching claimants and quoted sources. */
export function searchPublicSite(request: PublicSearchRequest): Promise<PublicSearchAnswer> {
  return withPublicRead(() => runSearch(request, request.after === null));
}

async function runSearch(request: PublicSearchRequest, withSideResults: boolean): Promise<PublicSearchAnswer> {
  const { text, filters, limit, after } = request;
  if (text === null) {
    return { searchable: true, page: await searchPublishedClaims({ tsquery: null, filters, limit, after }), claimants: [], sources: [] };
  }
  const prepared = await prepareSearch(text);
  const { tsquery } = prepared;
  // Only stop words or punctuation: nothing can match.
  if (tsquery === null) return { searchable: false, page: EMPTY_PAGE, claimants: [], sources: [] };

  const search = () => searchPublishedClaims({ tsquery, filters, limit, after });
  const cacheable = prepared.singleKnownWord !== null && after === null && !hasFilters(filters);
  const page = cacheable
    ? cachedPublicRead(search, ['public-search', prepared.singleKnownWord ?? '', String(limit)], {
        tags: [cacheTags.claimList],
        revalidate: PUBLIC_CACHE_SECONDS,
      })()
    : search();
  const [claims, claimants, sources] = await Promise.all([
    page,
    withSideResults ? findMatchingClaimants(text) : [],
    withSideResults ? findMatchingSources(tsquery) : [],
  ]);
  return { searchable: true, page: claims, claimants, sources };
}

/** The filter choices (not keyed by anything a client sends). */
export function getSearchFilterOptions(): Promise<SearchFilterOptions> {
  return cachedPublicRead(listSearchFilterOptions, ['public-search-filter-options'], {
    tags: [cacheTags.claimList],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
