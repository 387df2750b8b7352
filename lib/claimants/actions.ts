'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ActionResult } from '../actions/result';
import { expirePublicTags } from '../actions/revalidate';
import { runAction } from '../actions/run-action';
import { createClaimant, type CreatedClaimant, updateClaimant } from './mutations';
import { findClaimantMatches } from './queries';
import { type ClaimantOption, createClaimantSchema, searchClaimantsSchema, updateClaimantSchema } from './schema';

/**
 * Creates a claimant. From the claimants page it opens the new claimant; from
 * the claim editor's "New claimant" form (inline=1) it answers with the
 * claimant so that the editor can select it without leaving the claim.
 */
export async function createClaimantAction(_previous: unknown, formData: FormData): Promise<ActionResult<CreatedClaimant>> {
  const result = await runAction(createClaimantSchema, formData, createClaimant);
  if (!result.ok) return result;
  const created = result.value;
  revalidatePath('/dashboard/claimants');
  if (result.input.inline) {
    const t = await getTranslations('actionMessages.claimants');
    return { ok: true, data: created, message: t('createdAndSelected', { name: created.name }) };
  }
  redirect(`/dashboard/claimants/${encodeURIComponent(created.id)}?created=1`);
}

export async function updateClaimantAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ version: number }>> {
  const result = await runAction(updateClaimantSchema, formData, updateClaimant);
  if (!result.ok) return result;
  const updated = result.value;
  await expirePublicTags(updated.publicTags);
  revalidatePath('/dashboard/claimants');
  revalidatePath(`/dashboard/claimants/${updated.id}`);
  const t = await getTranslations('actionMessages.claimants');
  return { ok: true, data: { version: updated.version }, message: t('saved') };
}

/** Search-as-you-type for the claim editor's claimant picker (a read: needs only dashboard access). */
export async function searchClaimantsAction(_previous: unknown, formData: FormData): Promise<ActionResult<ClaimantOption[]>> {
  const result = await runAction(searchClaimantsSchema, formData, (actor, input) => findClaimantMatches(actor, input.q));
  if (!result.ok) return result;
  return { ok: true, data: result.value };
}
