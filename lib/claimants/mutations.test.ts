import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ForbiddenError, type Actor } from '../permissions';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { messagesInEnglish } from '../testing/messages';
import { rejectsWith } from '../testing/mutation-error';
import { createClaimant, updateClaimant } from './mutations';
import { findClaimantMatches, listClaimants } from './queries';
import { createClaimantSchema, updateClaimantSchema } from './schema';

let db: SeededDatabase;
let editor: Actor;
let admin: Actor;
let moderator: Actor;

before(async () => {
  db = await openSeededDatabase();
  ({ editor, admin, moderator } = db.actors);
});
after(() => closeSeededDatabase(db));

describe('claimants', () => {
  test('the form reads aliases one per line or comma-separated, and checks the country code', () => {
    const parsed = createClaimantSchema.parse({ name: ' Kim Yo-jong ', kind: 'PERSON', aliases: 'Kim Yo Jong\nKim Yo-jong, kim yo jong,,', country: 'kp' });
    assert.deepEqual(parsed.aliases, ['Kim Yo Jong', 'Kim Yo-jong']);
    assert.equal(parsed.country, 'KP');
    assert.equal(parsed.name, 'Kim Yo-jong');
    const bad = createClaimantSchema.safeParse({ name: 'X', kind: 'ALIEN', country: 'Corée' });
    assert.equal(bad.success, false);
    const errors = bad.error?.flatten().fieldErrors ?? {};
    assert.deepEqual(messagesInEnglish(errors.kind), ['Choose whether the claimant is a person, an organisation, a government or a media outlet.']);
    assert.deepEqual(messagesInEnglish(errors.country), ['The country must be a two-letter ISO 3166-1 code, such as FR, KP or RU.']);
  });

  test('create gives a unique slug and an audit row; a namesake in the same country is refused', async () => {
    const first = await createClaimant(editor, createClaimantSchema.parse({ name: 'Kim Yo-jong', kind: 'PERSON', country: 'KP' }));
    const second = await createClaimant(editor, createClaimantSchema.parse({ name: 'Kim Yo-jong', kind: 'PERSON', country: 'KR' }));
    assert.equal(first.slug, 'kim-yo-jong');
    assert.equal(second.slug, 'kim-yo-jong-2');
    assert.equal(await db.prisma.auditEvent.count({ where: { entityType: 'Claimant', entityId: first.id, action: 'claimant.create' } }), 1);
    const namesake = await rejectsWith(createClaimant(editor, createClaimantSchema.parse({ name: 'kim yo-jong', kind: 'PERSON', country: 'KP' })), 'INVALID_STATE');
    assert.equal(namesake.message, 'A claimant with this name already exists.');
  });

  test('update keeps the slug, audits before and after, and refuses a stale version naming who saved', async () => {
    const lavrov = await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'sergei-lavrov' } });
    const fields = { id: lavrov.id, version: String(lavrov.version), name: 'Sergueï V. Lavrov', kind: 'PERSON', aliases: 'Lavrov', country: 'RU' };
    const saved = await updateClaimant(admin, updateClaimantSchema.parse(fields));
    assert.equal(saved.version, lavrov.version + 1);
    assert.ok(saved.publicTags.includes('claims'), 'his public claims show his name');
    assert.ok(saved.publicTags.includes('claimant:sergei-lavrov'), 'his own page');
    const row = await db.prisma.claimant.findUniqueOrThrow({ where: { id: lavrov.id } });
    assert.equal(row.slug, 'sergei-lavrov');
    assert.equal(row.name, 'Sergueï V. Lavrov');

    await rejectsWith(updateClaimant(editor, updateClaimantSchema.parse({ ...fields, name: 'Autre' })), 'CONFLICT', new RegExp(`This claimant was changed by ${admin.name}`));
    assert.equal((await db.prisma.claimant.findUniqueOrThrow({ where: { id: lavrov.id } })).name, 'Sergueï V. Lavrov');
  });

  test('search folds accents and case, and finds aliases; the list counts claims', async () => {
    const matches = await findClaimantMatches(editor, 'serguei');
    assert.ok(matches.some((m) => m.name.startsWith('Sergueï')));
    const byAlias = await findClaimantMatches(editor, 'choe sun');
    assert.ok(byAlias.some((m) => m.name === 'Choe Son-hui'));
    const list = await listClaimants(moderator);
    assert.ok(list.some((c) => c.slug === 'sergei-lavrov' && c.claimCount > 0));
  });

  test('a moderator can neither create nor edit claimants', async () => {
    const before = [await db.prisma.claimant.count(), await db.prisma.auditEvent.count()];
    const lavrov = await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'sergei-lavrov' } });
    await assert.rejects(createClaimant(moderator, createClaimantSchema.parse({ name: 'Nouveau', kind: 'MEDIA' })), ForbiddenError);
    await assert.rejects(
      updateClaimant(moderator, updateClaimantSchema.parse({ id: lavrov.id, version: String(lavrov.version), name: 'X', kind: 'PERSON' })),
      ForbiddenError,
    );
    assert.deepEqual([await db.prisma.claimant.count(), await db.prisma.auditEvent.count()], before);
  });
});
