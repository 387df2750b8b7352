import { z } from 'zod';
import { message } from '../i18n/message';
import { decodeCursor, encodeCursor } from '../pagination/cursor';
import { cursorParameter, searchDatesInOrder, searchFilterFields, type SearchRankCursor, searchRankCursorSchema, searchTextField } from '../search/fields';
import { APPEARANCE_QUOTE_MAX_LENGTH, appearanceStances } from '../appearances/schema';
import { codePointLength, idField, intField, multiLineText, optionalIdField, optionalIntField, optionalText, singleLineText, slugField } from '../validation/fields';

/** Position after which the next page of published claims starts. */
export const claimListCursorSchema = z.object({
  publishedAt: z.iso.datetime(),
  id: idField(message('validation.cursor.invalid')),
});
export type ClaimListCursor = z.infer<typeof claimListCursorSchema>;

export function encodeClaimListCursor(cursor: ClaimListCursor): string {
  return encodeCursor(cursor);
}

/** Parses an opaque cursor from a query string; null when it is not one of ours. */
export function decodeClaimListCursor(value: string): ClaimListCursor | null {
  return decodeCursor(value, claimListCursorSchema);
}

/** A query-string parameter holding an encoded cursor: null when absent or empty, refused when it is not one of ours. */
export const claimListCursorParam = z
  .string()
  .max(512, message('validation.cursor.invalid'))
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return null;
    const cursor = decodeClaimListCursor(value);
    if (!cursor) {
      ctx.addIssue({ code: 'custom', message: message('validation.cursor.invalid') });
      return z.NEVER;
    }
    return cursor;
  });

/**
 * A page of a search (lib/search): after a rank when there is text to match,
 * after a publication (the listing's own cursor) when there is none.
 */
export type SearchCursor = SearchRankCursor | ClaimListCursor;

/** The position a search cursor holds, or null when it is not one of a search of this kind. */
export function decodeSearchCursor(value: string | null | undefined, withText: boolean): SearchCursor | null {
  return withText ? decodeCursor(value, searchRankCursorSchema) : decodeCursor(value, claimListCursorSchema);
}

// The read API's query: its answers name the parameter (lib/api/responses.ts)
// and are in English, the API's language. Without q or a filter it is the
// listing of published claims, newest first; with q, the public search (best
// match first); with filters only, the filtered listing, newest first.
export const claimListQuerySchema = z
  .object({
    limit: intField({ min: 1, max: 100 }).default(20),
    cursor: cursorParameter,
    q: searchTextField,
    ...searchFilterFields,
  })
  .refine(...searchDatesInOrder)
  .transform(({ limit, cursor, q, rating, claimant, from, to }, ctx) => {
    const filters = { rating, claimant, from, to };
    const after = cursor === null ? null : decodeSearchCursor(cursor, q !== null);
    if (cursor !== null && after === null) {
      ctx.addIssue({ code: 'custom', path: ['cursor'], message: message('validation.cursor.invalid') });
      return z.NEVER;
    }
    const searched = q !== null || Object.values(filters).some((value) => value !== null);
    return { limit, after, q, filters, searched };
  });

export const claimSlugSchema = slugField();

// ---------------------------------------------------------------------------
// The dashboard's claim editor and claims list
// ---------------------------------------------------------------------------

export const CLAIM_SUMMARY_MAX_LENGTH = 75;
const MAX_TAGS = 20;

/** Length as the database counts it (code points), so "≤ 75" means the same in the form and in PostgreSQL. */
export const summaryLength = codePointLength;

/** "Russie, Koursk , russie" → ["Russie", "Koursk"]: trimmed, blanks and repeats (ignoring case) dropped. */
export function parseTags(value: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of value.split(',')) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    const key = tag.toLocaleLowerCase('fr');
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** "YYYY-MM-DD" or empty (→ null). */
const optionalFormDate = (refusal: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(z.iso.date({ error: refusal }).nullable());

const versionField = intField({ min: 1, message: message('validation.reload') });
const claimIdField = idField(message('errors.claim.notFound'));

/** The longest claim text and claimant name the claim form takes (claim matching's panel takes the same). */
export const CLAIM_TEXT_MAX_LENGTH = 10_000;
export const CLAIMANT_NAME_MAX_LENGTH = 200;

const claimFields = {
  text: multiLineText({ max: CLAIM_TEXT_MAX_LENGTH, required: message('validation.claim.textRequired') }),
  summary: singleLineText({ max: CLAIM_SUMMARY_MAX_LENGTH, required: message('validation.claim.summaryRequired') }),
  /** Set by the picker when a suggestion is chosen; the typed name is resolved otherwise. */
  claimantId: optionalText(idField(message('validation.claim.chooseClaimantAgain'))).transform((value) => value ?? ''),
  claimant: optionalText(singleLineText({ max: CLAIMANT_NAME_MAX_LENGTH })).transform((value) => value ?? ''),
  claimedAt: optionalFormDate(message('validation.claim.claimedAtNotDate')),
  language: optionalText(singleLineText({ max: 35 }))
    .transform((value) => value ?? 'fr')
    .pipe(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, message('validation.claim.languageCode'))),
  tags: optionalText(singleLineText({ max: 2000 }))
    .transform((value) => parseTags(value ?? ''))
    .pipe(
      z
        .array(singleLineText({ max: 60, tooLong: message('validation.claim.tagTooLong') }))
        .max(MAX_TAGS, message('validation.claim.tooManyTags', { max: MAX_TAGS })),
    ),
};

