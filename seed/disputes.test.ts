import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findPublicChallenges } from '../lib/disputes/queries';
import { listDisputeQueue } from '../lib/disputes/dashboard-queries';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../lib/testing/demo-actors';
import { seedDisputes } from './data/disputes';
import { seedDatabase } from './seed-database';

// The seeded disputes: what the demo moderator finds in the queue, the one
// that produced the seed's correction, the rejected one — and a second run
// of the seed adds none of them again.

let db: SeededDatabase;
before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

describe('the seeded disputes', () => {
  test('one upheld by the existing correction, one rejected with its reason, two waiting for a moderator', async () => {
    const rows = await db.prisma.dispute.findMany({
      include: { claim: { select: { slug: true } }, correction: { select: { fromVerdict: { select: { number: true } } } }, statusHistory: { orderBy: { changedAt: 'asc' } } },
      orderBy: { createdAt: 'asc' },
    });
    assert.equal(rows.length, seedDisputes.length);
    const bySlug = new Map(rows.map((row) => [row.claim.slug, row]));
    const upheld = bySlug.get('blinken-10-000-soldats-nord-coreens-en-russie');
    assert.equal(upheld?.status, 'UPHELD');
    assert.equal(upheld?.correction?.fromVerdict.number, 1);
    assert.deepEqual(upheld?.statusHistory.map((change) => change.toStatus), ['OPEN', 'TRIAGED', 'ESCALATED', 'UPHELD']);
    const rejected = bySlug.get('kremlin-soldats-nord-coreens-fausses-nouvelles');
    assert.equal(rejected?.status, 'REJECTED');
    assert.ok(rejected?.closedAt && rejected.resolutionNote);
    assert.ok(rows.every((row) => row.contactEmail === null && row.followUpTokenHash === null), 'the seed holds no personal data and no link');

    const queue = await listDisputeQueue(db.actors.moderator, {});
    assert.deepEqual(queue.items.map((item) => item.status), ['OPEN', 'OPEN'], 'the demo moderator has work waiting');
    const challenges = await findPublicChallenges('blinken-10-000-soldats-nord-coreens-en-russie');
    assert.equal(challenges.decided[0]?.status, 'UPHELD');
    assert.ok(challenges.decided[0]?.correction);
  });

  test('seeding again adds no dispute', async () => {
    const before = await db.prisma.dispute.count();
    const report = await seedDatabase(db.prisma, { demoUsers: true });
    assert.equal(report.created.disputes, undefined);
    assert.deepEqual(report.created, {});
    assert.equal(await db.prisma.dispute.count(), before);
  });
});
