import { z } from 'zod';
import { isPublicClaimantSlug } from '../claimants/public-queries';
import { withPublicRead } from '../db/public-read';
import { isPublicClaimSlug, isPublicTag } from '../claims/queries';
import { claimSlugSchema } from '../claims/schema';
import { isFollowUpToken } from '../disputes/queries';
import { isPublicRatingKey } from '../ratings/public-queries';
import { KEY_MAX as RATING_KEY_MAX, KEY_PATTERN as RATING_KEY_PATTERN } from '../ratings/schema';
import { isPublicSourceId } from '../sources/queries';
import { codePointLength, hasControlCharacters, idField, slugField } from '../validation/fields';

// Next.js 16 serves an empty <body> when a page calls notFound() in a
// production build (vercel/next.js#62228, #98295): without JavaScript a reader
// sees a blank page. Unmatched URLs do render not-found.tsx, so the proxy
// sends unknown claim, source, claimant, tag and rating URLs there instead.
// Feeds (/feeds/…) are not its business: their route handlers answer an
// unknown claimant or tag with a plain-text 404 a feed reader can show.
//
// Only positive answers are remembered: a URL that was once public stays
// public (archiving keeps it readable, nothing is deleted), so a "yes" never
// goes stale, while a "no" must be asked again (the claim may be published
// a second later). A claimant or a tag is public through a public claim, so
// it stays public too. A rating in use can never be deleted; one that was
// unused and is deleted or retired after a reader saw it is the one "yes" that
// can go stale: its page then says it is gone (app/[locale]/_components/page-gone.tsx).
const KNOWN_PUBLIC_LIMIT = 20_000;
const knownPublic = new Set<string>();

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
 * this first so that only records that exist get a cache entry.
 */
export async function isPublicRecord(kind: PublicRecordKind, key: string): Promise<boolean> {
  if (!keySchemas[kind].safeParse(key).success) return false;
  const cacheKey = `${kind}:${key}`;
  if (knownPublic.has(cacheKey)) return true;
  const exists = await withPublicRead(() => existenceChecks[kind](key));
  if (exists) {
    if (knownPublic.size >= KNOWN_PUBLIC_LIMIT) knownPublic.clear();
    knownPublic.add(cacheKey);
  }
  return exists;
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

/** Follow-up tokens are secrets: never remembered (knownPublic), asked each time. */
async function disputePageExists(claimSlug: string | undefined, token: string | undefined): Promise<boolean> {
  try {
    if (claimSlug !== undefined) return await isPublicRecord('claims', decodeURIComponent(claimSlug));
    return token !== undefined && (await isFollowUpToken(decodeURIComponent(token)));
  } catch {
    return false;
  }
}
