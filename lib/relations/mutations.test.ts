import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ForbiddenError, type Actor } from '../permissions';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { rejectsWith } from '../testing/mutation-error';
import { addRelation, removeRelation } from './mutations';
import { addRelationSchema } from './schema';

let db: SeededDatabase;
let editor: Actor;
let moderator: Actor;
const slugs = { draft: 'choe-son-hui-renforcer-arsenal-nucleaire', published: 'blinken-8-000-soldats-deployes-koursk' };
const ids: Record<keyof typeof slugs, string> = { draft: '', published: '' };

before(async () => {
  db = await openSeededDatabase();
  ({ editor, moderator } = db.actors);
  for (const key of Object.keys(slugs) as (keyof typeof slugs)[]) {
    ids[key] = (await db.prisma.claim.findUniqueOrThrow({ where: { slug: slugs[key] } })).id;
  }
});
after(() => closeSeededDatabase(db));

const refusal = (promise: Promise<unknown>) => rejectsWith(promise, 'INVALID_STATE');

describe('relations between claims', () => {
  test('link by slug or by public address, audited, refreshing the published claim', async () => {
    const added = await addRelation(editor, addRelationSchema.parse({ claimId: ids.draft, target: `https://attest.example/claims/${slugs.published}`, type: 'CONTRADICTS', note: 'Voir aussi' }));
    const row = await db.prisma.claimRelation.findUniqueOrThrow({ where: { id: added.id } });
    assert.deepEqual([row.fromClaimId, row.toClaimId, row.type, row.note], [ids.draft, ids.published, 'CONTRADICTS', 'Voir aussi']);
    assert.ok(added.publicTags.includes(`claim:${slugs.published}`));
    assert.equal(await db.prisma.auditEvent.count({ where: { entityType: 'ClaimRelation', entityId: added.id, action: 'relation.create' } }), 1);

    const duplicate = await refusal(addRelation(editor, addRelationSchema.parse({ claimId: ids.draft, target: slugs.published, type: 'CONTRADICTS' })));
    assert.deepEqual(duplicate.fieldErrors.target, ['These claims are already linked this way.']);

    await removeRelation(editor, { relationId: added.id });
    assert.equal(await db.prisma.claimRelation.count({ where: { id: added.id } }), 0);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: added.id, action: 'relation.delete' } }), 1);
  });

  test('an unknown claim is named in the refusal', async () => {
    const error = await refusal(addRelation(editor, addRelationSchema.parse({ claimId: ids.draft, target: 'aucune-affirmation-ici', type: 'RELATED' })));
    assert.deepEqual(error.fieldErrors.target, ['No claim has the slug or id “aucune-affirmation-ici”.']);
  });

  test('a claim cannot be related to itself', async () => {
    const error = await refusal(addRelation(editor, addRelationSchema.parse({ claimId: ids.draft, target: slugs.draft, type: 'RELATED' })));
    assert.deepEqual(error.fieldErrors.target, ['A claim cannot be related to itself.']);
    assert.equal(await db.prisma.claimRelation.count({ where: { fromClaimId: ids.draft, toClaimId: ids.draft } }), 0);
  });

  test('a symmetric link is not recorded twice in opposite directions', async () => {
    await addRelation(editor, addRelationSchema.parse({ claimId: ids.draft, target: ids.published, type: 'SAME_AS' }));
    const error = await refusal(addRelation(editor, addRelationSchema.parse({ claimId: ids.published, target: ids.draft, type: 'SAME_AS' })));
    assert.deepEqual(error.fieldErrors.target, ['These claims are already linked this way.']);
  });

  test('a moderator can neither link nor unlink, and nothing is written', async () => {
    const existing = await db.prisma.claimRelation.findFirstOrThrow();
    const before = [await db.prisma.claimRelation.count(), await db.prisma.auditEvent.count()];
    await assert.rejects(addRelation(moderator, addRelationSchema.parse({ claimId: ids.draft, target: ids.published, type: 'SUPPORTS' })), ForbiddenError);
    await assert.rejects(removeRelation(moderator, { relationId: existing.id }), ForbiddenError);
    assert.deepEqual([await db.prisma.claimRelation.count(), await db.prisma.auditEvent.count()], before);
  });
});
