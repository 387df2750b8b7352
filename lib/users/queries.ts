import { prisma } from '../db';
import { assertCan, type Actor } from '../permissions';

export type SignInCandidate = Actor & { active: boolean; passwordHash: string | null };

export async function findUserForSignIn(email: string): Promise<SignInCandidate | null> {
  return prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, role: true, active: true, passwordHash: true },
  });
}

/**
 * The acting user as the database says now: a demoted or deactivated user
 * loses access on their next request, not when their session expires.
 */
export async function findActiveActor(userId: string): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, active: true },
  });
  if (!user || !user.active) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** Failed sign-ins for a key since `since`, not counting those before the last success. */
export async function countRecentSignInFailures(key: string, since: Date): Promise<number> {
  const lastSuccess = await prisma.signInAttempt.findFirst({
    where: { key, succeeded: true, attemptedAt: { gte: since } },
    orderBy: { attemptedAt: 'desc' },
    select: { attemptedAt: true },
  });
  return prisma.signInAttempt.count({
    where: { key, succeeded: false, attemptedAt: { gte: lastSuccess?.attemptedAt ?? since } },
  });
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
  /** Optimistic lock carried by the role and activation forms. */
  version: number;
};

/** Every account, newest first, for the admins' user page. */
export async function listManagedUsers(actor: Actor): Promise<ManagedUserListItem[]> {
  assertCan(actor, 'user.manage');
  const users = await prisma.user.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, email: true, role: true, active: true, passwordHash: true, createdAt: true, version: true },
  });
  return users.map(({ passwordHash, createdAt, ...user }) => ({ ...user, hasPassword: passwordHash !== null, createdAt: createdAt.toISOString() }));
}
