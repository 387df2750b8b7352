import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MutationError } from '../mutations/errors';
import { verifyPassword } from '../auth/password';
import { ForbiddenError, type Actor } from '../permissions';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { changeUserRole, createUser, deactivateUser, reactivateUser } from './mutations';
import { findActiveActor, listManagedUsers } from './queries';
import { createUserSchema } from './schema';
import { renderMessage } from '../i18n/render-message';

// Account administration against a real database: every change is audited
// with it, stale forms are refused, and Attest never ends up without an
// active admin.

let db: SeededDatabase;
let admin: Actor;
let editor: Actor;
let moderator: Actor;

before(async () => {
  db = await openSeededDatabase();
  ({ admin, editor, moderator } = db.actors);
});

after(() => closeSeededDatabase(db));

async function snapshot() {
  const [users, audits] = await Promise.all([
    db.prisma.user.findMany({ orderBy: { id: 'asc' }, select: { id: true, email: true, role: true, active: true, version: true } }),
    db.prisma.auditEvent.count(),
  ]);
  return { users, audits };
}

async function rejectsWith(promise: Promise<unknown>, code: MutationError['code'], message: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof MutationError, `expected a MutationError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(renderMessage(error.message), message);
    return true;
  });
}

async function newAccount(email: string, role: 'EDITOR' | 'MODERATOR' | 'ADMIN') {
  const created = await createUser(admin, createUserSchema.parse({ email, name: `Person ${email}`, role }));
  return db.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
}

describe('creating an account', () => {
  test('stores an argon2id hash of a strong one-time password, a lower-cased email and an audit row', async () => {
    const before = await db.prisma.auditEvent.count();
    const input = createUserSchema.parse({ email: '  Ada.Lovelace@Example.ORG ', name: ' Ada Lovelace ', role: 'MODERATOR' });
    const created = await createUser(admin, input);

    assert.match(created.oneTimePassword, /^[A-Za-z0-9_-]{16,}$/, 'at least 16 base64url characters');
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    assert.equal(row.email, 'ada.lovelace@example.org');
    assert.equal(row.name, 'Ada Lovelace');
    assert.equal(row.role, 'MODERATOR');
    assert.equal(row.active, true);
    assert.ok(row.passwordHash && row.passwordHash !== created.oneTimePassword, 'never stored in clear');
    assert.match(row.passwordHash, /^\$argon2id\$/);
    assert.ok(await verifyPassword(created.oneTimePassword, row.passwordHash), 'the shown password signs in');
    assert.equal(await findActiveActor(row.id).then((actor) => actor?.role), 'MODERATOR');

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'User', entityId: row.id } });
    assert.equal(audit.action, 'user.create');
    assert.equal(audit.actorId, admin.id);
    assert.deepEqual(audit.after, { email: 'ada.lovelace@example.org', role: 'MODERATOR', via: 'dashboard' });
    const auditJson = JSON.stringify([audit.before, audit.after]);
    assert.ok(!auditJson.includes(row.passwordHash) && !auditJson.includes(created.oneTimePassword), 'no secret in the audit trail');
    assert.equal(await db.prisma.auditEvent.count(), before + 1);
  });

  test('two accounts never get the same password', async () => {
    const first = await createUser(admin, createUserSchema.parse({ email: 'first@example.org', name: 'First', role: 'EDITOR' }));
    const second = await createUser(admin, createUserSchema.parse({ email: 'second@example.org', name: 'Second', role: 'EDITOR' }));
    assert.notEqual(first.oneTimePassword, second.oneTimePassword);
  });

  test('an email already in use, in any letter case, is refused and nothing is written', async () => {
    const before = await snapshot();
    const input = createUserSchema.parse({ email: 'EDITOR@attest.local', name: 'Someone Else', role: 'EDITOR' });
    await assert.rejects(createUser(admin, input), (error: unknown) => {
      assert.ok(error instanceof MutationError);
      assert.equal(error.code, 'CONFLICT');
      assert.equal(renderMessage(error.message), 'An account with this email already exists.');
      assert.ok(error.fieldErrors?.email?.length, 'the Email field is marked');
      return true;
    });
    assert.deepEqual(await snapshot(), before);
  });

  test('the form explains what is wrong with the input', () => {
    const result = createUserSchema.safeParse({ email: 'not-an-email', name: '  ', role: 'OWNER' });
    assert.equal(result.success, false);
    const messages = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${renderMessage(issue.message)}`);
    assert.deepEqual(messages, [
      'email: Enter a valid email address, such as ada@newsroom.org.',
      "name: Enter the person's name.",
      'role: Choose a role: Editor, Moderator or Admin.',
    ]);
  });
});

