import type { Actor } from '../permissions';
import { findUserForSignIn } from '../users/queries';
import { upgradePasswordHash } from '../users/mutations';
import { confirmSignInSucceeded, reserveSignInAttempt } from './mutations';
import { checkPasswordOrDummy, hashPassword } from './password';
import { type SignInLock, signInThrottleKeys } from './throttle';

export type SignedInUser = Actor & { sessionEpoch: number };

export type PasswordSignInOutcome =
  | { status: 'signed-in'; user: SignedInUser }
  | { status: 'refused' }
  | { status: 'throttled'; lock: SignInLock };

export type PasswordSignInOptions = {
  /** The password check; tests pass one that counts how often it runs. */
  checkPassword?: typeof checkPasswordOrDummy;
  now?: Date;
};

/**
 * Email and password sign-in, behind both per-account and per-address
 * limits. The attempt is reserved before the password is checked, so a
 * refused attempt costs no hashing and parallel guesses cannot outrun the
 * count. A deactivated account is refused like a wrong password, and counts
 * as a failure. Called by the Auth.js Credentials provider (lib/auth/index.ts).
 */
export async function signInWithPassword(
  credentials: { email: string; password: string },
  clientAddress: string,
  { checkPassword = checkPasswordOrDummy, now = new Date() }: PasswordSignInOptions = {},
): Promise<PasswordSignInOutcome> {
  const reservation = await reserveSignInAttempt(signInThrottleKeys(credentials.email, clientAddress), now);
  if (!reservation.reserved) return { status: 'throttled', lock: reservation.lock };

  const user = await findUserForSignIn(credentials.email);
  const check = await checkPassword(credentials.password, user?.passwordHash ?? null);
  if (!user || !user.active || !check.matches) return { status: 'refused' };

  await confirmSignInSucceeded(reservation.attemptIds);
  if (check.needsRehash && user.passwordHash) {
    await upgradePasswordHash(user.id, user.passwordHash, await hashPassword(credentials.password));
  }
  return { status: 'signed-in', user: { id: user.id, name: user.name, email: user.email, role: user.role, locale: user.locale, sessionEpoch: user.sessionEpoch } };
}
