import 'server-only';
import type { z } from 'zod';
import { getActor } from '../auth/actor';
import { MutationError } from '../mutations/errors';
import type { Actor } from '../permissions';
import { type ActionFailure, failureFrom, type FieldErrors, unauthenticated, validationFailure } from './result';
import { translateFailure } from './translate-failure';

export type ActionRun<Input, Output> = { ok: true; value: Output; input: Input; actor: Actor } | ActionFailure;

export type RunActionOptions<Input, Failure extends ActionFailure> = {
  /** The form as the schema reads it. By default one value per field name (files included). */
  readForm?: (formData: FormData) => unknown;
  /** Field errors keyed as the form names its inputs. By default the top-level field names (z.flattenError). */
  fieldErrors?: (error: z.ZodError) => FieldErrors;
  /**
   * What a refusal carries beyond its message and field errors, for forms that
   * show more (the choice of quote occurrences, the source already archived),
   * or other values to put back into the form than the ones submitted.
   */
  refusal?: (failure: ActionFailure, error: MutationError, input: Input) => Failure;
};

/**
 * The steps every server action shares: parse the form with the domain's
 * schema (asynchronous refinements included: an upload is read while
 * parsing), resolve the actor (re-read from the database), run the mutation
 * (which checks the permission itself), and turn a refusal into the form's
 * failure with what the user typed, in the user's language (every failure
 * goes through translateFailure). Revalidation and redirects stay in each
 * action, after this returns: a redirect thrown inside a try/catch is lost.
 */
export async function runAction<Input, Output, Failure extends ActionFailure = ActionFailure>(
  schema: z.ZodType<Input>,
  formData: FormData,
  mutation: (actor: Actor, input: Input) => Promise<Output>,
  options: RunActionOptions<Input, Failure> = {},
): Promise<ActionRun<Input, Output> | Failure> {
  const parsed = await schema.safeParseAsync(options.readForm ? options.readForm(formData) : Object.fromEntries(formData));
  if (!parsed.success) {
    const failure = validationFailure(parsed.error, formData);
    return translateFailure(options.fieldErrors ? { ...failure, fieldErrors: options.fieldErrors(parsed.error) } : failure);
  }
  const actor = await getActor();
  if (!actor) return translateFailure(unauthenticated);
  try {
    return { ok: true, value: await mutation(actor, parsed.data), input: parsed.data, actor };
  } catch (error) {
    // failureFrom rethrows anything that is not a refusal: a bug is never shown as one.
    const failure = failureFrom(error, formData);
    return translateFailure(options.refusal && error instanceof MutationError ? options.refusal(failure, error, parsed.data) : failure);
  }
}
