import { publicTagsForClaim } from '../cache-tags';
import type { Tx } from '../mutations/transaction';
import { isPublicClaim } from './visibility';

/**
 * Every public cache entry showing this claim, read inside the transaction
 * that changed it: its page, the lists, and the source pages its quotes and
 * its published evidence point into. Empty while the claim is not public.
 */
export async function readPublicClaimTags(tx: Tx, claimId: string): Promise<string[]> {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: {
      slug: true,
      status: true,
      publishedAt: true,
      appearances: { select: { sourceId: true } },
      verdicts: { where: { state: 'PUBLISHED' }, select: { evidence: { select: { sourceId: true } } } },
    },
  });
  if (!claim) return [];
  if (!isPublicClaim(claim)) return [];
  const sourceIds = [...claim.appearances.map((a) => a.sourceId), ...claim.verdicts.flatMap((v) => v.evidence.map((e) => e.sourceId))];
  return publicTagsForClaim(claim.slug, sourceIds);
}
