import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record';
import { hashPassword } from '../auth/password';
import { accountThrottleKey } from '../auth/throttle';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import type { Role } from '../generated/prisma/enums';
import { assertCan, type Actor } from '../permissions';
import type { ChangeUserRoleInput, CreateUserInput, UnlockSignInInput, UserActivationInput } from './schema';

// ---------------------------------------------------------------------------
// Account administration. Only admins hold 'user.manage'; the CLI
// (scripts/create-user.ts) creates accounts through createUserAccount too.

/** 18 random bytes: a 24-character base64url password, shown once and never stored in clear. */
export function generateOneTimePassword(): string {
  return randomBytes(18).toString('base64url');
}

export const DUPLICATE_EMAIL_MESSAGE = 'An account with this email already exists.';
export const SELF_DEMOTION_MESSAGE = 'You cannot remove your own admin access.';

function duplicateEmailError(): MutationError {
  // The form shows the message once, above the form; the field only points at the culprit.
  return new MutationError('CONFLICT', DUPLICATE_EMAIL_MESSAGE, { email: ['This email address is taken: use another one.'] });
}

export type CreatedAccount = { id: string; email: string; name: string; role: Role; oneTimePassword: string };

/**
 * Creates an active account with a generated password, which is returned once
 * and stored only as an argon2id hash. The caller has checked the permission (or
 * is the operator's CLI, with actorId null).
 */
export async function createUserAccount(input: CreateUserInput, actorId: string | null, via: 'dashboard' | 'cli'): Promise<CreatedAccount> {
  const email = input.email.trim().toLowerCase();
  const oneTimePassword = generateOneTimePassword();
  // Hashing is slow on purpose: hash before the transaction takes its locks.
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await runMutation(
    async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw duplicateEmailError();
      const created = await tx.user.create({
        data: { email, name: input.name, role: input.role, passwordHash, active: true },
        select: { id: true, email: true, name: true, role: true },
      });
      await recordAudit(tx, { actorId, action: 'user.create', entityType: 'User', entityId: created.id, after: { email, role: created.role, via } });
      return created;
    },
    // Two admins creating the same account at once: the unique index refuses the second.
    { uniqueViolations: { users_email_key: duplicateEmailError } },
  );
  return { ...user, oneTimePassword };
}

export async function createUser(actor: Actor, input: CreateUserInput): Promise<CreatedAccount> {
  assertCan(actor, 'user.manage');
  return createUserAccount(input, actor.id, 'dashboard');
}

export type ManagedUser = { id: string; name: string; role: Role; active: boolean; version: number; changed: boolean };

/**
 * Locks the active admins' rows, then reads the target. The lock serialises
 * two admins demoting or deactivating each other at the same moment: the
 * second one waits, then sees the first one's change.
 */
