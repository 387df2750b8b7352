import { z } from 'zod';
import { claimListCursorSchema } from '../claims/schema';
import { message } from '../i18n/message';
import { decodeCursor, encodeCursor } from '../pagination/cursor';
import { idField, optionalText, singleLineText, slugField } from '../validation/fields';

// What a reader or a client may ask the public search (the /search page, the
// read API's ?q=, the Fact Check Tools answer), validated before any of it
// reaches PostgreSQL: a bounded length, no control characters, real dates.

export const SEARCH_QUERY_MAX_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 20;

/** What was typed: trimmed; null when empty (the page then shows the form only). */
export const searchTextField = optionalText(
  singleLineText({ max: SEARCH_QUERY_MAX_LENGTH, tooLong: message('search.errors.queryTooLong', { max: SEARCH_QUERY_MAX_LENGTH }) }),
);

const emptyAsNull = (value: unknown) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value);

/** A rating key as the scale stores it ("mostly-false"). */
const ratingKeyField = z.preprocess(
  emptyAsNull,
  z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, message('search.errors.ratingInvalid'))
    .nullable(),
);

const claimantSlugField = z.preprocess(emptyAsNull, slugField(message('search.errors.claimantInvalid')).nullable());

const dateField = z.preprocess(emptyAsNull, z.iso.date({ error: message('validation.date.format') }).nullable());

/** The filters every search entry point takes: publication dates are UTC calendar days, both ends included. */
export const searchFilterFields = {
  rating: ratingKeyField,
  claimant: claimantSlugField,
  from: dateField,
  to: dateField,
};

const datesInOrder = (value: { from: string | null; to: string | null }) => !value.from || !value.to || value.from <= value.to;
const datesOutOfOrder = { path: ['to'], message: message('search.errors.datesOutOfOrder') };

/** The /search page's GET form. */
export const searchFormSchema = z.object({ q: searchTextField, ...searchFilterFields }).refine(datesInOrder, datesOutOfOrder);
export type SearchForm = z.infer<typeof searchFormSchema>;

export type SearchFilters = {
  rating: string | null;
  claimant: string | null;
  from: string | null;
  to: string | null;
  /** Primary language subtag of the claim ("fr"), for the Fact Check Tools languageCode. */
  language?: string | null;
  /** Claims whose claim date or review date, the later of the two, is at least this recent (maxAgeDays). */
  reviewedOrClaimedSince?: Date | null;
};

// ---------------------------------------------------------------------------
// Keyset cursors
// ---------------------------------------------------------------------------

/** After this rank and id (a text search: best match first). */
export const searchRankCursorSchema = z.object({
  rank: z.number().finite().min(0).max(1e6),
  id: idField(message('validation.cursor.invalid')),
});

/**
 * A search page's position: by rank when there is text to match; by
 * publication, newest first, as the claims listing pages (its cursor), when a
 * client filters without text.
 */
export type SearchCursor = z.infer<typeof searchRankCursorSchema> | z.infer<typeof claimListCursorSchema>;

export function encodeSearchCursor(cursor: SearchCursor): string {
  return encodeCursor(cursor);
}

/** The position a cursor holds, or null when it is not one of a search of this kind (with or without text). */
export function decodeSearchCursor(value: string | null | undefined, withText: boolean): SearchCursor | null {
  return withText ? decodeCursor(value, searchRankCursorSchema) : decodeCursor(value, claimListCursorSchema);
}

/** An opaque cursor parameter as a query string carries it: bounded before it is decoded. */
export const cursorParameter = z.preprocess(emptyAsNull, z.string().max(512, message('validation.cursor.invalid')).nullable());
