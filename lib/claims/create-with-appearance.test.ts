import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { codePointLength, locateQuote, sliceCodePoints, verifyAnchor } from '../quotes/anchor';
import { closeSeededDatabase, openSeededDatabase, type DemoActors, type SeededDatabase } from '../testing/demo-actors';
import { rejectsWith } from '../testing/mutation-error';
import { createClaim } from './mutations';
import { createClaimSchema } from './schema';

// A claim created from a suggested quote: the claim, its first appearance
// and a SAME_AS link are written in one transaction, each with its audit row,
// through the appearances' own anchoring (locateQuote + chooseAnchor).

let db: SeededDatabase;
let actors: DemoActors;
let source: { id: string; text: string };
let blinkenId: string;

const BLINKEN_QUOTE = '10 000 soldats nord-coréens seraient entrés en Russie';

before(async () => {
  db = await openSeededDatabase();
  actors = db.actors;
  const sources = await db.prisma.source.findMany({ select: { id: true, text: true } });
  source = sources.find((row) => row.text.includes(BLINKEN_QUOTE)) ?? assert.fail('no seed article with the Blinken quote');
  blinkenId = (await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'antony-blinken' } })).id;
});
after(() => closeSeededDatabase(db));

function claimForm(fields: Record<string, string>) {
  const parsed = createClaimSchema.safeParse(fields);
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  return parsed.data;
}

/** Code-point offset of the nth (0-based) occurrence of `passage`, as a suggestion carries it. */
function offsetOf(passage: string, nth = 0): number {
  let at = -1;
  for (let index = 0; index <= nth; index++) at = source.text.indexOf(passage, at + 1);
  assert.notEqual(at, -1, `“${passage}” occurs fewer than ${nth + 1} times`);
  return codePointLength(source.text.slice(0, at));
}

const claimCount = (summary: string) => db.prisma.claim.count({ where: { summary } });

describe('creating a claim from a suggested quote', () => {
  test('writes the claim, its appearance at the quote’s offsets and both audit rows', async () => {
    const start = offsetOf(BLINKEN_QUOTE);
    const saved = await createClaim(
      actors.editor,
      claimForm({
        // Not the seed's own Blinken claim in other words: that one is the near-duplicate test below.
        text: 'Un test qui crée une affirmation depuis une citation suggérée.',
        summary: 'Blinken : 10 000 soldats entrés en Russie (suggestion)',
        claimantId: blinkenId,
        appearanceSourceId: source.id,
        appearanceQuote: BLINKEN_QUOTE,
        appearanceSelectionStart: String(start),
        appearanceSpeakerId: blinkenId,
        appearanceStance: 'ASSERTS',
      }),
    );
    const appearances = await db.prisma.appearance.findMany({ where: { claimId: saved.id } });
    assert.equal(appearances.length, 1);
    const [appearance] = appearances;
    assert.ok(appearance);
    assert.deepEqual([appearance.sourceId, appearance.start, appearance.end, appearance.speakerId, appearance.stance], [source.id, start, start + codePointLength(BLINKEN_QUOTE), blinkenId, 'ASSERTS']);
    assert.equal(sliceCodePoints(source.text, appearance.start, appearance.end), BLINKEN_QUOTE);
    assert.equal(verifyAnchor(source.text, appearance), null);
    assert.equal(appearance.createdById, actors.editor.id);

    const audit = await db.prisma.auditEvent.findMany({ where: { OR: [{ entityId: saved.id }, { entityId: appearance.id }] }, orderBy: { id: 'asc' } });
    assert.deepEqual(audit.map((row) => row.action).sort(), ['appearance.create', 'claim.create']);
    assert.ok(audit.every((row) => row.actorId === actors.editor.id));
  });

  test('without a speaker, the claim’s claimant is the speaker; a DENIES stance is kept', async () => {
    const quote = 'ont été déployés dans la région de Koursk';
    const saved = await createClaim(
      actors.editor,
      claimForm({
        text: 'Des soldats ont été déployés à Koursk.',
        summary: 'Déployés à Koursk (sans orateur)',
        claimantId: blinkenId,
        appearanceSourceId: source.id,
        appearanceQuote: quote,
        appearanceSelectionStart: String(offsetOf(quote)),
        appearanceSpeakerId: '',
        appearanceStance: 'DENIES',
      }),
    );
    const appearance = await db.prisma.appearance.findFirstOrThrow({ where: { claimId: saved.id } });
    assert.equal(appearance.speakerId, blinkenId);
    assert.equal(appearance.stance, 'DENIES');
  });

  test('a quote that is not in the source is refused on the quote field and writes no claim', async () => {
    const summary = 'Citation absente de la source';
    const refusal = await rejectsWith(
      createClaim(
        actors.editor,
        claimForm({ text: `Texte : ${summary}`, summary, claimantId: blinkenId, appearanceSourceId: source.id, appearanceQuote: 'une phrase que cet article ne contient pas' }),
      ),
      'INVALID_STATE',
    );
    assert.deepEqual(Object.keys(refusal.fieldErrors), ['appearanceQuote']);
    assert.match(refusal.fieldErrors.appearanceQuote?.[0] ?? '', /not in the source/);
    assert.equal(await claimCount(summary), 0);
    assert.equal(await db.prisma.auditEvent.count({ where: { action: 'claim.create', after: { path: ['summary'], equals: summary } } }), 0);
  });

  test('a quote that occurs several times is placed by the selection start, and refused without one', async () => {
    const passage = 'Corée du Nord';
    const occurrences = locateQuote(source.text, passage);
    assert.ok(occurrences.length > 2, 'the article names North Korea several times');
    const second = offsetOf(passage, 1);
    const saved = await createClaim(
      actors.editor,
      claimForm({ text: 'Texte : Seconde occurrence', summary: 'Seconde occurrence', claimantId: blinkenId, appearanceSourceId: source.id, appearanceQuote: passage, appearanceSelectionStart: String(second) }),
    );
    const appearance = await db.prisma.appearance.findFirstOrThrow({ where: { claimId: saved.id } });
    assert.equal(appearance.start, second);

    const summary = 'Occurrence non choisie';
    const refusal = await rejectsWith(
      createClaim(actors.editor, claimForm({ text: `Texte : ${summary}`, summary, claimantId: blinkenId, appearanceSourceId: source.id, appearanceQuote: passage })),
      'INVALID_STATE',
    );
    assert.match(refusal.fieldErrors.appearanceQuote?.[0] ?? '', /appears \d+ times/);
    assert.equal(await claimCount(summary), 0);
  });

  test('a source that does not exist is refused on the source field, and nothing is written', async () => {
    const summary = 'Source disparue';
    const refusal = await rejectsWith(
      createClaim(actors.editor, claimForm({ text: `Texte : ${summary}`, summary, claimantId: blinkenId, appearanceSourceId: 'no-such-source', appearanceQuote: BLINKEN_QUOTE })),
      'INVALID_STATE',
    );
    assert.deepEqual(Object.keys(refusal.fieldErrors), ['appearanceSourceId']);
    assert.equal(await claimCount(summary), 0);
  });

  test('a source without a quote is a validation error on the quote', () => {
    const parsed = createClaimSchema.safeParse({ text: 'Texte : S', summary: 'S', claimantId: blinkenId, appearanceSourceId: source.id, appearanceQuote: '  ' });
    assert.equal(parsed.success, false);
    assert.deepEqual(parsed.error?.issues.map((issue) => issue.path.join('.')), ['appearanceQuote']);
  });

  test('a moderator (no claim or appearance rights) writes nothing', async () => {
    await assert.rejects(
      createClaim(actors.moderator, claimForm({ text: 'Texte : Modérateur', summary: 'Modérateur', claimantId: blinkenId, appearanceSourceId: source.id, appearanceQuote: BLINKEN_QUOTE })),
      { name: 'ForbiddenError' },
    );
  });
});

