import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordAudit } from '../audit/record';
import { prisma } from '../db';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { inEnglish, inFrench } from '../testing/messages';
import { MutationError } from './errors';
import { runMutation } from './transaction';

// The one write path every mutation takes, against a clone of the seeded database.

let db: SeededDatabase;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

describe('runMutation', () => {
  test('refuses a query through the outer client inside the transaction, and writes nothing', async () => {
    const before = await db.prisma.claimant.count();
    await assert.rejects(
      runMutation(async (tx) => {
        await tx.claimant.create({ data: { slug: 'stray-outer-client', name: 'Stray', kind: 'PERSON' } });
        // On the embedded database this query would wait for the transaction that waits for it.
        return prisma.claimant.count();
      }),
      /used inside a mutation's transaction: use the transaction client \(tx\)/,
    );
    assert.equal(await db.prisma.claimant.count(), before, 'the transaction rolled back');
    assert.equal(await prisma.claimant.count(), before, 'the outer client works again outside the transaction');
  });

  test('a stale record becomes a conflict that names who changed it, read after the rollback', async () => {
    const claimant = await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'sergei-lavrov' }, select: { id: true } });
    await runMutation((tx) =>
      recordAudit(tx, { actorId: db.actors.reviewer.id, action: 'claimant.update', entityType: 'Claimant', entityId: claimant.id }),
    );
    const { at } = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: claimant.id }, orderBy: { at: 'desc' }, select: { at: true } });
    const utcTime = at.toISOString().slice(11, 16);
    const error = await runMutation(async (tx) => {
      await tx.claimant.update({ where: { id: claimant.id }, data: { description: 'must be rolled back' } });
      throw MutationError.stale('Claimant', claimant.id, 'claimant');
    }).catch((caught: unknown) => caught);
    assert.ok(error instanceof MutationError);
    assert.equal(error.code, 'CONFLICT');
    // The time is the audit row's, in UTC, formatted for the reader's language.
    assert.match(inEnglish(error.message), new RegExp(`^This claimant was changed by ${db.actors.reviewer.name} at ${utcTime} UTC on [A-Z][a-z]{2} \\d{1,2}, \\d{4} — reload to see their changes\\.`));
    assert.match(inFrench(error.message), new RegExp(`^Cet auteur a été modifié par ${db.actors.reviewer.name} le \\d{1,2} \\p{L}+ \\d{4} à ${utcTime} UTC — rechargez la page`, 'u'));
    const after = await db.prisma.claimant.findUniqueOrThrow({ where: { id: claimant.id }, select: { description: true } });
    assert.notEqual(after.description, 'must be rolled back');
  });

  test('a unique violation on a listed index becomes its refusal; another index keeps its error', async () => {
    const existing = await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'sergei-lavrov' }, select: { slug: true } });
    const duplicate = () => runMutation((tx) => tx.claimant.create({ data: { slug: existing.slug, name: 'Copy', kind: 'PERSON' } }), {
      uniqueViolations: { claimants_slug_key: () => new MutationError('INVALID_STATE', 'This claimant already exists.') },
    });
    await assert.rejects(duplicate(), (error: unknown) => error instanceof MutationError && error.message === 'This claimant already exists.');
    await assert.rejects(
      runMutation((tx) => tx.claimant.create({ data: { slug: existing.slug, name: 'Copy', kind: 'PERSON' } }), {
        uniqueViolations: { some_other_index: () => new MutationError('INVALID_STATE', 'wrong mapping') },
      }),
      (error: unknown) => !(error instanceof MutationError) && (error as { code?: string }).code === 'P2002',
    );
  });
});
