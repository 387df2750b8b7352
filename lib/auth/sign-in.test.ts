import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import bcrypt from 'bcryptjs';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { checkPasswordOrDummy, hashPassword } from './password';
import { signInWithPassword } from './sign-in';
import { MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS_PER_ADDRESS, SIGN_IN_WINDOW_MINUTES } from './throttle';

// Password sign-in against a real database: the limits hold under parallel
// guesses, a success still gets through, legacy hashes are upgraded.

let db: SeededDatabase;
let accountCounter = 0;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

async function newAccount(password: string, passwordHash?: string) {
  accountCounter++;
  const email = `sign-in-${accountCounter}@example.org`;
  const user = await db.prisma.user.create({
    data: { email, name: `Sign-in ${accountCounter}`, role: 'EDITOR', passwordHash: passwordHash ?? (await hashPassword(password)) },
  });
  return { ...user, password };
}

/** A password check that counts how often it runs (each run is one hash computed). */
function countingCheck() {
  const counter = { runs: 0, check: (async (password, stored) => {
    counter.runs++;
    return checkPasswordOrDummy(password, stored);
  }) satisfies typeof checkPasswordOrDummy };
  return counter;
}

let addressCounter = 0;
/** A client address of its own, so that tests do not share the per-address limit. */
const freshAddress = () => `198.51.100.${++addressCounter}`;

const failuresFor = (key: string) => db.prisma.signInAttempt.count({ where: { key, succeeded: false } });

describe('parallel guesses', () => {
  test(`60 concurrent wrong guesses at one account: at most ${MAX_FAILED_SIGN_INS} passwords are checked, the rest are refused unhashed`, async () => {
    const user = await newAccount('the-right-password');
    const counter = countingCheck();
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        // Spread over addresses, as a botnet would: only the account limit can stop them.
        signInWithPassword({ email: user.email, password: `guess-${index}` }, `203.0.113.${index + 1}`, { checkPassword: counter.check }),
      ),
    );
    // At most 5 (the 6th is refused unhashed), and no fewer: the first 5 deserve their check.
    assert.equal(counter.runs, MAX_FAILED_SIGN_INS, `${counter.runs} password checks`);
    const throttled = outcomes.filter((outcome) => outcome.status === 'throttled');
    assert.equal(throttled.length, 60 - counter.runs);
    assert.equal(outcomes.filter((outcome) => outcome.status === 'refused').length, counter.runs);
    assert.ok(throttled.every((outcome) => outcome.status === 'throttled' && outcome.lock.scope === 'account'));
    assert.equal(await failuresFor(`email:${user.email}`), counter.runs, 'exactly the checked guesses are counted');

    // And the right password is refused too while the lock lasts, without a check.
    const after = await signInWithPassword({ email: user.email, password: user.password }, freshAddress(), { checkPassword: counter.check });
    assert.equal(after.status, 'throttled');
    assert.equal(counter.runs, MAX_FAILED_SIGN_INS, 'refused without a check');
  });

  test('under the limit the right password signs in, and restarts the count', async () => {
    const user = await newAccount('correct-password');
    const address = freshAddress();
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      assert.equal((await signInWithPassword({ email: user.email, password: 'wrong' }, address)).status, 'refused');
    }
    const success = await signInWithPassword({ email: user.email.toUpperCase(), password: 'correct-password' }, address);
    assert.equal(success.status, 'signed-in');
    assert.deepEqual(success.status === 'signed-in' && { id: success.user.id, epoch: success.user.sessionEpoch }, { id: user.id, epoch: 1 });
    const attempts = await db.prisma.signInAttempt.findMany({ where: { key: `email:${user.email}` }, orderBy: { attemptedAt: 'asc' } });
    assert.deepEqual(attempts.map((attempt) => attempt.succeeded), [false, false, false, false, true]);
    // The count starts again after a success: another four failures are still not a lock.
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      assert.equal((await signInWithPassword({ email: user.email, password: 'wrong' }, address)).status, 'refused');
    }
    assert.equal((await signInWithPassword({ email: user.email, password: 'correct-password' }, address)).status, 'signed-in');
  });

  test('a deactivated account is refused with its right password, and the attempt counts', async () => {
    const user = await newAccount('deactivated-password');
    await db.prisma.user.update({ where: { id: user.id }, data: { active: false } });
    assert.equal((await signInWithPassword({ email: user.email, password: user.password }, freshAddress())).status, 'refused');
    assert.equal(await failuresFor(`email:${user.email}`), 1);
  });
});

