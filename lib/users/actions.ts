'use server';

import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { type ActionFailure, type ActionResult, failureFrom, unauthenticated, validationFailure } from '../actions/result';
import { getActor } from '../auth/actor';
import type { Actor } from '../permissions';
import {
  changeUserRole,
  createUser,
  deactivateUser,
  reactivateUser,
  type CreatedAccount,
  type ManagedUser,
} from './mutations';
import { changeUserRoleSchema, createUserSchema, roleLabel, userActivationSchema } from './schema';

// Accounts change who may do what: nothing public is cached on them, but the
// admins' user list must show the change at once.
const USERS_PATH = '/dashboard/users';

export type CreatedUserData = Omit<CreatedAccount, 'id'>;

/**
 * The steps every user action shares: parse the form, identify the actor, run
 * the mutation (a refusal becomes the form's failure) and refresh the admins'
 * user list. Not exported: a 'use server' file exports only the actions.
 */
async function runUserMutation<Input, Output>(
  schema: z.ZodType<Input>,
  mutation: (actor: Actor, input: Input) => Promise<Output>,
  formData: FormData,
): Promise<{ ok: true; value: Output } | ActionFailure> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let value: Output;
  try {
    value = await mutation(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  revalidatePath(USERS_PATH);
  return { ok: true, value };
}

/** Creates an account; the one-time password is in the result, and nowhere else, ever. */
export async function createUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<CreatedUserData>> {
  const result = await runUserMutation(createUserSchema, createUser, formData);
  if (!result.ok) return result;
  const created = result.value;
  return {
    ok: true,
    data: { email: created.email, name: created.name, role: created.role, oneTimePassword: created.oneTimePassword },
    message: `The account for ${created.email} is created.`,
  };
}

function changeMessage(user: ManagedUser, what: string, unchanged: string): string {
  return user.changed ? `${user.name} ${what}.` : `${user.name} ${unchanged}: nothing changed.`;
}

export async function changeUserRoleAction(_previous: unknown, formData: FormData): Promise<ActionResult<ManagedUser>> {
  const result = await runUserMutation(changeUserRoleSchema, changeUserRole, formData);
  if (!result.ok) return result;
  const user = result.value;
  const role = roleLabel[user.role].toLowerCase();
  const aRole = `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
  return { ok: true, data: user, message: changeMessage(user, `is now ${aRole}`, `is already ${aRole}`) };
}

export async function deactivateUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<ManagedUser>> {
  const result = await runUserMutation(userActivationSchema, deactivateUser, formData);
  if (!result.ok) return result;
  const user = result.value;
  return { ok: true, data: user, message: changeMessage(user, 'is deactivated and can no longer sign in or make changes', 'is already deactivated') };
}

export async function reactivateUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<ManagedUser>> {
  const result = await runUserMutation(userActivationSchema, reactivateUser, formData);
  if (!result.ok) return result;
  const user = result.value;
  return { ok: true, data: user, message: changeMessage(user, 'is active again and can sign in', 'is already active') };
}
