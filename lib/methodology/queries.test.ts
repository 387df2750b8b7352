import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClaim, createVerdict } from '../../seed/factories/claims';
import { seedRatings } from '../../seed/data/ratings';
import { sliceCodePoints } from '../quotes/anchor';
import { sha256OfText } from '../sources/hash';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { findQuoteCheckExample, listPublicRatingScale } from './queries';

// What /methodology reads: the scale readers meet on the badges, and the
// quote its provenance check is shown on.

let db: SeededDatabase;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

describe('the public rating scale', () => {
  test('every active rating in the scale’s order, with both labels, both descriptions, its value and its colour', async () => {
    const scale = await listPublicRatingScale();
    assert.deepEqual(
      scale.map((rating) => rating.key),
      seedRatings.map((rating) => rating.key),
    );
    assert.deepEqual(scale.find((rating) => rating.key === 'mostly-true'), {
      key: 'mostly-true',
      labels: { fr: 'Plutôt vrai', en: 'Mostly true' },
      descriptions: {
        fr: 'L’affirmation est exacte mais demande une précision ou un complément.',
        en: 'The statement is accurate but needs clarification or additional information.',
      },
      value: 5,
      colour: '#4a7d17',
      active: true,
    });
    assert.equal(scale.find((rating) => rating.key === 'unproven')?.value, null);
  });

  test('a retired rating stays listed while a public verdict has it, so that its badges still lead somewhere; an unused one does not', async () => {
    const { editor, reviewer } = db.actors;
    const [used, unused] = await Promise.all(
      ['retiree-used', 'retiree-unused'].map((key, index) =>
        db.prisma.rating.create({
          data: { key, labelFr: `Retirée ${index}`, labelEn: `Retired ${index}`, descriptionFr: 'Ancienne note.', descriptionEn: 'Former rating.', value: null, colour: '#6e7781', position: 100 + index },
        }),
      ),
    );
    const claim = await createClaim(db.prisma, { status: 'PUBLISHED' });
    await createVerdict(db.prisma, { claimId: claim.id, authorId: editor.id, reviewerId: reviewer.id, state: 'PUBLISHED', ratingKey: used?.key });
    await db.prisma.rating.updateMany({ where: { key: { in: ['retiree-used', 'retiree-unused'] } }, data: { active: false } });

    const scale = await listPublicRatingScale();
    assert.deepEqual(scale.find((rating) => rating.key === used?.key)?.active, false);
    assert.equal(scale.some((rating) => rating.key === unused?.key), false);
    assert.equal(scale.at(-1)?.key, used?.key, 'in the scale’s order');
  });
});

describe('the quote check example', () => {
  test('a quote of the newest published fact check that has one, whose offsets cut it out of its source’s archived text', async () => {
    const example = await findQuoteCheckExample();
    assert.ok(example);
    const newest = await db.prisma.claim.findFirst({ where: { status: 'PUBLISHED', appearances: { some: {} } }, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], select: { slug: true } });
    assert.equal(example.claim.slug, newest?.slug);
    const source = await db.prisma.source.findUniqueOrThrow({ where: { id: example.sourceId }, select: { text: true, sha256: true } });
    assert.equal(sliceCodePoints(source.text, example.start, example.end), example.exact);
    assert.equal(sha256OfText(source.text), source.sha256);
  });
});