describe('which lock, and for how long', () => {
  test('an account lock names the account, and ends a window after the oldest counted failure', async () => {
    const user = await newAccount('account-lock-password');
    const start = new Date();
    for (let minute = 0; minute < MAX_FAILED_SIGN_INS; minute++) {
      const at = new Date(start.getTime() + minute * 60_000);
      await signInWithPassword({ email: user.email, password: 'wrong' }, freshAddress(), { now: at });
    }
    const at = new Date(start.getTime() + 7 * 60_000);
    const outcome = await signInWithPassword({ email: user.email, password: user.password }, freshAddress(), { now: at });
    assert.equal(outcome.status, 'throttled');
    assert.deepEqual(outcome.status === 'throttled' && outcome.lock, {
      scope: 'account',
      until: new Date(start.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000),
    });
    // Once the oldest failure leaves the window, one more attempt is allowed.
    const later = new Date(start.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000 + 1);
    assert.equal((await signInWithPassword({ email: user.email, password: user.password }, freshAddress(), { now: later })).status, 'signed-in');
  });

  test(`an address limit (${MAX_FAILED_SIGN_INS_PER_ADDRESS} failures on any accounts) names the address`, async () => {
    const address = freshAddress();
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS_PER_ADDRESS; attempt++) {
      const outcome = await signInWithPassword({ email: `nobody-${attempt}@example.org`, password: 'guess' }, address);
      assert.equal(outcome.status, 'refused');
    }
    const user = await newAccount('address-lock-password');
    const outcome = await signInWithPassword({ email: user.email, password: user.password }, address);
    assert.equal(outcome.status === 'throttled' && outcome.lock.scope, 'address');
    assert.equal((await signInWithPassword({ email: user.email, password: user.password }, freshAddress())).status, 'signed-in');
  });

  test('clients whose address is unknown share one key, rather than none', async () => {
    await signInWithPassword({ email: 'unknown-1@example.org', password: 'guess' }, 'unknown');
    await signInWithPassword({ email: 'unknown-2@example.org', password: 'guess' }, 'unknown');
    assert.equal(await failuresFor('ip:unknown'), 2);
  });
});

describe('the attempt log', () => {
  test('attempts older than the window are pruned as new ones are recorded', async () => {
    const old = new Date(Date.now() - (SIGN_IN_WINDOW_MINUTES + 1) * 60_000);
    await db.prisma.signInAttempt.createMany({
      data: Array.from({ length: 30 }, (_, index) => ({ key: `email:stale-${index}@example.org`, succeeded: false, attemptedAt: old })),
    });
    const recent = new Date(Date.now() - 60_000);
    await db.prisma.signInAttempt.create({ data: { key: 'email:recent@example.org', succeeded: false, attemptedAt: recent } });
    await signInWithPassword({ email: 'anyone@example.org', password: 'guess' }, freshAddress());
    assert.equal(await db.prisma.signInAttempt.count({ where: { attemptedAt: { lt: new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000) } } }), 0);
    assert.equal(await failuresFor('email:recent@example.org'), 1, 'an attempt inside the window stays');
  });
});

describe('password hashes', () => {
  test('a legacy bcrypt hash signs in once, and is argon2id from then on; the session epoch is unchanged', async () => {
    const user = await newAccount('legacy-password', await bcrypt.hash('legacy-password', 10));
    const outcome = await signInWithPassword({ email: user.email, password: 'legacy-password' }, freshAddress());
    assert.equal(outcome.status, 'signed-in');
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, sessionEpoch: true } });
    assert.match(stored.passwordHash ?? '', /^\$argon2id\$/);
    assert.equal(stored.sessionEpoch, user.sessionEpoch);
    assert.equal((await signInWithPassword({ email: user.email, password: 'legacy-password' }, freshAddress())).status, 'signed-in');
    assert.equal((await signInWithPassword({ email: user.email, password: 'wrong' }, freshAddress())).status, 'refused');
  });

  test('a wrong password leaves a legacy hash alone', async () => {
    const legacy = await bcrypt.hash('legacy-password-2', 10);
    const user = await newAccount('legacy-password-2', legacy);
    await signInWithPassword({ email: user.email, password: 'wrong' }, freshAddress());
    assert.equal((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, legacy);
  });
});
