import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runMutation } from '../mutations/transaction';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { reserveRateLimitedAttempt } from './mutations';
import { minutesUntil, type RateLimitRule, retryAt } from './rules';

// The rate-limit store against real PostgreSQL: limits per key, several keys
// at once, parallel attempts, windows that slide, and rollbacks.

let db: SeededDatabase;
let run = 0;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

const HOUR = 60 * 60_000;
const reserve = (rules: RateLimitRule[], now: Date) => runMutation((tx) => reserveRateLimitedAttempt(tx, rules, now));
const uniqueKey = (what: string) => `test-${what}:${process.pid}-${++run}`;

describe('reserveRateLimitedAttempt', () => {
  test('lets `limit` attempts through, then refuses until the oldest leaves the window', async () => {
    const rule = { key: uniqueKey('address'), limit: 5, windowMs: HOUR };
    const start = new Date('2026-03-01T10:00:00Z');
    for (let minute = 0; minute < 5; minute++) {
      const reservation = await reserve([rule], new Date(start.getTime() + minute * 60_000));
      assert.equal(reservation.reserved, true, `attempt ${minute + 1}`);
    }
    const sixth = await reserve([rule], new Date(start.getTime() + 10 * 60_000));
    assert.deepEqual(sixth, { reserved: false, refusal: { key: rule.key, retryAt: new Date(start.getTime() + HOUR) } });
    // One hour after the first attempt, one slot is free again (and only one).
    assert.equal((await reserve([rule], new Date(start.getTime() + HOUR + 1))).reserved, true);
    assert.equal((await reserve([rule], new Date(start.getTime() + HOUR + 2))).reserved, false);
  });

  test('an attempt refused under one key is counted under none', async () => {
    const tight = { key: uniqueKey('address'), limit: 1, windowMs: HOUR };
    const loose = { key: uniqueKey('claim'), limit: 50, windowMs: 24 * HOUR };
    const now = new Date('2026-03-02T10:00:00Z');
    assert.equal((await reserve([tight, loose], now)).reserved, true);
    const refused = await reserve([tight, loose], now);
    assert.equal(refused.reserved, false);
    assert.equal(await db.prisma.rateLimitHit.count({ where: { key: loose.key } }), 1);
  });

  test('names the key that frees up last', async () => {
    const address = { key: uniqueKey('address'), limit: 1, windowMs: HOUR };
    const claim = { key: uniqueKey('claim'), limit: 1, windowMs: 24 * HOUR };
    const now = new Date('2026-03-03T10:00:00Z');
    await reserve([address, claim], now);
    const refused = await reserve([address, claim], new Date(now.getTime() + 60_000));
    assert.deepEqual(refused, { reserved: false, refusal: { key: claim.key, retryAt: new Date(now.getTime() + 24 * HOUR) } });
  });

  test('of 20 parallel attempts at a limit of 5, exactly 5 are counted', async () => {
    const rule = { key: uniqueKey('flood'), limit: 5, windowMs: HOUR };
    const now = new Date('2026-03-04T10:00:00Z');
    const results = await Promise.all(Array.from({ length: 20 }, () => reserve([rule], now)));
    assert.equal(results.filter((result) => result.reserved).length, 5);
    assert.equal(await db.prisma.rateLimitHit.count({ where: { key: rule.key } }), 5);
  });

  test('an attempt whose transaction rolls back is not counted', async () => {
    const rule = { key: uniqueKey('rollback'), limit: 1, windowMs: HOUR };
    const now = new Date('2026-03-05T10:00:00Z');
    await assert.rejects(
      runMutation(async (tx) => {
        await reserveRateLimitedAttempt(tx, [rule], now);
        throw new Error('the write it allowed failed');
      }),
      /the write it allowed failed/,
    );
    assert.equal((await reserve([rule], now)).reserved, true);
  });

  test('prunes hits whose window has passed', async () => {
    const stale = { key: uniqueKey('stale'), limit: 3, windowMs: 60_000 };
    const then = new Date('2026-01-01T00:00:00Z');
    await reserve([stale], then);
    assert.equal(await db.prisma.rateLimitHit.count({ where: { key: stale.key } }), 1);
    await reserve([{ key: uniqueKey('other'), limit: 3, windowMs: HOUR }], new Date('2026-03-06T00:00:00Z'));
    assert.equal(await db.prisma.rateLimitHit.count({ where: { key: stale.key } }), 0);
  });
});

describe('retryAt and minutesUntil', () => {
  test('under the limit there is no wait; minutes round up and are never zero', () => {
    assert.equal(retryAt([new Date()], { limit: 2, windowMs: HOUR }), null);
    const now = new Date('2026-03-01T10:00:00Z');
    assert.equal(minutesUntil(new Date(now.getTime() + 61_000), now), 2);
    assert.equal(minutesUntil(now, now), 1);
  });
});
