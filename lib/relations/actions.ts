'use server';

import { revalidatePath } from 'next/cache';
import { type ActionResult, failureFrom, unauthenticated, validationFailure } from '../actions/result';
import { expirePublicTags } from '../actions/revalidate';
import { getActor } from '../auth/actor';
import { addRelation, type ChangedRelation, removeRelation } from './mutations';
import { addRelationSchema, removeRelationSchema } from './schema';

function refreshBothClaims(relation: ChangedRelation): void {
  expirePublicTags(relation.publicTags);
  for (const claimId of relation.claimIds) revalidatePath(`/dashboard/claims/${claimId}`);
}

export async function addRelationAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  const parsed = addRelationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let added: ChangedRelation;
  try {
    added = await addRelation(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  refreshBothClaims(added);
  return { ok: true, data: { id: added.id }, message: 'Link added.' };
}

export async function removeRelationAction(_previous: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const parsed = removeRelationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let removed: ChangedRelation;
  try {
    removed = await removeRelation(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  refreshBothClaims(removed);
  return { ok: true, data: undefined, message: 'Link removed.' };
}
