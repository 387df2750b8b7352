'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type ActionResult, failureFrom, unauthenticated, validationFailure } from '../actions/result';
import { expirePublicTags } from '../actions/revalidate';
import { getActor } from '../auth/actor';
import { archiveClaim, createClaim, type SavedClaim, updateClaim } from './mutations';
import { archiveClaimSchema, createClaimSchema, updateClaimSchema } from './schema';

export type SavedClaimData = { id: string; slug: string; version: number };

/** Creates a DRAFT claim and opens it in the editor (where appearances are added). */
export async function createClaimAction(_previous: unknown, formData: FormData): Promise<ActionResult<SavedClaimData>> {
  const parsed = createClaimSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let saved: SavedClaim;
  try {
    saved = await createClaim(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  revalidatePath('/dashboard/claims');
  redirect(`/dashboard/claims/${encodeURIComponent(saved.id)}?created=1`);
}

export async function updateClaimAction(_previous: unknown, formData: FormData): Promise<ActionResult<SavedClaimData>> {
  const parsed = updateClaimSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let saved: SavedClaim;
  try {
    saved = await updateClaim(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  expirePublicTags(saved.publicTags);
  revalidatePath('/dashboard/claims');
  revalidatePath(`/dashboard/claims/${saved.id}`);
  return { ok: true, data: { id: saved.id, slug: saved.slug, version: saved.version }, message: 'Claim saved.' };
}

/** ADMIN only (claim.archive). A published claim stays public, with a banner and the reason. */
export async function archiveClaimAction(_previous: unknown, formData: FormData): Promise<ActionResult<SavedClaimData>> {
  const parsed = archiveClaimSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let saved: SavedClaim;
  try {
    saved = await archiveClaim(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  expirePublicTags(saved.publicTags);
  revalidatePath('/dashboard/claims');
  revalidatePath(`/dashboard/claims/${saved.id}`);
  return { ok: true, data: { id: saved.id, slug: saved.slug, version: saved.version }, message: 'Claim archived.' };
}