const claimantChosen = (value: { claimantId: string; claimant: string }) => value.claimantId !== '' || value.claimant !== '';
const claimantMissing = { path: ['claimant'], message: message('validation.claim.claimantMissing') };

/**
 * The near-duplicate the editor was shown and saved anyway ("Save anyway"):
 * without it, a claim nearly identical to another of the same claimant is
 * refused, naming the other one.
 */
const confirmDuplicateField = optionalIdField(message('claimEditor.claimForm.duplicate.reload')).transform((value) => value ?? null);

/**
 * A new claim can be saved with the quote it was made in (opened from a
 * suggested quote): the appearance is written in the same transaction. No
 * source means no pending appearance; an empty speaker means the claim's
 * claimant.
 */
const pendingAppearanceFields = {
  appearanceSourceId: optionalIdField(message('validation.appearance.chooseSource')),
  // Not trimmed: the server looks the quote up in the source exactly as given.
  appearanceQuote: optionalText(multiLineText({ max: APPEARANCE_QUOTE_MAX_LENGTH, keepWhitespace: true })),
  appearanceSelectionStart: optionalIntField({ min: 0, message: message('validation.appearance.selectAgain') }),
  appearanceSpeakerId: optionalIdField(message('validation.appearance.chooseSpeaker')),
  appearanceStance: z.preprocess(
    (value) => (value === undefined || value === '' ? 'ASSERTS' : value),
    z.enum(appearanceStances, { error: message('validation.appearance.stanceRequired') }),
  ),
  /** The claim this one is the same as (claim matching's "Link as the same claim"): a SAME_AS relation. */
  sameAsClaimId: optionalIdField(message('errors.claim.notFound')),
  confirmDuplicateOf: confirmDuplicateField,
};

export type PendingAppearance = {
  sourceId: string;
  quote: string;
  selectionStart: number | null;
  /** null: the claim's own claimant is the speaker. */
  speakerId: string | null;
  stance: (typeof appearanceStances)[number];
};

export const createClaimSchema = z
  .object({ ...claimFields, ...pendingAppearanceFields })
  .refine(claimantChosen, claimantMissing)
  .refine((value) => value.appearanceSourceId === undefined || value.appearanceQuote !== null, {
    path: ['appearanceQuote'],
    message: message('validation.appearance.quoteRequired'),
  })
  .transform(({ appearanceSourceId, appearanceQuote, appearanceSelectionStart, appearanceSpeakerId, appearanceStance, sameAsClaimId, ...claim }) => {
    const pendingAppearance: PendingAppearance | null =
      appearanceSourceId !== undefined && appearanceQuote !== null
        ? { sourceId: appearanceSourceId, quote: appearanceQuote, selectionStart: appearanceSelectionStart, speakerId: appearanceSpeakerId ?? null, stance: appearanceStance }
        : null;
    return { ...claim, pendingAppearance, sameAsClaimId: sameAsClaimId ?? null };
  });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

export const updateClaimSchema = z
  .object({ ...claimFields, id: claimIdField, version: versionField, confirmDuplicateOf: confirmDuplicateField })
  .refine(claimantChosen, claimantMissing);
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

export const archiveClaimSchema = z.object({
  id: claimIdField,
  version: versionField,
  reason: multiLineText({ max: 500, required: message('validation.claim.archiveReasonRequired') }),
});
export type ArchiveClaimInput = z.infer<typeof archiveClaimSchema>;

export const claimStatuses = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED'] as const;
export type ClaimStatusValue = (typeof claimStatuses)[number];
export const claimStatusLabel: Record<ClaimStatusValue, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

export const dashboardClaimSorts = ['updated', 'created', 'claimed'] as const;
export type DashboardClaimSort = (typeof dashboardClaimSorts)[number];
export const dashboardClaimSortLabel: Record<DashboardClaimSort, string> = {
  updated: 'Recently updated',
  created: 'Recently created',
  claimed: 'Claimed date',
};

/** Where the next page of the dashboard's claims list starts: the last row's sort key and id. */
export const dashboardClaimCursorSchema = z.object({
  sort: z.enum(dashboardClaimSorts),
  /** ISO timestamp (updated, created) or date (claimed); null for claims without a claimed date. */
  key: singleLineText({ max: 40 }).nullable(),
  id: idField(message('validation.cursor.invalid')),
});
export type DashboardClaimCursor = z.infer<typeof dashboardClaimCursorSchema>;

export function encodeDashboardClaimCursor(cursor: DashboardClaimCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeDashboardClaimCursor(value: string): DashboardClaimCursor | null {
  try {
    const parsed = dashboardClaimCursorSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * The claims list's filters, read from the query string. Unknown or malformed
 * values are dropped rather than refused: a hand-edited URL still shows a list.
 */
// The filters' messages are never shown (`catch` drops a bad value).
const filterId = idField(message('validation.filter.invalid'));
export const dashboardClaimFiltersSchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(claimStatuses).optional().catch(undefined)),
  claimant: z.preprocess(emptyToUndefined, filterId.optional().catch(undefined)),
  rating: z.preprocess(emptyToUndefined, filterId.optional().catch(undefined)),
  tag: z.preprocess(emptyToUndefined, singleLineText({ max: 60 }).optional().catch(undefined)),
  q: z.preprocess(emptyToUndefined, singleLineText({ max: 200 }).optional().catch(undefined)),
  sort: z.preprocess(emptyToUndefined, z.enum(dashboardClaimSorts).catch('updated').default('updated')),
  cursor: z.preprocess(emptyToUndefined, singleLineText({ max: 512 }).optional().catch(undefined)),
});
export type DashboardClaimFilters = z.infer<typeof dashboardClaimFiltersSchema>;
