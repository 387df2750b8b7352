import 'server-only';
import { redirect } from 'next/navigation';
import { can, type Actor, type Permission } from '../permissions';
import { getActor } from './actor';

/**
 * For dashboard pages: the actor, or a redirect to sign in; `notAllowed`
 * is true when the role lacks the permission, so the page can explain instead
 * of showing data. Reads the pages make still check the permission themselves.
 */
export async function requirePageActor(permission: Permission, path: string): Promise<{ actor: Actor; allowed: boolean }> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  return { actor, allowed: can(actor, permission) };
}
