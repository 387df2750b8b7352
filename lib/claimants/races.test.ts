import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MutationError } from '../mutations/errors';
import { addRelation } from '../relations/mutations';
import { addRelationSchema, relationTypes, symmetricRelationTypes } from '../relations/schema';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { fieldErrorsInEnglish, inEnglish } from '../testing/messages';
import { createClaimant } from './mutations';
import { createClaimantSchema } from './schema';

// Editors double-click, and two of them enter the same thing at once. The
// check-then-insert in the mutations cannot see a row another transaction has
// not committed yet: only the unique indexes of migration
// 20261201100100_unique_races stop the second row.

let db: SeededDatabase;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

function settled<T>(promises: Promise<T>[]) {
  return Promise.allSettled(promises).then((results) => ({
    created: results.filter((result) => result.status === 'fulfilled'),
    refusals: results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : [])),
  }));
}

test('five identical claimant creations sent at once store one claimant and refuse four as "already exists"', async () => {
  const { editor } = db.actors;
  const input = () => createClaimantSchema.parse({ name: 'Porte-parole du ministère de la Défense', kind: 'PERSON', country: 'RU' });
  const { created, refusals } = await settled(Array.from({ length: 5 }, () => createClaimant(editor, input())));

  const rows = await db.prisma.claimant.count({ where: { name: { equals: 'porte-parole du ministère de la défense', mode: 'insensitive' }, country: 'RU' } });
  assert.equal(rows, 1, 'exactly one claimant is stored');
  assert.equal(created.length, 1);
  assert.equal(refusals.length, 4);
  for (const refusal of refusals) {
    assert.ok(refusal instanceof MutationError, `a refusal, not ${String(refusal)}`);
    assert.equal(inEnglish(refusal.message), 'A claimant with this name already exists.');
    assert.deepEqual(fieldErrorsInEnglish(refusal.fieldErrors).name, ['A claimant with this name and country already exists: choose it instead of creating it again.']);
  }
});

test('the same name differing only in case, with no country, races the same way', async () => {
  const { editor } = db.actors;
  const names = ['Comité central', 'COMITÉ CENTRAL', 'comité central', 'Comité Central', 'comité CENTRAL'];
  const { created, refusals } = await settled(names.map((name) => createClaimant(editor, createClaimantSchema.parse({ name, kind: 'ORGANISATION' }))));
  assert.equal(created.length, 1);
  assert.equal(refusals.filter((refusal) => refusal instanceof MutationError && /already exists/.test(inEnglish(refusal.message))).length, 4);
  assert.equal(await db.prisma.claimant.count({ where: { name: { equals: 'comité central', mode: 'insensitive' }, country: null } }), 1);
});

test('A SAME_AS B and B SAME_AS A sent together store one link and refuse the other', async () => {
  const { editor, reviewer } = db.actors;
  const [a, b] = await db.prisma.claim.findMany({ where: { relationsFrom: { none: {} }, relationsTo: { none: {} } }, orderBy: { id: 'asc' }, take: 2, select: { id: true, slug: true } });
  assert.ok(a && b, 'two seeded claims without links');
  const { created, refusals } = await settled([
    addRelation(editor, addRelationSchema.parse({ claimId: a.id, target: b.slug, type: 'SAME_AS' })),
    addRelation(reviewer, addRelationSchema.parse({ claimId: b.id, target: a.slug, type: 'SAME_AS' })),
  ]);
  const links = await db.prisma.claimRelation.count({
    where: { type: 'SAME_AS', OR: [{ fromClaimId: a.id, toClaimId: b.id }, { fromClaimId: b.id, toClaimId: a.id }] },
  });
  assert.equal(links, 1, 'exactly one link is stored');
  assert.equal(created.length, 1);
  assert.equal(refusals.length, 1);
  const [refusal] = refusals;
  assert.ok(refusal instanceof MutationError, `a refusal, not ${String(refusal)}`);
  assert.deepEqual(fieldErrorsInEnglish(refusal.fieldErrors).target, ['These claims are already linked this way.']);
});

test('a one-way relation may still be recorded in both directions', async () => {
  const { editor } = db.actors;
  const [a, b] = await db.prisma.claim.findMany({ where: { relationsFrom: { none: {} }, relationsTo: { none: {} } }, orderBy: { id: 'desc' }, take: 2, select: { id: true, slug: true } });
  assert.ok(a && b);
  await addRelation(editor, addRelationSchema.parse({ claimId: a.id, target: b.slug, type: 'SUPPORTS' }));
  await addRelation(editor, addRelationSchema.parse({ claimId: b.id, target: a.slug, type: 'SUPPORTS' }));
  assert.equal(await db.prisma.claimRelation.count({ where: { type: 'SUPPORTS', OR: [{ fromClaimId: a.id }, { fromClaimId: b.id }], toClaimId: { in: [a.id, b.id] } } }), 2);
});

test('the pair index covers exactly the relation types the app treats as symmetric', async () => {
  const [index] = await db.sql<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = 'claim_relations_symmetric_pair_key'`;
  assert.ok(index, 'the index exists');
  const indexed = relationTypes.filter((type) => index.indexdef.includes(`'${type}'`));
  assert.deepEqual(indexed, relationTypes.filter((type) => symmetricRelationTypes.has(type)));
});
