import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ForbiddenError, type Actor } from '../permissions';
import { locateQuote, sliceCodePoints, verifyAnchor } from '../quotes/anchor';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { inFrench } from '../testing/messages';
import { rejectsWith } from '../testing/mutation-error';
import { addAppearance, AmbiguousQuoteError, removeAppearance } from './mutations';
import { addAppearanceSchema } from './schema';

// Pinning a claim to the passage of an archived source: the server finds the
// passage itself, asks which one when it occurs several times, and never lets
// a published quote disappear.

let db: SeededDatabase;
let editor: Actor;
let moderator: Actor;
let draft: { id: string; claimantId: string };
let source: { id: string; text: string };

before(async () => {
  db = await openSeededDatabase();
  ({ editor, moderator } = db.actors);
  draft = await db.prisma.claim.findUniqueOrThrow({ where: { slug: 'zelensky-troupes-nord-coreennes-vont-croitre' }, select: { id: true, claimantId: true } });
  // The longest seed article: it names "Russie" many times.
  const sources = await db.prisma.source.findMany({ select: { id: true, text: true } });
  source = sources.sort((a, b) => b.text.length - a.text.length)[0] ?? assert.fail('no source');
});
after(() => closeSeededDatabase(db));

function form(fields: Record<string, string>) {
  return addAppearanceSchema.parse({ claimId: draft.id, sourceId: source.id, speakerId: draft.claimantId, stance: 'REPORTS', ...fields });
}

/** A passage that occurs exactly once in the source. */
function uniquePassage(from: number, length = 40): string {
  for (let at = from; at < source.text.length - length; at += 7) {
    const candidate = source.text.slice(at, at + length).trim();
    if (candidate.length > 20 && locateQuote(source.text, candidate).length === 1) return candidate;
  }
  return assert.fail('no unique passage');
}

const fieldErrorsOf = (promise: Promise<unknown>) => rejectsWith(promise, 'INVALID_STATE');

describe('adding an appearance', () => {
  test('locates the quote and stores its anchor with code-point offsets, plus an audit row', async () => {
    const quote = uniquePassage(200);
    const added = await addAppearance(editor, form({ quote }));
    const row = await db.prisma.appearance.findUniqueOrThrow({ where: { id: added.id } });
    const [expected] = locateQuote(source.text, quote);
    assert.ok(expected);
    assert.deepEqual({ exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end }, expected);
    assert.equal(sliceCodePoints(source.text, row.start, row.end), quote);
    assert.equal(verifyAnchor(source.text, row), null);
    assert.equal(row.createdById, editor.id);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityType: 'Appearance', entityId: row.id, action: 'appearance.create' } }), 1);
  });

  test('a quote that is not in the source is refused on the Quote field', async () => {
    const error = await fieldErrorsOf(addAppearance(editor, form({ quote: 'Une phrase que personne n’a jamais écrite.' })));
    assert.equal(error.message, 'Check the quote.');
    assert.deepEqual(error.fieldErrors.quote, ['This quote is not in the source text']);
  });

  test('an ambiguous quote lists its occurrences, then is accepted with the chosen occurrence', async () => {
    const anchors = locateQuote(source.text, 'Russie');
    assert.ok(anchors.length > 2);
    const refusal = await fieldErrorsOf(addAppearance(editor, form({ quote: 'Russie' })));
    const error = refusal.error;
    assert.ok(error instanceof AmbiguousQuoteError);
    assert.deepEqual(refusal.fieldErrors.quote, [`This quote appears ${anchors.length} times in the source: choose which one.`]);
    assert.deepEqual(error.fieldErrors?.quote?.map(inFrench), [`Cette citation apparaît ${anchors.length} fois dans la source\u00a0: choisissez laquelle.`]);
    assert.equal(error.occurrences.length, anchors.length);
    assert.deepEqual(error.occurrences.map((o) => o.start), anchors.map((a) => a.start));
    assert.ok(error.occurrences.every((o) => o.exact === 'Russie' && o.prefix.length > 0));

    const added = await addAppearance(editor, form({ quote: 'Russie', occurrence: '2' }));
    const row = await db.prisma.appearance.findUniqueOrThrow({ where: { id: added.id } });
    assert.equal(row.start, anchors[2]?.start);
  });

  test('a mouse selection picks the occurrence it starts at', async () => {
    const anchors = locateQuote(source.text, 'Russie');
    const last = anchors.at(-1) ?? assert.fail();
    const added = await addAppearance(editor, form({ quote: 'Russie', selectionStart: String(last.start) }));
    assert.equal((await db.prisma.appearance.findUniqueOrThrow({ where: { id: added.id } })).start, last.start);
  });

  test('the same passage twice for the same claim is refused', async () => {
    const quote = uniquePassage(600);
    await addAppearance(editor, form({ quote }));
    const error = await fieldErrorsOf(addAppearance(editor, form({ quote, stance: 'ASSERTS' })));
    assert.deepEqual(error.fieldErrors.quote, ['This passage of this source is already an appearance of this claim.']);
  });
});

describe('removing an appearance', () => {
  test('works on a draft, with an appearance.delete audit row', async () => {
    const added = await addAppearance(editor, form({ quote: uniquePassage(1000) }));
    await removeAppearance(editor, { appearanceId: added.id });
    assert.equal(await db.prisma.appearance.count({ where: { id: added.id } }), 0);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: added.id, action: 'appearance.delete' } });
    assert.equal((audit.before as { id: string }).id, added.id);
  });

  test('is refused on a published claim: a published quote never disappears', async () => {
    const published = await db.prisma.appearance.findFirstOrThrow({ where: { claim: { status: 'PUBLISHED' } } });
    const error = await fieldErrorsOf(removeAppearance(editor, { appearanceId: published.id }));
    assert.match(error.message, /^This claim has been published, so its quotes cannot be removed/);
    assert.equal(await db.prisma.appearance.count({ where: { id: published.id } }), 1);
  });
});

describe('a moderator', () => {
  test('can neither add nor remove appearances, and nothing is written', async () => {
    const existing = await db.prisma.appearance.findFirstOrThrow({ where: { claimId: draft.id } });
    const before = [await db.prisma.appearance.count(), await db.prisma.auditEvent.count()];
    await assert.rejects(addAppearance(moderator, form({ quote: uniquePassage(1500) })), ForbiddenError);
    await assert.rejects(removeAppearance(moderator, { appearanceId: existing.id }), ForbiddenError);
    assert.deepEqual([await db.prisma.appearance.count(), await db.prisma.auditEvent.count()], before);
  });
});
