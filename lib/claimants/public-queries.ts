import { prisma } from '../db';
import { listedClaimWhere, publicClaimWhere } from '../claims/visibility';
import type { RatingLabels } from '../ratings/labels';
import { listRatingScaleForScorecard } from '../ratings/public-queries';
import type { ClaimantKindValue } from './schema';

// Public reads of claimants (the dashboard's are in queries.ts). A claimant
// has a public page once one of their claims is public; archived claims count
// there, because their pages still name and link the claimant. Their record
// (the scorecard, the number of fact checks) counts the claims readers find
// listed: published ones, each by its current published verdict.

export type PublicClaimantDirectoryEntry = {
  slug: string;
  name: string;
  kind: ClaimantKindValue;
  country: string | null;
  /** Published claims with a current published verdict. */
  factCheckCount: number;
};

export type ScorecardRow = { key: string; labels: RatingLabels; colour: string; count: number };

export type PublicClaimant = {
  slug: string;
  name: string;
  kind: ClaimantKindValue;
  country: string | null;
  aliases: string[];
  description: string | null;
  /** Every rating of the active scale in its order (zeros included), and retired ones still in use. */
  scorecard: ScorecardRow[];
  factCheckCount: number;
};

const hasPublicClaim = { claims: { some: publicClaimWhere } };

/** Cheap existence check for the public claimant page (see lib/public-pages/exists.ts). */
export async function isPublicClaimantSlug(slug: string): Promise<boolean> {
  return (await prisma.claimant.count({ where: { slug, ...hasPublicClaim } })) > 0;
}

/** Each claimant's number of published verdicts, by claimant id. */
async function countFactChecksByClaimant(): Promise<Map<string, number>> {
  const groups = await prisma.claim.groupBy({
    by: ['claimantId'],
    where: { AND: [listedClaimWhere, { verdicts: { some: { state: 'PUBLISHED' } } }] },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.claimantId, group._count._all]));
}

/**
 * Every claimant with a public claim, unsorted: the directory is sorted and
 * paged in the reader's language (lib/claimants/directory.ts), because the
 * database's C collation would put "Élysée" after "Zelensky".
 */
export async function listPublicClaimantDirectory(): Promise<PublicClaimantDirectoryEntry[]> {
  const [claimants, counts] = await Promise.all([
    prisma.claimant.findMany({ where: hasPublicClaim, select: { id: true, slug: true, name: true, kind: true, country: true } }),
    countFactChecksByClaimant(),
  ]);
  return claimants.map(({ id, ...claimant }) => ({ ...claimant, factCheckCount: counts.get(id) ?? 0 }));
}

export async function findPublicClaimantBySlug(slug: string): Promise<PublicClaimant | null> {
  const claimant = await prisma.claimant.findFirst({
    where: { slug, ...hasPublicClaim },
    select: { id: true, slug: true, name: true, kind: true, country: true, aliases: true, description: true },
  });
  if (!claimant) return null;
  const [groups, scale] = await Promise.all([
    prisma.verdict.groupBy({
      by: ['ratingId'],
      where: { state: 'PUBLISHED', claim: { AND: [listedClaimWhere, { claimantId: claimant.id }] } },
      _count: { _all: true },
    }),
    listRatingScaleForScorecard(),
  ]);
  const counts = new Map(groups.map((group) => [group.ratingId, group._count._all]));
  const scorecard = scale
    .map((rating) => ({ key: rating.key, labels: rating.labels, colour: rating.colour, count: counts.get(rating.id) ?? 0, active: rating.active }))
    .filter((row) => row.active || row.count > 0)
    .map(({ active: _active, ...row }) => row);
  const { id: _id, ...who } = claimant;
  return { ...who, scorecard, factCheckCount: scorecard.reduce((total, row) => total + row.count, 0) };
}
