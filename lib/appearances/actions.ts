'use server';

import { revalidatePath } from 'next/cache';
import { type ActionResult, failureFrom, unauthenticated, validationFailure } from '../actions/result';
import { expirePublicTags } from '../actions/revalidate';
import { getActor } from '../auth/actor';
import { addAppearance, type AddedAppearance, AmbiguousQuoteError, removeAppearance, type RemovedAppearance } from './mutations';
import { addAppearanceSchema, type QuoteOccurrence, removeAppearanceSchema } from './schema';

/** A refusal may carry the occurrences of an ambiguous quote, for the form to offer them. */
export type AddAppearanceResult = ActionResult<{ id: string }> & { occurrences?: QuoteOccurrence[] };

export async function addAppearanceAction(_previous: unknown, formData: FormData): Promise<AddAppearanceResult> {
  const parsed = addAppearanceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let added: AddedAppearance;
  try {
    added = await addAppearance(actor, parsed.data);
  } catch (error) {
    const failure = failureFrom(error, formData);
    return error instanceof AmbiguousQuoteError ? { ...failure, occurrences: error.occurrences } : failure;
  }
  expirePublicTags(added.publicTags);
  revalidatePath(`/dashboard/claims/${added.claimId}`);
  return { ok: true, data: { id: added.id }, message: 'Appearance added.' };
}

/** Refused once the claim has been published or archived. */
export async function removeAppearanceAction(_previous: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const parsed = removeAppearanceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let removed: RemovedAppearance;
  try {
    removed = await removeAppearance(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  expirePublicTags(removed.publicTags);
  revalidatePath(`/dashboard/claims/${removed.claimId}`);
  return { ok: true, data: undefined, message: 'Appearance removed.' };
}
