import { recordAudit } from '../audit/record';
import { readPublicClaimTags } from '../claims/public-tags';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { type AddRelationInput, type RelationTypeValue, type RemoveRelationInput, symmetricRelationTypes } from './schema';

const relatedClaimError = (refusal: string) => new MutationError('INVALID_STATE', message('errors.relation.checkTarget'), { target: [refusal] });
const duplicateRelationError = () => relatedClaimError(message('errors.relation.duplicate'));

export type ChangedRelation = { id: string; claimIds: [string, string]; publicTags: string[] };

type ClaimLink = { fromClaimId: string; target: string; type: RelationTypeValue; note: string | null };

/**
 * Writes the link and its audit row inside the caller's transaction (a new
 * claim saved as the same as another one links them in its own). `target`
 * is the other claim's id or slug. Returns the two claims' ids.
 */
export async function linkClaims(tx: Tx, actor: Actor, link: ClaimLink): Promise<{ id: string; claimIds: [string, string] }> {
  const from = await tx.claim.findUnique({ where: { id: link.fromClaimId }, select: { id: true } });
  if (!from) throw new MutationError('NOT_FOUND', message('errors.claim.notFound'));
  const to = await tx.claim.findFirst({ where: { OR: [{ id: link.target }, { slug: link.target }] }, select: { id: true } });
  if (!to) throw relatedClaimError(message('errors.relation.noSuchClaim', { target: link.target }));
  if (to.id === from.id) throw relatedClaimError(message('errors.relation.self'));

  // "A same as B" and "B same as A" say the same thing: readers would see it twice.
  const reverse = symmetricRelationTypes.has(link.type) ? [{ fromClaimId: to.id, toClaimId: from.id, type: link.type }] : [];
  const existing = await tx.claimRelation.findFirst({
    where: { OR: [{ fromClaimId: from.id, toClaimId: to.id, type: link.type }, ...reverse] },
    select: { id: true },
  });
  if (existing) throw duplicateRelationError();

  const relation = await tx.claimRelation.create({
    data: { fromClaimId: from.id, toClaimId: to.id, type: link.type, note: link.note, createdById: actor.id },
  });
  await recordAudit(tx, { actorId: actor.id, action: 'relation.create', entityType: 'ClaimRelation', entityId: relation.id, after: relation });
  return { id: relation.id, claimIds: [from.id, to.id] };
}

/** The races linkClaims can lose, for the runMutation of whoever calls it. */
export const claimLinkRaces = {
  claim_relations_from_claim_id_to_claim_id_type_key: duplicateRelationError,
  // The reverse of a symmetric link saved at the same moment (migration 20261201100100_unique_races).
  claim_relations_symmetric_pair_key: duplicateRelationError,
};

/** Links the claim to another one; both claims' public pages list the link. */
export async function addRelation(actor: Actor, input: AddRelationInput): Promise<ChangedRelation> {
  assertCan(actor, 'relation.create');
  return runMutation(
    async (tx) => {
      const relation = await linkClaims(tx, actor, { fromClaimId: input.claimId, target: input.target, type: input.type, note: input.note });
      const [fromId, toId] = relation.claimIds;
      const publicTags = [...(await readPublicClaimTags(tx, fromId)), ...(await readPublicClaimTags(tx, toId))];
      return { id: relation.id, claimIds: relation.claimIds, publicTags };
    },
    { uniqueViolations: claimLinkRaces },
  );
}

export async function removeRelation(actor: Actor, input: RemoveRelationInput): Promise<ChangedRelation> {
  assertCan(actor, 'relation.delete');
  return runMutation(async (tx) => {
    const before = await tx.claimRelation.findUnique({ where: { id: input.relationId } });
    if (!before) throw new MutationError('NOT_FOUND', message('errors.relation.notFound'));
    await tx.claimRelation.delete({ where: { id: before.id } });
    await recordAudit(tx, { actorId: actor.id, action: 'relation.delete', entityType: 'ClaimRelation', entityId: before.id, before });
    const publicTags = [...(await readPublicClaimTags(tx, before.fromClaimId)), ...(await readPublicClaimTags(tx, before.toClaimId))];
    return { id: before.id, claimIds: [before.fromClaimId, before.toClaimId], publicTags };
  });
}