describe('changing a role', () => {
  test('changes the role, bumps the version and audits before and after', async () => {
    const user = await newAccount('role-change@example.org', 'EDITOR');
    const result = await changeUserRole(admin, { userId: user.id, version: user.version, role: 'MODERATOR' });
    assert.equal(result.changed, true);
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.equal(row.role, 'MODERATOR');
    assert.equal(row.version, user.version + 1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'user.role_change' } });
    assert.equal(audit.actorId, admin.id);
    assert.deepEqual([audit.before, audit.after], [{ role: 'EDITOR' }, { role: 'MODERATOR' }]);
  });

  test('a form opened before someone else’s change is refused as a conflict, and the row is unchanged', async () => {
    const user = await newAccount('stale-form@example.org', 'EDITOR');
    await changeUserRole(admin, { userId: user.id, version: user.version, role: 'MODERATOR' });
    const before = await snapshot();
    await rejectsWith(changeUserRole(admin, { userId: user.id, version: user.version, role: 'ADMIN' }), 'CONFLICT', /was changed by Adam Admin .* reload/);
    await rejectsWith(deactivateUser(admin, { userId: user.id, version: user.version }), 'CONFLICT', /reload/);
    assert.deepEqual(await snapshot(), before);
  });

  test('an account that does not exist is NOT_FOUND', async () => {
    await rejectsWith(changeUserRole(admin, { userId: 'no-such-user', version: 1, role: 'EDITOR' }), 'NOT_FOUND', /no longer exists/);
  });

  test('an admin cannot demote or deactivate their own account', async () => {
    const self = await db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    const before = await snapshot();
    await rejectsWith(changeUserRole(admin, { userId: self.id, version: self.version, role: 'EDITOR' }), 'INVALID_STATE', /^You cannot remove your own admin access\.$/);
    await rejectsWith(deactivateUser(admin, { userId: self.id, version: self.version }), 'INVALID_STATE', /^You cannot remove your own admin access\.$/);
    assert.deepEqual(await snapshot(), before);
  });

  test('the last active admin can be neither demoted nor deactivated, even by an admin demoted a moment ago', async () => {
    // Two admins, each with a form open on the other. The second one's change
    // arrives after the first has demoted them: it must not leave Attest without an admin.
    const second = await newAccount('second-admin@example.org', 'ADMIN');
    const secondActor = await findActiveActor(second.id);
    assert.ok(secondActor);
    const adminRow = await db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    // Any other active admin from earlier tests would make this admin not the last one.
    assert.equal(await db.prisma.user.count({ where: { role: 'ADMIN', active: true } }), 2);

    await changeUserRole(admin, { userId: second.id, version: second.version, role: 'EDITOR' });
    const before = await snapshot();
    await rejectsWith(changeUserRole(secondActor, { userId: admin.id, version: adminRow.version, role: 'EDITOR' }), 'INVALID_STATE', /Adam Admin is the last active admin/);
    await rejectsWith(deactivateUser(secondActor, { userId: admin.id, version: adminRow.version }), 'INVALID_STATE', /last active admin/);
    assert.deepEqual(await snapshot(), before);
  });
});

describe('deactivating and reactivating', () => {
  test('a deactivated user loses access at once, and a reactivated one gets it back', async () => {
    const user = await newAccount('leaving@example.org', 'EDITOR');
    assert.ok(await findActiveActor(user.id), 'active before');

    const deactivated = await deactivateUser(admin, { userId: user.id, version: user.version });
    assert.equal(deactivated.active, false);
    // getActor() resolves every request's actor through findActiveActor: null
    // means every action answers UNAUTHENTICATED and writes nothing.
    assert.equal(await findActiveActor(user.id), null);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'user.deactivate' } });
    assert.deepEqual([audit.actorId, audit.before, audit.after], [admin.id, { active: true }, { active: false }]);

    await reactivateUser(admin, { userId: user.id, version: deactivated.version });
    assert.equal((await findActiveActor(user.id))?.email, 'leaving@example.org');
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: user.id, action: 'user.reactivate' } }), 1);
  });

  test('deactivating an account that is already deactivated changes nothing', async () => {
    const user = await newAccount('twice@example.org', 'EDITOR');
    const first = await deactivateUser(admin, { userId: user.id, version: user.version });
    const before = await snapshot();
    const again = await deactivateUser(admin, { userId: user.id, version: first.version });
    assert.equal(again.changed, false);
    assert.deepEqual(await snapshot(), before);
  });
});

describe('who may manage accounts', () => {
  for (const [label, actor] of [
    ['an editor', () => editor],
    ['a moderator', () => moderator],
  ] as const) {
    test(`${label} is refused everything, and nothing is written`, async () => {
      const target = await db.prisma.user.findUniqueOrThrow({ where: { email: 'reviewer@attest.local' } });
      const before = await snapshot();
      const input = createUserSchema.parse({ email: 'intruder@example.org', name: 'Intruder', role: 'ADMIN' });
      await assert.rejects(createUser(actor(), input), ForbiddenError);
      await assert.rejects(changeUserRole(actor(), { userId: target.id, version: target.version, role: 'ADMIN' }), ForbiddenError);
      await assert.rejects(deactivateUser(actor(), { userId: target.id, version: target.version }), ForbiddenError);
      await assert.rejects(reactivateUser(actor(), { userId: target.id, version: target.version }), ForbiddenError);
      await assert.rejects(listManagedUsers(actor()), ForbiddenError);
      assert.deepEqual(await snapshot(), before);
    });
  }

  test('the admins’ list shows every account without its password hash', async () => {
    const users = await listManagedUsers(admin);
    assert.equal(users.length, await db.prisma.user.count());
    assert.ok(users.every((user) => !('passwordHash' in user)));
  });
});
