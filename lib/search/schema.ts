import { z } from 'zod';
import type { SearchCursor } from '../claims/schema';
import { encodeCursor } from '../pagination/cursor';
import { searchDatesInOrder, searchFilterFields, searchTextField } from './fields';

// The /search page's form. The read API's query is in lib/claims/schema.ts,
// the Fact Check Tools one in lib/search/fact-check-tools-schema.ts; all
// three are made of lib/search/fields.ts.

export { SEARCH_QUERY_MAX_LENGTH } from './fields';
export type { SearchCursor } from '../claims/schema';

export const SEARCH_PAGE_SIZE = 20;

export const searchFormSchema = z.object({ q: searchTextField, ...searchFilterFields }).refine(...searchDatesInOrder);
export type SearchForm = z.infer<typeof searchFormSchema>;

export type SearchFilters = {
  rating: string | null;
  claimant: string | null;
  from: string | null;
  to: string | null;
  /** Primary language subtag of the claim ("fr"): the Fact Check Tools languageCode. */
  language?: string | null;
  /** Claims whose claim date or review date, the later of the two, is at least this recent: maxAgeDays. */
  reviewedOrClaimedSince?: Date | null;
  /** Only fact checks: claims with a published verdict (the Fact Check Tools answers review every claim they list). */
  reviewedOnly?: boolean;
};

export function encodeSearchCursor(cursor: SearchCursor): string {
  return encodeCursor(cursor);
}
