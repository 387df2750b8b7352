import { createHash } from 'node:crypto';
import { claimPath, type PublicClaimDetail } from '../claims/queries';
import { type Locale, localizedPath } from '../i18n/locales';

// A fact check's share image: /claims/{slug}/share-image in the page's
// language (/en/claims/{slug}/share-image), drawn by the route handler beside
// the claim page. A route handler rather than the opengraph-image file
// convention: that one names its image by the internal route, /fr/claims/…,
// which the proxy answers for French with a redirect to the unprefixed
// address, and it would override the image publicPageMetadata sets.

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/**
 * The image's address for a page's <head>. `v` changes whenever what the
 * image shows changes (a correction, a revision), so that the social
 * networks, which cache an image by its URL, fetch the new one.
 */
export function claimShareImagePath(claim: PublicClaimDetail, locale: Locale): string {
  const shown = [claim.summary, claim.claimant.name, claim.verdict?.rating.key, claim.verdict?.rating.labels[locale], claim.verdict?.rating.colour];
  const version = createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 12);
  return `${localizedPath(`${claimPath(claim.slug)}/share-image`, locale)}?v=${version}`;
}

/** Social networks and chat apps refetch rarely; a new version has a new URL anyway. */
export const SHARE_IMAGE_CACHE_CONTROL = 'public, max-age=3600, stale-while-revalidate=86400';
