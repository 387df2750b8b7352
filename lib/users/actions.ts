'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '../actions/result';
import { runAction } from '../actions/run-action';
import {
  changeUserRole,
  createUser,
  deactivateUser,
  reactivateUser,
  unlockSignIn,
  type CreatedAccount,
  type ManagedUser,
  type UnlockedAccount,
} from './mutations';
import { changeUserRoleSchema, createUserSchema, roleLabel, unlockSignInSchema, userActivationSchema } from './schema';

// Accounts change who may do what: nothing public is cached on them, but the
// admins' user list must show the change at once.
const USERS_PATH = '/dashboard/users';

export type CreatedUserData = Omit<CreatedAccount, 'id'>;

/** Creates an account; the one-time password is in the result, and nowhere else, ever. */
export async function createUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<CreatedUserData>> {
  const result = await runAction(createUserSchema, formData, createUser);
  if (!result.ok) return result;
  revalidatePath(USERS_PATH);
  const created = result.value;
  return {
    ok: true,
    data: { email: created.email, name: created.name, role: created.role, oneTimePassword: created.oneTimePassword },
    message: `The account for ${created.email} is created.`,
  };
}

function changeMessage(user: { name: string; changed: boolean }, what: string, unchanged: string): string {
  return user.changed ? `${user.name} ${what}.` : `${user.name} ${unchanged}: nothing changed.`;
}

export async function changeUserRoleAction(_previous: unknown, formData: FormData): Promise<ActionResult<ManagedUser>> {
  const result = await runAction(changeUserRoleSchema, formData, changeUserRole);
  if (!result.ok) return result;
  revalidatePath(USERS_PATH);
  const user = result.value;
  const role = roleLabel[user.role].toLowerCase();
  const aRole = `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
  return { ok: true, data: user, message: changeMessage(user, `is now ${aRole}`, `is already ${aRole}`) };
}

export async function deactivateUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<ManagedUser>> {
  const result = await runAction(userActivationSchema, formData, deactivateUser);
  if (!result.ok) return result;
  revalidatePath(USERS_PATH);
  const user = result.value;
  return { ok: true, data: user, message: changeMessage(user, 'is deactivated and can no longer sign in or make changes', 'is already deactivated') };
}

export async function reactivateUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<ManagedUser>> {
  const result = await runAction(userActivationSchema, formData, reactivateUser);
  if (!result.ok) return result;
  revalidatePath(USERS_PATH);
  const user = result.value;
  return { ok: true, data: user, message: changeMessage(user, 'is active again and can sign in', 'is already active') };
}

/** Lifts a lock that failed sign-ins put on an account (see unlockSignIn). */
export async function unlockSignInAction(_previous: unknown, formData: FormData): Promise<ActionResult<UnlockedAccount>> {
  const result = await runAction(unlockSignInSchema, formData, unlockSignIn);
  if (!result.ok) return result;
  revalidatePath(USERS_PATH);
  const user = result.value;
  return { ok: true, data: user, message: changeMessage(user, 'can sign in again', 'was not locked out') };
}
