import 'server-only';
import { cache } from 'react';
import { findActiveActor } from '../users/queries';
import type { Actor } from '../permissions';
import { auth } from './index';

/**
 * The signed-in user, re-read from the database (role and `active` as they are
 * now, and the session epoch the session was issued in), or null. Cached for
 * the duration of one request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionEpoch = session?.user?.sessionEpoch;
  return userId && typeof sessionEpoch === 'number' ? findActiveActor(userId, sessionEpoch) : null;
});
