import { isPublicClaimantSlug } from '../claimants/public-queries';
import { withPublicRead } from '../db/public-read';
import { isPublicClaimSlug, isPublicTag } from '../claims/queries';
import { isFollowUpToken } from '../disputes/queries';
import { isPublicRatingKey } from '../ratings/public-queries';
import { isPublicSourceId } from '../sources/queries';
import { decodedKey, DISPUTE_PAGE, isPublicRecordKind, keySchemas, PUBLIC_PAGE, type PublicRecordKind } from './addresses';

export type { PublicRecordKind } from './addresses';

// Whether a claim, source, claimant, tag or rating has a public page: the
// cached reads (lib/*/cache.ts) ask it before they cache anything, and a page
// whose record is unknown renders the not-found answer (PageGone), cached like
// the page, so the proxy asks the database nothing. Nothing is remembered in
// this process: with several instances, one's memory would disagree with
// another's.
//
// Feeds (/feeds/…) are not its business: their route handlers answer an
// unknown claimant or tag with a plain-text 404 a feed reader can show.

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
  return withPublicRead(() => existenceChecks[kind](key));
}


/** The database's answer for an address: false only for a claim, source, claimant, tag or rating page (or contest form, follow-up page) whose record is not public. What the page itself renders; the proxy asks publicAddressCanNameRecord only. */
export async function publicPageExists(pathname: string): Promise<boolean> {
  const dispute = DISPUTE_PAGE.exec(pathname);
  if (dispute) {
    const [, claimSlug, token] = dispute;
    const key = decodedKey(claimSlug ?? token);
    if (key === null) return false;
    // Follow-up tokens are secrets: their page is never cached, and asks each time.
    return claimSlug !== undefined ? isPublicRecord('claims', key) : isFollowUpToken(key);
  }
  const match = PUBLIC_PAGE.exec(pathname);
  const kind = match?.[1];
  if (!match || !kind || !isPublicRecordKind(kind)) return true;
  const key = decodedKey(match[2]);
  return key !== null && isPublicRecord(kind, key);
}
