'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { CredentialsSignin } from 'next-auth';
import { type ActionFailure, type ActionResult, failureFrom, unauthenticated, validationFailure } from '../actions/result';
import { runAction } from '../actions/run-action';
import { translateFailure } from '../actions/translate-failure';
import { getSignedInAccount } from '../auth/actor';
import { signIn, signOut } from '../auth/index';
import { ACCOUNT_PATH } from '../auth/require';
import { safeCallbackPath } from '../auth/schema';
import { clientAddressFromHeaders } from '../request/client-address';
import {
  changeOwnPassword,
  changeUserRole,
  createUser,
  deactivateUser,
  reactivateUser,
  resetUserPassword,
  setDashboardLocale,
  unlockSignIn,
  type CreatedAccount,
  type DashboardLocaleChange,
  type ManagedUser,
  type ResetAccount,
  type UnlockedAccount,
} from './mutations';
import {
  changeOwnPasswordSchema,
  changeUserRoleSchema,
  createUserSchema,
  dashboardLocaleSchema,
  resetUserPasswordSchema,
  unlockSignInSchema,
  userActivationSchema,
} from './schema';

// Accounts change who may do what: nothing public is cached on them, but the
// admins' user list must show the change at once. Failures are translated
// into the user's language (translateFailure) before they reach the form.
const USERS_PATH = '/dashboard/users';

export type CreatedUserData = Omit<CreatedAccount, 'id'>;

/** Creates an account; the one-time password is in the result, and nowhere else, ever. */
export async function createUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<CreatedUserData>> {
  const result = await runAction(createUserSchema, formData, createUser);
  if (!result.ok) return translateFailure(result);
  revalidatePath(USERS_PATH);
  const created = result.value;
  const t = await getTranslations('users');
  return {
    ok: true,
    data: { email: created.email, name: created.name, role: created.role, oneTimePassword: created.oneTimePassword },
    message: t('create.done', { email: created.email }),
  };
}

export async function changeUserRoleAction(_previous: unknown, formData: FormData): Promise<ActionResult<ManagedUser>> {
  const result = await runAction(changeUserRoleSchema, formData, changeUserRole);
  if (!result.ok) return translateFailure(result);
  revalidatePath(USERS_PATH);
  const user = result.value;
  const t = await getTranslations('users.row');
  return { ok: true, data: user, message: t(user.changed ? 'roleChanged' : 'roleUnchanged', { name: user.name, role: user.role }) };
}

export async function deactivateUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<ManagedUser>> {
  const result = await runAction(userActivationSchema, formData, deactivateUser);
  if (!result.ok) return translateFailure(result);
  revalidatePath(USERS_PATH);
  const user = result.value;
  const t = await getTranslations('users.row');
  return { ok: true, data: user, message: t(user.changed ? 'deactivated' : 'alreadyDeactivated', { name: user.name }) };
}

export async function reactivateUserAction(_previous: unknown, formData: FormData): Promise<ActionResult<ManagedUser>> {
  const result = await runAction(userActivationSchema, formData, reactivateUser);
  if (!result.ok) return translateFailure(result);
  revalidatePath(USERS_PATH);
  const user = result.value;
  const t = await getTranslations('users.row');
  return { ok: true, data: user, message: t(user.changed ? 'reactivated' : 'alreadyActive', { name: user.name }) };
}

/** Lifts a lock that failed sign-ins put on an account (see unlockSignIn). */
export async function unlockSignInAction(_previous: unknown, formData: FormData): Promise<ActionResult<UnlockedAccount>> {
  const result = await runAction(unlockSignInSchema, formData, unlockSignIn);
  if (!result.ok) return translateFailure(result);
  revalidatePath(USERS_PATH);
  const user = result.value;
  const t = await getTranslations('users.row');
  return { ok: true, data: user, message: t(user.changed ? 'unlocked' : 'notLocked', { name: user.name }) };
}

export type ResetPasswordData = Omit<ResetAccount, 'id'>;

/** A new one-time password for someone else's account: in the result once, and nowhere else, ever. */
export async function resetUserPasswordAction(_previous: unknown, formData: FormData): Promise<ActionResult<ResetPasswordData>> {
  const result = await runAction(resetUserPasswordSchema, formData, resetUserPassword);
  if (!result.ok) return translateFailure(result);
  revalidatePath(USERS_PATH);
  const { id: _id, ...reset } = result.value;
  const t = await getTranslations('users.reset');
  return { ok: true, data: reset, message: t('done', { name: reset.name }) };
}

/**
 * Whether the form was sent by the page's script (a fetch with Next's action
 * header) rather than posted by the browser itself (no JavaScript). Matters
 * after a change of language: a redirect from an action called by script is
 * rendered in the same request, whose cached actor and language are the ones
 * from before the change, so the script refreshes the page instead; a
 * browser follows the redirect with a new request.
 */
async function sentByScript(): Promise<boolean> {
  return (await headers()).has('next-action');
}

function dashboardReturnPath(formData: FormData): string {
  const returnTo = formData.get('returnTo');
  return safeCallbackPath(typeof returnTo === 'string' && returnTo.startsWith('/dashboard') ? returnTo : '/dashboard');
}

export type DashboardLocaleData = DashboardLocaleChange;

/** The nav's language switch (any signed-in user, for themselves); the page is shown again in the new language. */
export async function setDashboardLocaleAction(_previous: unknown, formData: FormData): Promise<ActionResult<DashboardLocaleData>> {
  const result = await runAction(dashboardLocaleSchema, formData, setDashboardLocale);
  if (!result.ok) return translateFailure(result);
  if (!(await sentByScript())) redirect(dashboardReturnPath(formData));
  return { ok: true, data: result.value };
}

/**
 * The signed-in user's own new password. The only action an account that
 * must still replace its one-time password may run, so it resolves the
 * account itself (getSignedInAccount) rather than through runAction's
 * getActor. Every session issued before ends; this browser is signed in again
 * with the new password, which the user has just proved they know, so that
 * changing a password (or setting one's own after a reset) does not throw
 * them back to the sign-in page. Both ways out set the session cookie, so the
 * page that follows is read by a new request, with the new session.
 */
export async function changeOwnPasswordAction(_previous: unknown, formData: FormData): Promise<ActionFailure> {
  const changed = await changeOwnPasswordOrFailure(formData);
  if ('failure' in changed) return translateFailure(changed.failure);
  try {
    await signIn('credentials', { email: changed.email, password: changed.password, redirectTo: `${ACCOUNT_PATH}?changed=1` });
  } catch (error) {
    // Throttled (someone is guessing at the account right now): the new password works once the lock ends.
    if (!(error instanceof CredentialsSignin)) throw error;
  }
  // The session this browser had ended with the change: clear its cookie and ask for a sign-in.
  await signOut({ redirectTo: `/login?callbackUrl=${encodeURIComponent(ACCOUNT_PATH)}` });
  return unauthenticated;
}

async function changeOwnPasswordOrFailure(formData: FormData): Promise<{ email: string; password: string } | { failure: ActionFailure }> {
  const parsed = changeOwnPasswordSchema.safeParse(Object.fromEntries(formData));
  // No password ever goes back to the page: the fields come back empty.
  if (!parsed.success) return { failure: { ...validationFailure(parsed.error), values: {} } };
  const account = await getSignedInAccount();
  if (!account) return { failure: unauthenticated };
  try {
    const { email } = await changeOwnPassword(account, parsed.data, clientAddressFromHeaders(await headers()));
    return { email, password: parsed.data.newPassword };
  } catch (error) {
    return { failure: failureFrom(error) };
  }
}
