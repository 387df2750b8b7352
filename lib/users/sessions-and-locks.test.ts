import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ForbiddenError, type Actor } from '../permissions';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW_MINUTES } from '../auth/throttle';
import { changeUserRole, createUser, deactivateUser, endUserSessions, reactivateUser, unlockSignIn } from './mutations';
import { findActiveActor, listManagedUsers } from './queries';
import { createUserSchema } from './schema';
import { renderMessage } from '../i18n/render-message';

// What ends a session (the session epoch), and the admins' unlock of an
// account that failed sign-ins have locked, against a real database.

let db: SeededDatabase;
let admin: Actor;
let editor: Actor;
let moderator: Actor;
let accounts = 0;

before(async () => {
  db = await openSeededDatabase();
  ({ admin, editor, moderator } = db.actors);
});
after(() => closeSeededDatabase(db));

async function newAccount() {
  accounts++;
  const created = await createUser(admin, createUserSchema.parse({ email: `session-${accounts}@example.org`, name: `Session ${accounts}`, role: 'EDITOR' }));
  return db.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
}

async function lockOut(email: string, minutesAgo = 2) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  await db.prisma.signInAttempt.createMany({
    data: Array.from({ length: MAX_FAILED_SIGN_INS }, () => ({ key: `email:${email}`, succeeded: false, attemptedAt: at })),
  });
}

describe('the session epoch', () => {
  test('a session issued in another epoch is no session, even for an active user', async () => {
    const user = await newAccount();
    assert.equal((await findActiveActor(user.id, user.sessionEpoch))?.id, user.id);
    assert.equal(await findActiveActor(user.id, user.sessionEpoch + 1), null);
    assert.equal(await findActiveActor(user.id, user.sessionEpoch - 1), null);
  });

  test('signing out ends the sessions of that epoch; replaying an older token changes nothing', async () => {
    const user = await newAccount();
    await endUserSessions(user.id, user.sessionEpoch);
    assert.equal(await findActiveActor(user.id, user.sessionEpoch), null);
    const bumped = user.sessionEpoch + 1;
    assert.equal((await findActiveActor(user.id, bumped))?.id, user.id, 'a new sign-in gets the new epoch');
    // A stolen token of the old epoch, sent to the sign-out endpoint, cannot end the new sessions.
    await endUserSessions(user.id, user.sessionEpoch);
    assert.equal((await findActiveActor(user.id, bumped))?.id, user.id);
  });

  test('deactivation, reactivation and a role change each end the sessions issued before', async () => {
    const user = await newAccount();
    const deactivated = await deactivateUser(admin, { userId: user.id, version: user.version });
    const reactivated = await reactivateUser(admin, { userId: user.id, version: deactivated.version });
    await changeUserRole(admin, { userId: user.id, version: reactivated.version, role: 'MODERATOR' });
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.equal(after.sessionEpoch, user.sessionEpoch + 3);
    assert.equal(await findActiveActor(user.id, user.sessionEpoch), null);
    assert.equal((await findActiveActor(user.id, after.sessionEpoch))?.role, 'MODERATOR');
  });

  test('a change that changes nothing ends no session', async () => {
    const user = await newAccount();
    await changeUserRole(admin, { userId: user.id, version: user.version, role: 'EDITOR' });
    await reactivateUser(admin, { userId: user.id, version: user.version });
    assert.equal((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionEpoch, user.sessionEpoch);
  });
});

describe('unlocking sign-in', () => {
  test('the admins’ list shows a locked account and until when', async () => {
    const user = await newAccount();
    await lockOut(user.email, 2);
    const listed = (await listManagedUsers(admin)).find((row) => row.id === user.id);
    const until = Date.parse(listed?.signInLockedUntil ?? '');
    const expected = Date.now() + (SIGN_IN_WINDOW_MINUTES - 2) * 60_000;
    assert.ok(Math.abs(until - expected) < 30_000, `locked until ${listed?.signInLockedUntil}`);
    const other = (await listManagedUsers(admin)).find((row) => row.id === admin.id);
    assert.equal(other?.signInLockedUntil, null);
  });

  test('an admin unlocks the account: its failures are gone, the audit row says who and how many', async () => {
    const user = await newAccount();
    await lockOut(user.email);
    await db.prisma.signInAttempt.create({ data: { key: 'ip:198.51.100.77', succeeded: false } });
    const unlocked = await unlockSignIn(admin, { userId: user.id });
    assert.deepEqual(unlocked, { id: user.id, name: user.name, changed: true });
    assert.equal(await db.prisma.signInAttempt.count({ where: { key: `email:${user.email}` } }), 0);
    assert.equal(await db.prisma.signInAttempt.count({ where: { key: 'ip:198.51.100.77' } }), 1, 'the address limit stays');
    assert.equal((await listManagedUsers(admin)).find((row) => row.id === user.id)?.signInLockedUntil, null);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'user.sign_in_unlock' } });
    assert.deepEqual([audit.actorId, audit.before, audit.after], [admin.id, { failedSignIns: MAX_FAILED_SIGN_INS }, { failedSignIns: 0 }]);

    const again = await unlockSignIn(admin, { userId: user.id });
    assert.equal(again.changed, false);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: user.id, action: 'user.sign_in_unlock' } }), 1, 'nothing to unlock, nothing audited');
  });

  test('an account that does not exist is NOT_FOUND; editors and moderators may not unlock', async () => {
    await assert.rejects(unlockSignIn(admin, { userId: 'no-such-user' }), (error: unknown) => error instanceof Error && /no longer exists/.test(renderMessage(error.message)));
    const user = await newAccount();
    await lockOut(user.email);
    for (const actor of [editor, moderator]) await assert.rejects(unlockSignIn(actor, { userId: user.id }), ForbiddenError);
    assert.equal(await db.prisma.signInAttempt.count({ where: { key: `email:${user.email}` } }), MAX_FAILED_SIGN_INS);
  });
});