async function lockAdminsAndRead(tx: Tx, userId: string, version: number) {
  const activeAdmins = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "users" WHERE "role" = 'ADMIN' AND "active" FOR UPDATE`;
  const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, active: true, version: true } });
  if (!target) throw new MutationError('NOT_FOUND', 'This account no longer exists: reload the page.');
  if (target.version !== version) throw MutationError.stale('User', userId, 'account');
  const otherActiveAdmins = activeAdmins.filter((admin) => admin.id !== target.id).length;
  return { target, otherActiveAdmins };
}

function lastAdminError(name: string): MutationError {
  return new MutationError('INVALID_STATE', `${name} is the last active admin: make another account an admin first, so that someone can still manage accounts.`);
}

/**
 * Saves a change to who the user is allowed to be. Also bumps the session
 * epoch: every session issued before the change stops working on its next
 * request, and the user signs in again as what they now are.
 */
async function bumpVersion(tx: Tx, userId: string, version: number, data: { role?: Role; active?: boolean }): Promise<void> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, version },
    data: { ...data, version: { increment: 1 }, sessionEpoch: { increment: 1 } },
  });
  if (count === 0) throw MutationError.stale('User', userId, 'account');
}

export async function changeUserRole(actor: Actor, input: ChangeUserRoleInput): Promise<ManagedUser> {
  assertCan(actor, 'user.manage');
  return runMutation(async (tx) => {
    const { target, otherActiveAdmins } = await lockAdminsAndRead(tx, input.userId, input.version);
    if (target.role === input.role) return { ...target, changed: false };
    if (target.role === 'ADMIN') {
      if (target.id === actor.id) throw new MutationError('INVALID_STATE', SELF_DEMOTION_MESSAGE);
      if (target.active && otherActiveAdmins === 0) throw lastAdminError(target.name);
    }
    await bumpVersion(tx, target.id, target.version, { role: input.role });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.role_change',
      entityType: 'User',
      entityId: target.id,
      before: { role: target.role },
      after: { role: input.role },
    });
    return { ...target, role: input.role, version: target.version + 1, changed: true };
  });
}

async function setUserActive(actor: Actor, input: UserActivationInput, active: boolean): Promise<ManagedUser> {
  assertCan(actor, 'user.manage');
  return runMutation(async (tx) => {
    const { target, otherActiveAdmins } = await lockAdminsAndRead(tx, input.userId, input.version);
    if (target.active === active) return { ...target, changed: false };
    if (!active && target.id === actor.id) throw new MutationError('INVALID_STATE', SELF_DEMOTION_MESSAGE);
    if (!active && target.role === 'ADMIN' && otherActiveAdmins === 0) throw lastAdminError(target.name);
    await bumpVersion(tx, target.id, target.version, { active });
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? 'user.reactivate' : 'user.deactivate',
      entityType: 'User',
      entityId: target.id,
      before: { active: target.active },
      after: { active },
    });
    return { ...target, active, version: target.version + 1, changed: true };
  });
}

/** Takes effect on the user's next request: getActor() re-reads `active` every time. */
export async function deactivateUser(actor: Actor, input: UserActivationInput): Promise<ManagedUser> {
  return setUserActive(actor, input, false);
}

export async function reactivateUser(actor: Actor, input: UserActivationInput): Promise<ManagedUser> {
  return setUserActive(actor, input, true);
}

export type UnlockedAccount = { id: string; name: string; changed: boolean };

/**
 * Lifts the lock too many failed sign-ins put on an account (anyone can cause
 * one by guessing): its failures are deleted, so it may sign in at once. The
 * audit row says who unlocked it and how many failures were cleared. The
 * per-address limit is left alone.
 */
export async function unlockSignIn(actor: Actor, input: UnlockSignInInput): Promise<UnlockedAccount> {
  assertCan(actor, 'user.manage');
  return runMutation(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, email: true } });
    if (!user) throw new MutationError('NOT_FOUND', 'This account no longer exists: reload the page.');
    const { count } = await tx.signInAttempt.deleteMany({ where: { key: accountThrottleKey(user.email), succeeded: false } });
    if (count === 0) return { id: user.id, name: user.name, changed: false };
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.sign_in_unlock',
      entityType: 'User',
      entityId: user.id,
      before: { failedSignIns: count },
      after: { failedSignIns: 0 },
    });
    return { id: user.id, name: user.name, changed: true };
  });
}

// ---------------------------------------------------------------------------
// Changes the user makes by signing in and out: no admin acts, so no
// permission to check and nothing for the audit trail.

/**
 * Ends every session of the user issued with `sessionEpoch` (Auth.js's
 * signOut event). Only that epoch: a token already stale, replayed to the
 * sign-out endpoint, cannot end the user's current sessions.
 */
export async function endUserSessions(userId: string, sessionEpoch: number): Promise<void> {
  await runMutation((tx) => tx.user.updateMany({ where: { id: userId, sessionEpoch }, data: { sessionEpoch: { increment: 1 } } }));
}

/**
 * Replaces a legacy (bcrypt) or weaker hash after a successful sign-in. The
 * password is the same, so sessions stay. Only if the hash is still the one
 * just verified: a password set in between is never overwritten.
 */
export async function upgradePasswordHash(userId: string, verifiedHash: string, newHash: string): Promise<void> {
  await runMutation((tx) => tx.user.updateMany({ where: { id: userId, passwordHash: verifiedHash }, data: { passwordHash: newHash } }));
}
