import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hash } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { checkPassword, checkPasswordOrDummy, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  test('new passwords are stored as argon2id with the current settings, salted', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.notEqual(first, second, 'a fresh salt every time');
    assert.deepEqual(await checkPassword('correct horse battery staple', first), { matches: true, needsRehash: false });
    assert.deepEqual(await checkPassword('Correct horse battery staple', first), { matches: false, needsRehash: false });
  });

  test('a legacy bcrypt hash still verifies, and asks to be replaced', async () => {
    const legacy = await bcrypt.hash('attest-demo', 10);
    assert.deepEqual(await checkPassword('attest-demo', legacy), { matches: true, needsRehash: true });
    assert.deepEqual(await checkPassword('attest-dem0', legacy), { matches: false, needsRehash: false });
    assert.equal(await verifyPassword('attest-demo', legacy), true);
  });

  test('an argon2 hash with weaker settings than today’s asks to be replaced', async () => {
    const weak = await hash('attest-demo', { memoryCost: 4096, timeCost: 1 });
    assert.deepEqual(await checkPassword('attest-demo', weak), { matches: true, needsRehash: true });
  });

  test('an account without a password never matches, whatever is typed', async () => {
    assert.deepEqual(await checkPasswordOrDummy('', null), { matches: false, needsRehash: false });
    assert.deepEqual(await checkPasswordOrDummy('attest-demo', null), { matches: false, needsRehash: false });
    assert.deepEqual(await checkPassword('x', 'not a hash'), { matches: false, needsRehash: false });
  });
});
