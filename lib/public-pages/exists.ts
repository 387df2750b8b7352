import { z } from 'zod';
import { isPublicClaimantSlug } from '../claimants/public-queries';
import { isPublicClaimSlug, isPublicTag } from '../claims/queries';
import { claimSlugSchema } from '../claims/schema';
import { isFollowUpToken } from '../disputes/queries';
import { followUpTokenSchema } from '../disputes/schema';
import { isPublicRatingKey } from '../ratings/public-queries';
import { PAGED_TWIN_SEGMENT } from './paged';
import { KEY_MAX as RATING_KEY_MAX, KEY_PATTERN as RATING_KEY_PATTERN } from '../ratings/schema';
import { isPublicSourceId } from '../sources/queries';
import { codePointLength, hasControlCharacters, idField, slugField } from '../validation/fields';

// Whether a claim, source, claimant, tag or rating has a public page.
//
// The pages answer an unknown record themselves (notFound(), rendering
// app/[locale]/not-found.tsx with a 404), and that answer is cached like the
// page (ISR), so the proxy asks the database nothing. What the proxy does
// check, without a query, is whether an address could name a record at all
// (publicAddressCanNameRecord): a NUL, which PostgreSQL refuses in a query,
// or a 10 kB "slug" goes to the not-found page before any page renders, so it
// makes neither a query nor a cache entry.
//
// Nothing is remembered in this process: with several instances behind a
// load balancer, one instance's memory would disagree with another's.
//
// Feeds (/feeds/…) are not its business: their route handlers answer an
// unknown claimant or tag with a plain-text 404 a feed reader can show.
const PUBLIC_PAGE = /^\/(claims|sources|claimants|tags|ratings)\/([^/]+)\/?$/;
/** A claim's contest form (its claim must be public) and a reader's dispute follow-up page (its token must name a dispute). */
const DISPUTE_PAGE = /^\/(?:claims\/([^/]+)\/contest|disputes\/([^/]+))\/?$/;

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
const keySchemas: Record<PublicRecordKind, z.ZodType<string, string>> = {
  claims: claimSlugSchema,
  sources: idField('This address does not name a source.'),
  claimants: slugField(),
  tags: tagKeySchema,
  ratings: z.string().max(RATING_KEY_MAX).regex(RATING_KEY_PATTERN),
};

const existenceChecks: Record<PublicRecordKind, (key: string) => Promise<boolean>> = {
  claims: isPublicClaimSlug,
  sources: isPublicSourceId,
  claimants: isPublicClaimantSlug,
  tags: isPublicTag,
  ratings: isPublicRatingKey,
};

/**
 * Whether the claim (by slug), source (by id), claimant (by slug), tag or
 * rating (by key) has a public page. Uncached on
 * purpose: the cached reads (lib/claims/cache.ts, lib/sources/cache.ts, lib/claimants/cache.ts…) ask
 * this first so that only records that exist get a data cache entry.
 */
export async function isPublicRecord(kind: PublicRecordKind, key: string): Promise<boolean> {
  if (!keySchemas[kind].safeParse(key).success) return false;
  return existenceChecks[kind](key);
}

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

function decodedKey(encoded: string | undefined): string | null {
  if (encoded === undefined) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** Returns false only for a claim, source, claimant, tag or rating page whose record is not public (or whose address cannot name one). */
export async function publicPageExists(pathname: string): Promise<boolean> {
  const dispute = DISPUTE_PAGE.exec(pathname);
  if (dispute) return disputePageExists(dispute[1], dispute[2]);
  const match = PUBLIC_PAGE.exec(pathname);
  if (!match) return true;
  const [, kind, encoded] = match;
  if (!kind || !isPublicRecordKind(kind) || !encoded) return true;
  let key: string;
  try {
    key = decodeURIComponent(encoded);
  } catch {
    return false;
  }
  return isPublicRecord(kind, key);
}

function isPublicRecordKind(value: string): value is PublicRecordKind {
  return publicRecordKinds.includes(value);
}

/** Follow-up tokens are secrets: asked each time (their page is never cached). */
async function disputePageExists(claimSlug: string | undefined, token: string | undefined): Promise<boolean> {
  try {
    if (claimSlug !== undefined) return await isPublicRecord('claims', decodeURIComponent(claimSlug));
    return token !== undefined && (await isFollowUpToken(decodeURIComponent(token)));
  } catch {
    return false;
  }
}
