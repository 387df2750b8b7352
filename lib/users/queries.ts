import { findAccountSignInLocks } from '../auth/queries';
import { prisma } from '../db';
import { assertCan, type Actor } from '../permissions';

export type SignInCandidate = Actor & { active: boolean; passwordHash: string | null; sessionEpoch: number };

export async function findUserForSignIn(email: string): Promise<SignInCandidate | null> {
  return prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, role: true, active: true, passwordHash: true, sessionEpoch: true, locale: true },
  });
}

/** The signed-in user, and whether they must still replace a one-time password (see lib/auth/actor.ts). */
export type SignedInAccount = Actor & { mustChangePassword: boolean };

/**
 * The acting user as the database says now: a demoted or deactivated user
 * loses access on their next request, not when their session expires. With
 * the session epoch the session token carries, a token issued before the
 * user signed out, was deactivated or changed role is no session either
 * (getActor and the Auth.js callbacks always pass it).
 */
export async function findActiveActor(userId: string, sessionEpoch?: number): Promise<SignedInAccount | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, active: true, sessionEpoch: true, locale: true, mustChangePassword: true },
  });
  if (!user || !user.active) return null;
  if (sessionEpoch !== undefined && user.sessionEpoch !== sessionEpoch) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, locale: user.locale, mustChangePassword: user.mustChangePassword };
}

/** What the account page shows about the signed-in user's own account. */
export type OwnAccount = { name: string; email: string; role: Actor['role']; hasPassword: boolean; mustChangePassword: boolean };

/** The caller's own account: every signed-in user may read it, whatever their role. */
export async function findOwnAccount(account: Pick<Actor, 'id'>): Promise<OwnAccount | null> {
  const user = await prisma.user.findUnique({
    where: { id: account.id },
    select: { name: true, email: true, role: true, passwordHash: true, mustChangePassword: true },
  });
  if (!user) return null;
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null };
}

export type ManagedUserListItem = {
  id: string;
  name: string;
  email: string;
  role: Actor['role'];
  active: boolean;
  /** Whether the account can sign in with a password (else only through OAuth/OIDC). */
  hasPassword: boolean;
  createdAt: string;
  /** Optimistic lock carried by the role, activation and password-reset forms. */
  version: number;
  /** The account was given a one-time password it has not replaced yet. */
  mustChangePassword: boolean;
  /** ISO time when too many failed sign-ins stop locking the account, or null when it is not locked. */
  signInLockedUntil: string | null;
};

/** Every account, newest first, for the admins' user page. */
export async function listManagedUsers(actor: Actor): Promise<ManagedUserListItem[]> {
  assertCan(actor, 'user.manage');
  const users = await prisma.user.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, email: true, role: true, active: true, passwordHash: true, createdAt: true, version: true, mustChangePassword: true },
  });
  const locks = await findAccountSignInLocks(users.map((user) => user.email));
  return users.map(({ passwordHash, createdAt, ...user }) => ({
    ...user,
    hasPassword: passwordHash !== null,
    createdAt: createdAt.toISOString(),
    signInLockedUntil: locks.get(user.email)?.toISOString() ?? null,
  }));
}
