import { z } from 'zod';
import { codePointLength, idField, intField, multiLineText, optionalText, singleLineText, slugField } from '../validation/fields';

/** Position after which the next page of published claims starts. */
export const claimListCursorSchema = z.object({
  publishedAt: z.iso.datetime(),
  id: idField('cursor is not valid'),
});
export type ClaimListCursor = z.infer<typeof claimListCursorSchema>;

export function encodeClaimListCursor(cursor: ClaimListCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Parses an opaque cursor from a query string; null when it is not one of ours. */
export function decodeClaimListCursor(value: string): ClaimListCursor | null {
  try {
    const parsed = claimListCursorSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const claimListQuerySchema = z.object({
  limit: intField({ label: 'limit', min: 1, max: 100 }).default(20),
  cursor: z
    .string()
    .max(512)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return null;
      const cursor = decodeClaimListCursor(value);
      if (!cursor) {
        ctx.addIssue({ code: 'custom', message: 'cursor is not valid: use the nextCursor of a previous page' });
        return z.NEVER;
      }
      return cursor;
    }),
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
const optionalFormDate = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(z.iso.date({ error: message }).nullable());

const versionField = intField({ min: 1, message: 'Reload the page and try again.' });

const claimFields = {
  text: multiLineText({ label: 'The claim', max: 10000, required: 'Enter the claim as it was made.' }),
  summary: singleLineText({ label: 'Summary', max: CLAIM_SUMMARY_MAX_LENGTH, required: 'Enter a summary.' }),
  /** Set by the picker when a suggestion is chosen; the typed name is resolved otherwise. */
  claimantId: optionalText(idField('Choose the claimant again.')).transform((value) => value ?? ''),
  claimant: optionalText(singleLineText({ label: 'The claimant’s name', max: 200 })).transform((value) => value ?? ''),
  claimedAt: optionalFormDate('Claimed on must be a date (YYYY-MM-DD).'),
  language: optionalText(singleLineText({ label: 'Language', max: 35 }))
    .transform((value) => value ?? 'fr')
    .pipe(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Language must be a language code such as fr or en.')),
  tags: optionalText(singleLineText({ label: 'The tags', max: 2000 }))
    .transform((value) => parseTags(value ?? ''))
    .pipe(
      z
        .array(singleLineText({ label: 'Each tag', max: 60 }))
        .max(MAX_TAGS, `Give at most ${MAX_TAGS} tags.`),
    ),
};

const claimantChosen = (value: { claimantId: string; claimant: string }) => value.claimantId !== '' || value.claimant !== '';
const claimantMissing = { path: ['claimant'], message: 'Choose a claimant, or create one with “New claimant”.' };

export const createClaimSchema = z.object(claimFields).refine(claimantChosen, claimantMissing);
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

export const updateClaimSchema = z
  .object({ ...claimFields, id: idField('This claim no longer exists.'), version: versionField })
  .refine(claimantChosen, claimantMissing);
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

export const archiveClaimSchema = z.object({
  id: idField('This claim no longer exists.'),
  version: versionField,
  reason: multiLineText({
    label: 'The reason',
    max: 500,
    required: 'Give the reason for archiving this claim: readers see it on the claim’s page.',
  }),
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
  key: singleLineText({ label: 'key', max: 40 }).nullable(),
  id: idField('cursor is not valid'),
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
export const dashboardClaimFiltersSchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(claimStatuses).optional().catch(undefined)),
  claimant: z.preprocess(emptyToUndefined, idField('claimant').optional().catch(undefined)),
  rating: z.preprocess(emptyToUndefined, idField('rating').optional().catch(undefined)),
  tag: z.preprocess(emptyToUndefined, singleLineText({ label: 'tag', max: 60 }).optional().catch(undefined)),
  q: z.preprocess(emptyToUndefined, singleLineText({ label: 'q', max: 200 }).optional().catch(undefined)),
  sort: z.preprocess(emptyToUndefined, z.enum(dashboardClaimSorts).catch('updated').default('updated')),
  cursor: z.preprocess(emptyToUndefined, singleLineText({ label: 'cursor', max: 512 }).optional().catch(undefined)),
});
export type DashboardClaimFilters = z.infer<typeof dashboardClaimFiltersSchema>;