describe('creating a claim as the same as another one', () => {
  test('links them with a SAME_AS relation and its audit row, in the same transaction', async () => {
    const other = await db.prisma.claim.findFirstOrThrow({ where: { claimantId: blinkenId }, select: { id: true } });
    const saved = await createClaim(actors.editor, claimForm({ text: 'Autrement dit', summary: 'Même affirmation, autres mots', claimantId: blinkenId, sameAsClaimId: other.id }));
    const relation = await db.prisma.claimRelation.findFirstOrThrow({ where: { fromClaimId: saved.id } });
    assert.deepEqual([relation.toClaimId, relation.type, relation.createdById], [other.id, 'SAME_AS', actors.editor.id]);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityType: 'ClaimRelation', entityId: relation.id, action: 'relation.create' } }), 1);
  });

  test('a SAME_AS target that does not exist writes no claim', async () => {
    const summary = 'Lien vers nulle part';
    await rejectsWith(createClaim(actors.editor, claimForm({ text: `Texte : ${summary}`, summary, claimantId: blinkenId, sameAsClaimId: 'no-such-claim' })), 'INVALID_STATE');
    assert.equal(await claimCount(summary), 0);
  });
});

describe('saving a claim nearly identical to another of the same claimant', () => {
  const seedText = '10 000 soldats nord-coréens sont entrés en Russie.';

  test('is refused without a confirmation, naming the other claim on the text field', async () => {
    const other = await db.prisma.claim.findFirstOrThrow({ where: { text: seedText }, select: { id: true, summary: true } });
    const summary = 'Doublon non confirmé';
    const refusal = await rejectsWith(createClaim(actors.editor, claimForm({ text: '10 000 soldats nord-coréens sont entrés en Russie', summary, claimantId: blinkenId })), 'INVALID_STATE');
    assert.ok(refusal.fieldErrors.text?.[0]?.includes(other.summary), refusal.fieldErrors.text?.[0]);
    assert.deepEqual((refusal.error as { duplicate?: { id: string } }).duplicate?.id, other.id);
    assert.equal(await claimCount(summary), 0);
  });

  test('is saved once the editor confirms that very claim', async () => {
    const other = await db.prisma.claim.findFirstOrThrow({ where: { text: seedText }, select: { id: true } });
    const saved = await createClaim(
      actors.editor,
      claimForm({ text: '10 000 soldats nord-coréens sont entrés en Russie', summary: 'Doublon confirmé', claimantId: blinkenId, confirmDuplicateOf: other.id }),
    );
    assert.equal(await claimCount('Doublon confirmé'), 1);
    assert.ok(saved.id);
  });

  test('linking it as the same claim as that one is confirmation enough', async () => {
    const other = await db.prisma.claim.findFirstOrThrow({ where: { text: seedText }, select: { id: true } });
    const saved = await createClaim(actors.editor, claimForm({ text: seedText, summary: 'Doublon lié', claimantId: blinkenId, sameAsClaimId: other.id }));
    assert.equal(await db.prisma.claimRelation.count({ where: { fromClaimId: saved.id, toClaimId: other.id, type: 'SAME_AS' } }), 1);
  });

  test('the same text by another claimant is not a duplicate', async () => {
    const lavrov = await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'sergei-lavrov' } });
    await createClaim(actors.editor, claimForm({ text: seedText, summary: 'Même texte, autre orateur', claimantId: lavrov.id }));
    assert.equal(await claimCount('Même texte, autre orateur'), 1);
  });
});
