import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { verifyPassword } from '../../lib/auth/password';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../../lib/testing/demo-actors';
import { createUser } from './users';

// The e2e specs sign in as the accounts this factory makes: their password
// must verify the way sign-in verifies it, whatever hashing the app uses.

let db: SeededDatabase;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

test('createUser stores a hash that sign-in accepts for the password, and only for it', async () => {
  const user = await createUser(db.prisma, { role: 'MODERATOR', password: 'factory-password-1' });
  const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(stored.role, 'MODERATOR');
  assert.equal(stored.active, true);
  assert.ok(stored.passwordHash);
  assert.equal(await verifyPassword('factory-password-1', stored.passwordHash), true);
  assert.equal(await verifyPassword('factory-password-2', stored.passwordHash), false);
});

test('createUser makes a distinct account each time, without a password unless given one', async () => {
  const [first, second] = [await createUser(db.prisma), await createUser(db.prisma)];
  assert.notEqual(first.email, second.email);
  assert.equal((await db.prisma.user.findUniqueOrThrow({ where: { id: first.id } })).passwordHash, null);
});
