import { isPublicClaimSlug } from '../claims/queries';
import { claimSlugSchema } from '../claims/schema';
import { isFollowUpToken } from '../disputes/queries';
import { isPublicSourceId } from '../sources/queries';
import { idField } from '../validation/fields';

// Next.js 16 serves an empty <body> when a page calls notFound() in a
// production build (vercel/next.js#62228, #98295): without JavaScript a reader
// sees a blank page. Unmatched URLs do render not-found.tsx, so the proxy
// sends unknown claim and source URLs there instead.
//
// Only positive answers are remembered: a URL that was once public stays
// public (archiving keeps it readable, nothing is deleted), so a "yes" never
// goes stale, while a "no" must be asked again (the claim may be published
// a second later).
const KNOWN_PUBLIC_LIMIT = 20_000;
const knownPublic = new Set<string>();

const PUBLIC_PAGE = /^\/(claims|sources)\/([^/]+)\/?$/;
/** A claim's contest form (its claim must be public) and a reader's dispute follow-up page (its token must name a dispute). */
const DISPUTE_PAGE = /^\/(?:claims\/([^/]+)\/contest|disputes\/([^/]+))\/?$/;

export type PublicRecordKind = 'claims' | 'sources';

// A key no record can have (a NUL, which PostgreSQL refuses in a query, or
// a 10 kB "slug") is answered "no" without asking the database.
const keySchemas = { claims: claimSlugSchema, sources: idField('This address does not name a source.') } as const;

/**
 * Whether the claim (by slug) or source (by id) is public. Uncached on
 * purpose: the cached reads (lib/claims/cache.ts, lib/sources/cache.ts) ask
 * this first so that only records that exist get a cache entry.
 */
export async function isPublicRecord(kind: PublicRecordKind, key: string): Promise<boolean> {
  if (!keySchemas[kind].safeParse(key).success) return false;
  const cacheKey = `${kind}:${key}`;
  if (knownPublic.has(cacheKey)) return true;
  const exists = kind === 'claims' ? await isPublicClaimSlug(key) : await isPublicSourceId(key);
  if (exists) {
    if (knownPublic.size >= KNOWN_PUBLIC_LIMIT) knownPublic.clear();
    knownPublic.add(cacheKey);
  }
  return exists;
}

/** Returns false only for a claim or source page whose record is not public (or whose address cannot name one). */
export async function publicPageExists(pathname: string): Promise<boolean> {
  const dispute = DISPUTE_PAGE.exec(pathname);
  if (dispute) return disputePageExists(dispute[1], dispute[2]);
  const match = PUBLIC_PAGE.exec(pathname);
  if (!match) return true;
  const [, kind, encoded] = match;
  if ((kind !== 'claims' && kind !== 'sources') || !encoded) return true;
  let key: string;
  try {
    key = decodeURIComponent(encoded);
  } catch {
    return false;
  }
  return isPublicRecord(kind, key);
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
