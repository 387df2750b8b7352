import 'server-only';
import { redirect } from 'next/navigation';
import { can, type Actor, type Permission } from '../permissions';
import type { SignedInAccount } from '../users/queries';
import { getActor, getSignedInAccount } from './actor';

/** The page that lets an account replace its one-time password (and change it later). */
export const ACCOUNT_PATH = '/dashboard/account';

function signInPath(path: string): string {
  return `/login?callbackUrl=${encodeURIComponent(path)}`;
}

/**
 * For dashboard pages: the actor, or a redirect to sign in (or, for an account
 * that must still replace its one-time password, to the account page);
 * `allowed` is false when the role lacks the permission, so the page can
 * explain instead of showing data. Reads the pages make still check the
 * permission themselves.
 */
export async function requirePageActor(permission: Permission, path: string): Promise<{ actor: Actor; allowed: boolean }> {
  const actor = await getActor();
  if (!actor) {
    if ((await getSignedInAccount())?.mustChangePassword) redirect(ACCOUNT_PATH);
    redirect(signInPath(path));
  }
  return { actor, allowed: can(actor, permission) };
}

/** For the account page: any signed-in user, including one who must still set their own password. */
export async function requireSignedInAccount(path: string): Promise<SignedInAccount> {
  const account = await getSignedInAccount();
  if (!account) redirect(signInPath(path));
  return account;
}
