import { z } from 'zod';
import { message } from '../i18n/message';
import { idField, optionalText, singleLineText, slugField } from '../validation/fields';

// The zod fields of a public search, shared by the /search page's form
// (lib/search/schema.ts) and the read API's query (lib/claims/schema.ts):
// what is typed is bounded and free of control characters, filters are
// well-formed, before any of it reaches PostgreSQL. No imports from the
// claims domain, which imports this file.

export const SEARCH_QUERY_MAX_LENGTH = 200;

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

/** The filters of every search entry point: publication dates are UTC calendar days, both ends included. */
export const searchFilterFields = {
  rating: ratingKeyField,
  claimant: claimantSlugField,
  from: dateField,
  to: dateField,
};

/** For `.refine(...searchDatesInOrder)` on an object with the filter fields. */
export const searchDatesInOrder: [(value: { from: string | null; to: string | null }) => boolean, { path: string[]; message: string }] = [
  (value) => !value.from || !value.to || value.from <= value.to,
  { path: ['to'], message: message('search.errors.datesOutOfOrder') },
];

/** After this rank and id: a page of a text search, best match first. */
export const searchRankCursorSchema = z.object({
  rank: z.number().finite().min(0).max(1e6),
  id: idField(message('validation.cursor.invalid')),
});
export type SearchRankCursor = z.infer<typeof searchRankCursorSchema>;

/** An opaque cursor parameter as a query string carries it: bounded before it is decoded. */
export const cursorParameter = z.preprocess(emptyAsNull, z.string().max(512, message('validation.cursor.invalid')).nullable());
