import 'server-only';
import { getPublicClaim, getPublishedClaimPage } from '../claims/cache';
import { getRatingScaleBounds } from '../claims/claim-review-cache';
import type { FactCheckReads } from './pages';

/** The cached, published-only reads the public pages use, for GET /api/factcheck/pages. */
export const cachedFactCheckReads: FactCheckReads = {
  claimPage: getPublishedClaimPage,
  claim: getPublicClaim,
  scale: getRatingScaleBounds,
};
