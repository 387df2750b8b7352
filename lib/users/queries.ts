import { prisma } from '../db';
import type { Actor } from '../permissions';

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
