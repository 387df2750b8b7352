import 'server-only';
import type { z } from 'zod';
import { getActor } from '../auth/actor';
import type { Actor } from '../permissions';
import { type ActionFailure, failureFrom, unauthenticated, validationFailure } from './result';

export type ActionRun<Input, Output> = { ok: true; value: Output; input: Input; actor: Actor } | ActionFailure;

/**
 * The steps every server action shares: parse the form with the domain's
 * schema, resolve the actor (re-read from the database), run the mutation
 * (which checks the permission itself), and turn a refusal into the form's
 * failure with what the user typed. Revalidation and redirects stay in each
 * action, after this returns: a redirect thrown inside a try/catch is lost.
 */
export async function runAction<Input, Output>(
  schema: z.ZodType<Input>,
  formData: FormData,
  mutation: (actor: Actor, input: Input) => Promise<Output>,
): Promise<ActionRun<Input, Output>> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  try {
    return { ok: true, value: await mutation(actor, parsed.data), input: parsed.data, actor };
  } catch (error) {
    return failureFrom(error, formData);
  }
}
