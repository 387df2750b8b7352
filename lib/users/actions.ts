'use server';

import { revalidatePath } from 'next/cache';
import { type ActionResult, failureFrom, unauthenticated, validationFailure } from '../actions/result';
import { getActor } from '../auth/actor';
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

/** Creates an account; the one-time password is in the result, and nowhere else, ever. */
export async function createUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<CreatedUserData>> {
  const parsed = createUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let created: CreatedAccount;
  try {
    created = await createUser(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  revalidatePath(USERS_PATH);
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
  const parsed = changeUserRoleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let user: ManagedUser;
  try {
    user = await changeUserRole(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  revalidatePath(USERS_PATH);
  const role = roleLabel[user.role].toLowerCase();
  const aRole = `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
  return { ok: true, data: user, message: changeMessage(user, `is now ${aRole}`, `is already ${aRole}`) };
}

export async function deactivateUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<ManagedUser>> {
  const parsed = userActivationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let user: ManagedUser;
  try {
    user = await deactivateUser(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  revalidatePath(USERS_PATH);
  return { ok: true, data: user, message: changeMessage(user, 'is deactivated and can no longer sign in or make changes', 'is already deactivated') };
}

export async function reactivateUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<ManagedUser>> {
  const parsed = userActivationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let user: ManagedUser;
  try {
    user = await reactivateUser(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  revalidatePath(USERS_PATH);
  return { ok: true, data: user, message: changeMessage(user, 'is active again and can sign in', 'is already active') };
}
