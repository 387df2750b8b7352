import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record';
import { confirmSignInSucceeded, reserveSignInAttempt } from '../auth/mutations';
import { checkPassword, hashPassword } from '../auth/password';
import { accountThrottleKey, minutesUntil, signInThrottleKeys } from '../auth/throttle';
import { prisma } from '../db';
import type { Locale } from '../i18n/locales';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import type { Role } from '../generated/prisma/enums';
import { assertCan, type Actor } from '../permissions';
import type {
  ChangeOwnPasswordInput,
  ChangeUserRoleInput,
  CreateUserInput,
  DashboardLocaleInput,
  ResetUserPasswordInput,
  UnlockSignInInput,
  UserActivationInput,
} from './schema';

// ---------------------------------------------------------------------------
// Account administration. Only admins hold 'user.manage'; the CLI
// (scripts/create-user.ts) creates accounts through createUserAccount too.

/** 18 random bytes: a 24-character base64url password, shown once and never stored in clear. */
export function generateOneTimePassword(): string {
  return randomBytes(18).toString('base64url');
}

export const DUPLICATE_EMAIL_MESSAGE = message('users.errors.duplicateEmail');
export const SELF_DEMOTION_MESSAGE = message('users.errors.selfDemotion');
const ACCOUNT_GONE_MESSAGE = message('users.errors.notFound');

function duplicateEmailError(): MutationError {
  // The form shows the message once, above the form; the field only points at the culprit.
  return new MutationError('CONFLICT', DUPLICATE_EMAIL_MESSAGE, { email: [message('users.errors.emailTaken')] });
}

export type CreatedAccount = { id: string; email: string; name: string; role: Role; oneTimePassword: string };

/**
 * Creates an active account with a generated password, which is returned once
 * and stored only as an argon2id hash; the account must set its own on its
 * first sign-in (mustChangePassword). The caller has checked the permission
 * (or is the operator's CLI, with actorId null).
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
        data: { email, name: input.name, role: input.role, passwordHash, active: true, mustChangePassword: true },
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
  if (!target) throw new MutationError('NOT_FOUND', ACCOUNT_GONE_MESSAGE);
  if (target.version !== version) throw MutationError.stale('User', userId, 'account');
  const otherActiveAdmins = activeAdmins.filter((admin) => admin.id !== target.id).length;
  return { target, otherActiveAdmins };
}

function lastAdminError(name: string): MutationError {
  return new MutationError('INVALID_STATE', message('users.errors.lastAdmin', { name }));
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
    if (!user) throw new MutationError('NOT_FOUND', ACCOUNT_GONE_MESSAGE);
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

export type ResetAccount = { id: string; name: string; email: string; version: number; oneTimePassword: string };

/**
 * Gives an account a new one-time password, returned once (like a new
 * account's), which it must replace on its next sign-in. Ends the account's
 * sessions (a reset is often asked because someone else may know the old
 * password) and clears the failed sign-ins that lock it, so that the person
 * can use the new password at once. Carries the version the admin saw.
 */
export async function resetUserPassword(actor: Actor, input: ResetUserPasswordInput): Promise<ResetAccount> {
  assertCan(actor, 'user.manage');
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const reset = await runMutation(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, email: true, version: true } });
    if (!target) throw new MutationError('NOT_FOUND', ACCOUNT_GONE_MESSAGE);
    if (target.id === actor.id) throw new MutationError('INVALID_STATE', message('users.errors.resetOwnPassword'));
    const { count } = await tx.user.updateMany({
      where: { id: target.id, version: input.version },
      data: { passwordHash, mustChangePassword: true, version: { increment: 1 }, sessionEpoch: { increment: 1 } },
    });
    if (count === 0) throw MutationError.stale('User', target.id, 'account');
    const cleared = await tx.signInAttempt.deleteMany({ where: { key: accountThrottleKey(target.email), succeeded: false } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.password_reset',
      entityType: 'User',
      entityId: target.id,
      after: { mustChangePassword: true, failedSignInsCleared: cleared.count },
    });
    return { id: target.id, name: target.name, email: target.email, version: target.version + 1 };
  });
  return { ...reset, oneTimePassword };
}

// ---------------------------------------------------------------------------
// Changes every signed-in user makes to their own account ('account.update').

