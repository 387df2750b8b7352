'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type ActionResult, failureFrom, unauthenticated, validationFailure } from '../actions/result';
import { expirePublicTags } from '../actions/revalidate';
import { getActor } from '../auth/actor';
import { createClaimant, type CreatedClaimant, updateClaimant } from './mutations';
import { findClaimantMatches } from './queries';
import { type ClaimantOption, createClaimantSchema, searchClaimantsSchema, updateClaimantSchema } from './schema';

/**
 * Creates a claimant. From the claimants page it opens the new claimant; from
 * the claim editor's "New claimant" form (inline=1) it answers with the
 * claimant so that the editor can select it without leaving the claim.
 */
export async function createClaimantAction(_previous: unknown, formData: FormData): Promise<ActionResult<CreatedClaimant>> {
  const parsed = createClaimantSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let created: CreatedClaimant;
  try {
    created = await createClaimant(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  revalidatePath('/dashboard/claimants');
  if (parsed.data.inline) return { ok: true, data: created, message: `${created.name} was created and selected.` };
  redirect(`/dashboard/claimants/${encodeURIComponent(created.id)}?created=1`);
}

export async function updateClaimantAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ version: number }>> {
  const parsed = updateClaimantSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let updated: Awaited<ReturnType<typeof updateClaimant>>;
  try {
    updated = await updateClaimant(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  expirePublicTags(updated.publicTags);
  revalidatePath('/dashboard/claimants');
  revalidatePath(`/dashboard/claimants/${updated.id}`);
  return { ok: true, data: { version: updated.version }, message: 'Claimant saved.' };
}

/** Search-as-you-type for the claim editor's claimant picker (a read: needs only dashboard access). */
export async function searchClaimants(_previous: unknown, formData: FormData): Promise<ActionResult<ClaimantOption[]>> {
  const parsed = searchClaimantsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  try {
    return { ok: true, data: await findClaimantMatches(actor, parsed.data.q) };
  } catch (error) {
    return failureFrom(error, formData);
  }
}
