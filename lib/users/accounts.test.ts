import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyPassword } from '../auth/password';
import { MAX_FAILED_SIGN_INS } from '../auth/throttle';
import { renderMessage } from '../i18n/render-message';
import { ForbiddenError, type Actor } from '../permissions';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { rejectsWithMutationError } from '../testing/mutation-error';
import { changeOwnPassword, createUser, rememberBrowserLocale, resetUserPassword, setDashboardLocale } from './mutations';
import { findActiveActor } from './queries';
import { changeOwnPasswordSchema, createUserSchema, dashboardLocaleSchema } from './schema';

// What every user does to their own account (password, dashboard language),
// and an admin's password reset, against a real database: one-time passwords
// must be replaced, a password change ends the other sessions, wrong guesses
// at the current password are throttled like sign-ins, everything is audited
// and no secret reaches the audit trail.

let db: SeededDatabase;
let admin: Actor;
let editor: Actor;
let moderator: Actor;
let accounts = 0;
let addresses = 0;

before(async () => {
  db = await openSeededDatabase();
  ({ admin, editor, moderator } = db.actors);
});
after(() => closeSeededDatabase(db));

/** A new account as an admin creates it: a one-time password it must replace. */
async function newAccount() {
  accounts++;
  const created = await createUser(admin, createUserSchema.parse({ email: `account-${accounts}@example.org`, name: `Account ${accounts}`, role: 'EDITOR' }));
  const actor = await findActiveActor(created.id);
  assert.ok(actor);
  return { ...created, actor };
}

/** A client address of its own, so that tests do not share the per-address limit. */
const freshAddress = () => `192.0.2.${++addresses}`;

const row = (id: string) => db.prisma.user.findUniqueOrThrow({ where: { id } });

function passwordChange(currentPassword: string, newPassword: string) {
  return changeOwnPasswordSchema.parse({ currentPassword, newPassword, confirmPassword: newPassword });
}

describe('a one-time password', () => {
  test('an account created by an admin must set its own password, and says so where the actor is resolved', async () => {
    const { id, actor } = await newAccount();
    assert.equal((await row(id)).mustChangePassword, true);
    assert.equal(actor.mustChangePassword, true);
    assert.equal((await findActiveActor(editor.id))?.mustChangePassword, false, 'the demo accounts are not affected');
  });

  test('replacing it clears the flag, stores an argon2id hash and ends every session issued before', async () => {
    const account = await newAccount();
    const before = await row(account.id);
    const audits = await db.prisma.auditEvent.count();
    await changeOwnPassword(account.actor, passwordChange(account.oneTimePassword, 'correct horse battery staple'), freshAddress());

    const after = await row(account.id);
    assert.equal(after.mustChangePassword, false);
    assert.match(after.passwordHash ?? '', /^\$argon2id\$/);
    assert.ok(await verifyPassword('correct horse battery staple', after.passwordHash ?? ''));
    assert.equal(await verifyPassword(account.oneTimePassword, after.passwordHash ?? ''), false, 'the one-time password no longer works');
    assert.equal(after.sessionEpoch, before.sessionEpoch + 1);
    assert.equal(await findActiveActor(account.id, before.sessionEpoch), null, 'a session of the old epoch is no session');
    assert.equal(after.version, before.version, 'an admin’s open form on the account is not made stale');

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: account.id, action: 'user.password_change' } });
    assert.deepEqual([audit.actorId, audit.before, audit.after], [account.id, { mustChangePassword: true }, { mustChangePassword: false }]);
    const auditJson = JSON.stringify(await db.prisma.auditEvent.findMany({ where: { entityId: account.id } }));
    assert.ok(!auditJson.includes('correct horse') && !auditJson.includes(after.passwordHash ?? '-'), 'no secret in the audit trail');
    assert.equal(await db.prisma.auditEvent.count(), audits + 1);
  });
});

describe('changing one’s own password', () => {
  test('a wrong current password is refused on its field, counts as a failed sign-in, and changes nothing', async () => {
    const account = await newAccount();
    const before = await row(account.id);
    const error = await rejectsWithMutationError(changeOwnPassword(account.actor, passwordChange('not-the-password', 'a brand new password'), freshAddress()));
    assert.equal(error.code, 'INVALID_STATE');
    assert.deepEqual(error.fieldErrors?.currentPassword?.map((text) => renderMessage(text)), ['The current password is not right.']);
    assert.deepEqual(await row(account.id), before);
    assert.equal(await db.prisma.signInAttempt.count({ where: { key: `email:${account.email}`, succeeded: false } }), 1);
  });

  test(`after ${MAX_FAILED_SIGN_INS} wrong guesses the current password is not even checked until the lock ends`, async () => {
    const account = await newAccount();
    for (let guess = 0; guess < MAX_FAILED_SIGN_INS; guess++) {
      await rejectsWithMutationError(changeOwnPassword(account.actor, passwordChange(`guess-${guess}`, 'a brand new password'), freshAddress()));
    }
    const error = await rejectsWithMutationError(changeOwnPassword(account.actor, passwordChange(account.oneTimePassword, 'a brand new password'), freshAddress()));
    assert.equal(error.code, 'RATE_LIMITED');
    assert.match(renderMessage(error.message), /^Too many wrong passwords for this account\. Try again in 15 minutes\.$/);
    assert.equal((await row(account.id)).mustChangePassword, true);
  });

  test('two changes at once from the same current password: one wins, the other is refused', async () => {
    const account = await newAccount();
    const results = await Promise.allSettled([
      changeOwnPassword(account.actor, passwordChange(account.oneTimePassword, 'the first new password'), freshAddress()),
      changeOwnPassword(account.actor, passwordChange(account.oneTimePassword, 'the second new password'), freshAddress()),
    ]);
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
    const stored = (await row(account.id)).passwordHash ?? '';
    const winner = results[0]?.status === 'fulfilled' ? 'the first new password' : 'the second new password';
    assert.ok(await verifyPassword(winner, stored));
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: account.id, action: 'user.password_change' } }), 1);
  });

  test('the form: the new password twice, long enough, and not the current one', () => {
    const issues = (fields: Record<string, string>) =>
      changeOwnPasswordSchema.safeParse(fields).error?.issues.map((issue) => `${issue.path.join('.')}: ${renderMessage(issue.message)}`);
    assert.deepEqual(issues({ currentPassword: '', newPassword: '', confirmPassword: '' }), ['currentPassword: Enter your current password.', 'newPassword: Enter a new password.']);
    assert.deepEqual(issues({ currentPassword: 'old password', newPassword: 'short', confirmPassword: 'short' }), ['newPassword: The new password must be at least 12 characters.']);
    assert.deepEqual(issues({ currentPassword: 'old password', newPassword: 'a long new password', confirmPassword: 'a long new passw0rd' }), [
      'confirmPassword: The two new passwords are not the same.',
    ]);
    assert.deepEqual(issues({ currentPassword: 'the same password', newPassword: 'the same password', confirmPassword: 'the same password' }), [
      'newPassword: The new password must differ from the current one.',
    ]);
    assert.equal(changeOwnPasswordSchema.parse({ currentPassword: ' a ', newPassword: ' spaces count ', confirmPassword: ' spaces count ' }).newPassword, ' spaces count ');
  });
});

