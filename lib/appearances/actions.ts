'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { ActionFailure, ActionResult } from '../actions/result';
import { expirePublicTags } from '../actions/revalidate';
import { runAction } from '../actions/run-action';
import { revisionProposalFieldsSchema } from '../claims/revision-schema';
import { addAppearance, AmbiguousQuoteError, removeAppearance } from './mutations';
import { addAppearanceSchema, type QuoteOccurrence, removeAppearanceSchema } from './schema';

/** A refusal may carry the occurrences of an ambiguous quote, for the form to offer them. */
type AddAppearanceFailure = ActionFailure & { occurrences?: QuoteOccurrence[] };
export type AddAppearanceResult = ActionResult<{ id: string }> & { occurrences?: QuoteOccurrence[] };

/**
 * "Add appearance". On a claim readers have seen, the quote is proposed in a
 * revision that another editor approves; before that, it is added at once.
 */
export async function addAppearanceAction(_previous: unknown, formData: FormData): Promise<AddAppearanceResult> {
  const run = await runAction(addAppearanceSchema.and(revisionProposalFieldsSchema), formData, addAppearance, {
    refusal: (failure, error): AddAppearanceFailure => (error instanceof AmbiguousQuoteError ? { ...failure, occurrences: error.occurrences } : failure),
  });
  if (!run.ok) return run;
  const added = run.value;
  await expirePublicTags(added.publicTags);
  revalidatePath(`/dashboard/claims/${added.claimId}`);
  const t = await getTranslations('actionMessages.appearances');
  if (added.proposed) {
    revalidatePath('/dashboard/review');
    return { ok: true, data: { id: added.id }, message: t('proposed') };
  }
  return { ok: true, data: { id: added.id }, message: t('added') };
}

/** Refused once the claim has been published or archived. */
export async function removeAppearanceAction(_previous: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const run = await runAction(removeAppearanceSchema, formData, removeAppearance);
  if (!run.ok) return run;
  await expirePublicTags(run.value.publicTags);
  revalidatePath(`/dashboard/claims/${run.value.claimId}`);
  const t = await getTranslations('actionMessages.appearances');
  return { ok: true, data: undefined, message: t('removed') };
}
