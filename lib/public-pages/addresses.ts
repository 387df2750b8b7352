import { z } from 'zod';
import { claimSlugSchema } from '../claims/schema';
import { followUpTokenSchema } from '../disputes/schema';
import { KEY_MAX as RATING_KEY_MAX, KEY_PATTERN as RATING_KEY_PATTERN } from '../ratings/schema';
import { codePointLength, hasControlCharacters, idField, slugField } from '../validation/fields';
import { PAGED_TWIN_SEGMENT } from './paged';

// Which addresses could name a public record, decided without the database
// (the proxy asks; it imports nothing that queries). A NUL, which PostgreSQL
// refuses in a query, or a 10 kB "slug" goes to the not-found page before any
// page renders, so it makes neither a query nor a cache entry. Whether the
// record exists is ./exists.ts's question, asked by the pages.

export const PUBLIC_PAGE = /^\/(claims|sources|claimants|tags|ratings)\/([^/]+)\/?$/;
/** A claim's contest form (its claim must be public) and a reader's dispute follow-up page (its token must name a dispute). */
export const DISPUTE_PAGE = /^\/(?:claims\/([^/]+)\/contest|disputes\/([^/]+))\/?$/;

export type PublicRecordKind = 'claims' | 'sources' | 'claimants' | 'tags' | 'ratings';

const publicRecordKinds: readonly string[] = ['claims', 'sources', 'claimants', 'tags', 'ratings'] satisfies PublicRecordKind[];

/** A tag as the claim editor stores it (lib/claims/schema.ts parseTags): trimmed, at most 60 characters, on one line. */
const TAG_MAX = 60;
const tagKeySchema = z
  .string()
  .min(1)
  .refine((tag) => codePointLength(tag) <= TAG_MAX && tag === tag.trim() && !hasControlCharacters(tag) && !/[\r\n]/.test(tag));

// A key no record can have (a NUL, which PostgreSQL refuses in a query, or
// a 10 kB "slug") is answered "no" without asking the database. The messages
// are never shown: a refused key is a 404.
export const keySchemas: Record<PublicRecordKind, z.ZodType<string, string>> = {
  claims: claimSlugSchema,
  sources: idField('This address does not name a source.'),
  claimants: slugField(),
  tags: tagKeySchema,
  ratings: z.string().max(RATING_KEY_MAX).regex(RATING_KEY_PATTERN),
};

/** The twin routes of the listings' later pages (lib/public-pages/paged.ts) are reached only through the proxy's rewrite. */
const PAGED_TWIN = new RegExp(`(^|/)${PAGED_TWIN_SEGMENT}(/|$)`);

/**
 * False for an address of a claim, source, claimant, tag or rating page (or
 * of a contest form or follow-up page) whose key no record can have, decided
 * without the database: the proxy sends it to the not-found page.
 */
export function publicAddressCanNameRecord(pathname: string): boolean {
  if (PAGED_TWIN.test(pathname)) return false;
  const dispute = DISPUTE_PAGE.exec(pathname);
  if (dispute) {
    const [, claimSlug, token] = dispute;
    const key = decodedKey(claimSlug ?? token);
    return key !== null && (claimSlug !== undefined ? keySchemas.claims : followUpTokenSchema).safeParse(key).success;
  }
  const match = PUBLIC_PAGE.exec(pathname);
  if (!match) return true;
  const [, kind, encoded] = match;
  if (!kind || !isPublicRecordKind(kind)) return true;
  const key = decodedKey(encoded);
  return key !== null && keySchemas[kind].safeParse(key).success;
}

/** A key out of the URL, or null when its percent-escapes are not UTF-8. */
export function decodedKey(encoded: string | undefined): string | null {
  if (encoded === undefined) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

export function isPublicRecordKind(value: string): value is PublicRecordKind {
  return publicRecordKinds.includes(value);
}