describe('an admin resets a password', () => {
  test('a new one-time password, shown once: the old one stops working, sessions end, the lock is lifted, the audit says who', async () => {
    const account = await newAccount();
    await changeOwnPassword(account.actor, passwordChange(account.oneTimePassword, 'my own password, chosen'), freshAddress());
    await db.prisma.signInAttempt.createMany({ data: Array.from({ length: MAX_FAILED_SIGN_INS }, () => ({ key: `email:${account.email}`, succeeded: false })) });
    const before = await row(account.id);

    const reset = await resetUserPassword(admin, { userId: account.id, version: before.version });
    assert.match(reset.oneTimePassword, /^[A-Za-z0-9_-]{24}$/);
    assert.deepEqual({ ...reset, oneTimePassword: '' }, { id: account.id, name: account.name, email: account.email, version: before.version + 1, oneTimePassword: '' });
    const after = await row(account.id);
    assert.ok(await verifyPassword(reset.oneTimePassword, after.passwordHash ?? ''));
    assert.equal(await verifyPassword('my own password, chosen', after.passwordHash ?? ''), false);
    assert.equal(after.mustChangePassword, true);
    assert.equal(after.sessionEpoch, before.sessionEpoch + 1);
    assert.equal(await db.prisma.signInAttempt.count({ where: { key: `email:${account.email}`, succeeded: false } }), 0);

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: account.id, action: 'user.password_reset' } });
    assert.deepEqual([audit.actorId, audit.after], [admin.id, { mustChangePassword: true, failedSignInsCleared: MAX_FAILED_SIGN_INS }]);
    assert.ok(!JSON.stringify(audit).includes(reset.oneTimePassword));
  });

  test('a stale form is refused as a conflict; an admin resets no password of their own; editors and moderators may not', async () => {
    const account = await newAccount();
    const { version } = await row(account.id);
    await resetUserPassword(admin, { userId: account.id, version });
    const stale = await rejectsWithMutationError(resetUserPassword(admin, { userId: account.id, version }));
    assert.equal(stale.code, 'CONFLICT');
    assert.match(renderMessage(stale.message), /changed by Adam Admin/);

    const self = await row(admin.id);
    const own = await rejectsWithMutationError(resetUserPassword(admin, { userId: admin.id, version: self.version }));
    assert.equal(renderMessage(own.message), 'To change your own password, use your account page.');
    for (const actor of [editor, moderator]) await assert.rejects(resetUserPassword(actor, { userId: account.id, version: version + 1 }), ForbiddenError);
    assert.equal((await rejectsWithMutationError(resetUserPassword(admin, { userId: 'no-such-user', version: 1 }))).code, 'NOT_FOUND');
    assert.equal((await row(account.id)).version, version + 1);
  });
});

describe('the dashboard language', () => {
  test('the user’s choice is stored and audited; choosing it again changes nothing', async () => {
    const { actor, id } = await newAccount();
    assert.deepEqual(await setDashboardLocale(actor, { locale: 'fr' }), { locale: 'fr', changed: true });
    assert.equal((await row(id)).locale, 'fr');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'user.locale_change' } });
    assert.deepEqual([audit.actorId, audit.before, audit.after], [id, { locale: null }, { locale: 'fr' }]);
    assert.deepEqual(await setDashboardLocale(actor, { locale: 'fr' }), { locale: 'fr', changed: false });
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: id, action: 'user.locale_change' } }), 1);
    assert.equal(dashboardLocaleSchema.safeParse({ locale: 'de' }).success, false);
  });

  test('the browser’s language is stored on a first sign-in only, never over a choice', async () => {
    const { id } = await newAccount();
    await rememberBrowserLocale(id, 'en');
    assert.equal((await row(id)).locale, 'en');
    await rememberBrowserLocale(id, 'fr');
    assert.equal((await row(id)).locale, 'en');
  });

  test('the database accepts only the interface’s languages', async () => {
    const { id } = await newAccount();
    await assert.rejects(db.prisma.$executeRaw`UPDATE users SET locale = 'de' WHERE id = ${id}`, /users_locale_is_interface_language/);
  });
});
