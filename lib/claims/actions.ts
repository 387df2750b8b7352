'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ActionFailure, ActionResult } from '../actions/result';
import { expirePublicTags } from '../actions/revalidate';
import { runAction } from '../actions/run-action';
import type { NearDuplicate } from '../claim-matching/queries';
import { archiveClaim, createClaim, NearDuplicateClaimError, updateClaim, type UpdatedClaim } from './mutations';
import { approveClaimRevision, rejectClaimRevision, withdrawClaimRevision } from './revision-mutations';
import { claimRevisionDecisionSchema, rejectClaimRevisionSchema, revisionProposalFieldsSchema } from './revision-schema';
import { archiveClaimSchema, createClaimSchema, updateClaimSchema } from './schema';

export type SavedClaimData = { id: string; slug: string; version: number; revision: { id: string; version: number } | null };

/** A save refused as a near duplicate names the other claim, for the form's "Save anyway". */
type SaveClaimFailure = ActionFailure & { nearDuplicate?: NearDuplicate };
export type SaveClaimResult = ActionResult<SavedClaimData> | SaveClaimFailure;

const withNearDuplicate = { refusal: (failure: ActionFailure, error: Error): SaveClaimFailure => (error instanceof NearDuplicateClaimError ? { ...failure, nearDuplicate: error.duplicate } : failure) };

const claimEditorPath = (claimId: string) => `/dashboard/claims/${encodeURIComponent(claimId)}`;

/** Creates a DRAFT claim (with the quote it was opened from, if any) and opens it in the editor. */
export async function createClaimAction(_previous: unknown, formData: FormData): Promise<SaveClaimResult> {
  const run = await runAction(createClaimSchema, formData, createClaim, withNearDuplicate);
  if (!run.ok) return run;
  // Linked as the same claim as a published one: that claim's page lists the link.
  await expirePublicTags(run.value.publicTags);
  revalidatePath('/dashboard/claims');
  redirect(`${claimEditorPath(run.value.id)}?created=1`);
}

async function updateMessage(updated: UpdatedClaim): Promise<string> {
  const t = await getTranslations('actionMessages.claims');
  const tagsSaved = updated.saved ? 'yes' : 'no';
  switch (updated.revision?.outcome) {
    case 'proposed':
      return t('proposed', { tagsSaved });
    case 'amended':
      return t('amended', { tagsSaved });
    case 'unchanged':
      return updated.saved ? t('tagsSavedRevisionUnchanged') : t('nothingChanged');
    default:
      return updated.saved ? t('saved') : t('nothingChanged');
  }
}

/**
 * "Save claim". Before publication it saves; once readers have seen the
 * claim it proposes a revision for another editor to review (tags excepted).
 */
export async function updateClaimAction(_previous: unknown, formData: FormData): Promise<SaveClaimResult> {
  const run = await runAction(updateClaimSchema.and(revisionProposalFieldsSchema), formData, updateClaim, withNearDuplicate);
  if (!run.ok) return run;
  const updated = run.value;
  await expirePublicTags(updated.publicTags);
  revalidatePath('/dashboard/claims');
  revalidatePath(claimEditorPath(updated.id));
  if (updated.revision) revalidatePath('/dashboard/review');
  const revision = updated.revision && { id: updated.revision.id, version: updated.revision.version };
  return { ok: true, data: { id: updated.id, slug: updated.slug, version: updated.version, revision }, message: await updateMessage(updated) };
}

/** ADMIN only (claim.archive). A published claim stays public, with a banner and the reason. */
export async function archiveClaimAction(_previous: unknown, formData: FormData): Promise<ActionResult<SavedClaimData>> {
  const run = await runAction(archiveClaimSchema, formData, archiveClaim);
  if (!run.ok) return run;
  const saved = run.value;
  await expirePublicTags(saved.publicTags);
  revalidatePath('/dashboard/claims');
  revalidatePath(claimEditorPath(saved.id));
  const t = await getTranslations('actionMessages.claims');
  return { ok: true, data: { id: saved.id, slug: saved.slug, version: saved.version, revision: null }, message: t('archived') };
}

/** "Approve and publish" a proposed revision: another editor than its author (claim.review). */
export async function approveClaimRevisionAction(_previous: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const run = await runAction(claimRevisionDecisionSchema, formData, approveClaimRevision);
  if (!run.ok) return run;
  // The claim page, the read API, the lists and the sources it quotes show the change at once.
  await expirePublicTags(run.value.publicTags);
  revalidatePath(claimEditorPath(run.value.claimId));
  revalidatePath('/dashboard/review');
  redirect(`/dashboard/review/revisions/${encodeURIComponent(run.value.revisionId)}?done=approved`);
}

/** "Reject": closes the revision with the reviewer's reason; nothing public changes (claim.review). */
export async function rejectClaimRevisionAction(_previous: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const run = await runAction(rejectClaimRevisionSchema, formData, rejectClaimRevision);
  if (!run.ok) return run;
  revalidatePath(claimEditorPath(run.value.claimId));
  redirect('/dashboard/review?done=revision-rejected');
}

/** "Withdraw": its author takes the proposal back (claim.update). */
export async function withdrawClaimRevisionAction(_previous: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const run = await runAction(claimRevisionDecisionSchema, formData, withdrawClaimRevision);
  if (!run.ok) return run;
  revalidatePath(claimEditorPath(run.value.claimId));
  revalidatePath('/dashboard/review');
  const t = await getTranslations('actionMessages.claims');
  return { ok: true, data: undefined, message: t('revisionWithdrawn') };
}
