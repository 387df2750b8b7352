import 'server-only';
import { cache } from 'react';
import { findActiveActor, type SignedInAccount } from '../users/queries';
import type { Actor } from '../permissions';
import { auth } from './index';

/**
 * The signed-in user, re-read from the database (role and `active` as they are
 * now, and the session epoch the session was issued in), or null — including
 * an account that must still replace its one-time password. Only the pages
 * and actions that let such an account set its password use this; everything
 * else asks getActor. Cached for the duration of one request.
 */
export const getSignedInAccount = cache(async (): Promise<SignedInAccount | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionEpoch = session?.user?.sessionEpoch;
  return userId && typeof sessionEpoch === 'number' ? findActiveActor(userId, sessionEpoch) : null;
});

/**
 * The actor of every dashboard page, read and action, or null. An account
 * given a one-time password (created, or reset by an admin) is no actor until
 * it has set its own: every action refuses it like a missing session, and
 * every dashboard page sends it to the password form (requirePageActor). It is
 * enforced here, where the actor is resolved, so that no page or action can
 * forget it (and never only in the proxy).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const account = await getSignedInAccount();
  return account && !account.mustChangePassword ? account : null;
});