/**
 * The signed-in user's new password. The current one is checked first, and
 * each wrong guess counts against the same limits as a failed sign-in (a
 * stolen session must not be a way to try passwords without limit). The new
 * password ends every session issued before (the epoch moves on); the action
 * signs the current browser in again with the new password. Clears
 * mustChangePassword: the one-time password is replaced.
 */
export async function changeOwnPassword(account: Actor, input: ChangeOwnPasswordInput, clientAddress: string): Promise<{ email: string }> {
  assertCan(account, 'account.update');
  const reservation = await reserveSignInAttempt(signInThrottleKeys(account.email, clientAddress));
  if (!reservation.reserved) {
    throw new MutationError('RATE_LIMITED', message('account.errors.throttled', { minutes: minutesUntil(reservation.lock.until) }));
  }
  const stored = await prisma.user.findUnique({ where: { id: account.id }, select: { email: true, passwordHash: true, mustChangePassword: true } });
  if (!stored) throw new MutationError('NOT_FOUND', ACCOUNT_GONE_MESSAGE);
  const verifiedHash = stored.passwordHash;
  if (verifiedHash === null) throw new MutationError('INVALID_STATE', message('account.errors.noPassword'));
  if (!(await checkPassword(input.currentPassword, verifiedHash)).matches) {
    const wrong = message('account.errors.currentWrong');
    throw new MutationError('INVALID_STATE', wrong, { currentPassword: [wrong] });
  }
  await confirmSignInSucceeded(reservation.attemptIds);
  const passwordHash = await hashPassword(input.newPassword);
  return runMutation(async (tx) => {
    // Only over the hash just verified: a reset or another change in between wins, and this one is refused.
    const { count } = await tx.user.updateMany({
      where: { id: account.id, passwordHash: verifiedHash, active: true },
      data: { passwordHash, mustChangePassword: false, sessionEpoch: { increment: 1 } },
    });
    if (count === 0) throw new MutationError('CONFLICT', message('account.errors.changedMeanwhile'));
    await recordAudit(tx, {
      actorId: account.id,
      action: 'user.password_change',
      entityType: 'User',
      entityId: account.id,
      before: { mustChangePassword: stored.mustChangePassword },
      after: { mustChangePassword: false },
    });
    return { email: stored.email };
  });
}

export type DashboardLocaleChange = { locale: Locale; changed: boolean };

/** The dashboard language the user picked in the nav; audited, as a setting of their account. */
export async function setDashboardLocale(account: Actor, input: DashboardLocaleInput): Promise<DashboardLocaleChange> {
  assertCan(account, 'account.update');
  return runMutation(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: account.id }, select: { locale: true } });
    if (!current) throw new MutationError('NOT_FOUND', ACCOUNT_GONE_MESSAGE);
    if (current.locale === input.locale) return { locale: input.locale, changed: false };
    // Last choice wins: a language is not a record two people edit, so no version.
    await tx.user.update({ where: { id: account.id }, data: { locale: input.locale } });
    await recordAudit(tx, {
      actorId: account.id,
      action: 'user.locale_change',
      entityType: 'User',
      entityId: account.id,
      before: { locale: current.locale },
      after: { locale: input.locale },
    });
    return { locale: input.locale, changed: true };
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
 * On the first sign-in of an account that has no dashboard language yet: the
 * browser's (when it names one of the interface's languages). Only while the
 * setting is still empty, so it never overrides a choice made in the nav.
 * Not audited: it records what the browser said, not a choice anyone made.
 */
export async function rememberBrowserLocale(userId: string, locale: Locale): Promise<void> {
  await runMutation((tx) => tx.user.updateMany({ where: { id: userId, locale: null }, data: { locale } }));
}

/**
 * Replaces a legacy (bcrypt) or weaker hash after a successful sign-in. The
 * password is the same, so sessions stay. Only if the hash is still the one
 * just verified: a password set in between is never overwritten.
 */
export async function upgradePasswordHash(userId: string, verifiedHash: string, newHash: string): Promise<void> {
  await runMutation((tx) => tx.user.updateMany({ where: { id: userId, passwordHash: verifiedHash }, data: { passwordHash: newHash } }));
}
