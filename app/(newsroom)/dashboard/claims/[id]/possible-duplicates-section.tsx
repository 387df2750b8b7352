import { findMatchesOfClaim } from '@/lib/claim-matching/queries';
import { can, type Actor } from '@/lib/permissions';
import { PossibleDuplicates } from './claim-matches';

/**
 * The claim editor's "Possible duplicates" of the saved claim: the claim
 * matching run on its own text, summary, claimant and quotes (the claim
 * itself and the claims already linked to it left out), each with "Link as
 * the same claim".
 */
export async function PossibleDuplicatesSection({ actor, claimId }: { actor: Actor; claimId: string }) {
  const matches = await findMatchesOfClaim(actor, claimId);
  return <PossibleDuplicates claimId={claimId} matches={matches} mayLink={can(actor, 'relation.create')} />;
}
