import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getPrisma } from '../db';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { type ClaimMatch, findClaimMatches, findMatchesOfClaim, findNearDuplicateClaim, findRelatedFactChecks } from './queries';
import { claimMatchRequestSchema, type ClaimMatchRequestInput } from './schema';

// Claim matching on the seeded corpus, against real PostgreSQL: a claim
// already logged is found when an editor types it in other words, the same
// claimant's nearly identical wording is flagged, the public block never
// shows a draft, and nothing an editor can type or paste makes it fail.

let db: SeededDatabase;
let blinkenId: string;
let tenThousand: { id: string; slug: string };

const TEN_THOUSAND = 'blinken-10-000-soldats-nord-coreens-en-russie';
const REWORDED = 'Selon Blinken, dix mille militaires nord-coréens sont arrivés en Russie';

before(async () => {
  db = await openSeededDatabase();
  const [claimant] = await db.sql<{ id: string }[]>`SELECT id FROM claimants WHERE slug = 'antony-blinken'`;
  const [claim] = await db.sql<{ id: string; slug: string }[]>`SELECT id, slug FROM claims WHERE slug = ${TEN_THOUSAND}`;
  assert.ok(claimant && claim, 'the seed has Antony Blinken’s 10,000-soldiers claim');
  blinkenId = claimant.id;
  tenThousand = claim;
});
after(() => closeSeededDatabase(db));

function match(input: ClaimMatchRequestInput, limit?: number): Promise<ClaimMatch[]> {
  return findClaimMatches(db.actors.editor, claimMatchRequestSchema.parse(input), limit);
}

const slugs = (matches: { slug: string }[]) => matches.map((found) => found.slug);

describe('a claim already logged is found while the editor types it again', () => {
  test('in other words, without a claimant yet: the 10,000-soldiers claim comes first', async () => {
    const found = await match({ text: REWORDED });
    assert.equal(found[0]?.slug, TEN_THOUSAND, slugs(found).join(', '));
    assert.ok(found[0]?.reasons.includes('TEXT'));
    assert.equal(found[0]?.nearDuplicate, false, 'other words are not a near duplicate');
    assert.equal(found[0]?.status, 'PUBLISHED');
    assert.equal(found[0]?.claimant.name, 'Antony Blinken');
    const [current] = await db.sql<{ key: string }[]>`
      SELECT r.key FROM verdicts v JOIN ratings r ON r.id = v.rating_id
      WHERE v.claim_id = ${tenThousand.id} AND v.state = 'PUBLISHED' ORDER BY v.number DESC LIMIT 1`;
    assert.equal(found[0]?.rating?.key, current?.key, 'with its current published rating, as RatingBadge shows it');
  });

  test('with the claimant picked, or only typed (accents and case aside): the same claimant is a reason', async () => {
    for (const claimant of [{ claimantId: blinkenId }, { claimant: 'antony blinkén' }]) {
      const found = await match({ text: REWORDED, ...claimant });
      assert.equal(found[0]?.slug, TEN_THOUSAND, JSON.stringify(claimant));
      assert.deepEqual(found[0]?.reasons.includes('SAME_CLAIMANT'), true);
    }
  });

  test('by its summary alone', async () => {
    const found = await match({ summary: 'Blinken : dix mille soldats nord-coréens entrés en Russie' });
    assert.equal(found[0]?.slug, TEN_THOUSAND, slugs(found).join(', '));
    assert.ok(found[0]?.reasons.includes('SUMMARY'));
  });

  test('nearly the same words by the same claimant are a near duplicate; another claim of theirs is not', async () => {
    const found = await match({ text: '10 000 soldats nord-coreens sont entres en Russie !', claimantId: blinkenId });
    assert.equal(found[0]?.slug, TEN_THOUSAND);
    assert.equal(found[0]?.nearDuplicate, true);
    const others = found.filter((other) => other.slug !== TEN_THOUSAND);
    assert.ok(others.length > 0);
    assert.ok(others.every((other) => !other.nearDuplicate), slugs(others.filter((other) => other.nearDuplicate)).join(', '));
  });

  test('the same words by another claimant are a match, not a near duplicate', async () => {
    const [lavrov] = await db.sql<{ id: string }[]>`SELECT id FROM claimants WHERE slug = 'sergei-lavrov'`;
    const found = await match({ text: '10 000 soldats nord-coréens sont entrés en Russie.', claimantId: lavrov?.id ?? '' });
    assert.equal(found[0]?.slug, TEN_THOUSAND);
    assert.equal(found[0]?.nearDuplicate, false);
  });

  test('the same passage of a source: an overlapping appearance is found whatever the words', async () => {
    const [appearance] = await db.sql<{ source_id: string; start: number; end: number }[]>`
      SELECT source_id, start, "end" FROM appearances WHERE claim_id = ${tenThousand.id} ORDER BY start LIMIT 1`;
    assert.ok(appearance);
    const overlapping = await match({ text: 'Une tout autre formulation', sourceId: appearance.source_id, start: String(appearance.start + 5), end: String(appearance.end + 40) });
    const found = overlapping.find((other) => other.slug === TEN_THOUSAND);
    assert.ok(found?.reasons.includes('SAME_PASSAGE'), slugs(overlapping).join(', '));
    // Touching is not overlapping: the passage ending where the appearance starts.
    const before = await match({ text: 'Une tout autre formulation', sourceId: appearance.source_id, start: '0', end: String(appearance.start) });
    assert.ok(!before.find((other) => other.slug === TEN_THOUSAND)?.reasons.includes('SAME_PASSAGE'));
  });

  test('nothing typed: no match and no query', async () => {
    assert.deepEqual(await match({}), []);
    assert.deepEqual(await match({ text: '   ', summary: '' }), []);
  });
});

describe('what is left out', () => {
  test('the claim being edited, and the claims already linked to it', async () => {
    const alone = await match({ text: '10 000 soldats nord-coréens sont entrés en Russie.', excludeClaimId: tenThousand.id });
    assert.ok(!slugs(alone).includes(TEN_THOUSAND));
    const linkedTo = alone[0];
    assert.ok(linkedTo);
    await db.sql`INSERT INTO claim_relations (id, from_claim_id, to_claim_id, type) VALUES ('matching_test_relation', ${tenThousand.id}, ${linkedTo.id}, 'RELATED')`;
    try {
      const after = await match({ text: '10 000 soldats nord-coréens sont entrés en Russie.', excludeClaimId: tenThousand.id });
      assert.ok(!after.some((other) => other.id === linkedTo.id), 'a claim already linked is not offered again');
      const ofClaim = await findMatchesOfClaim(db.actors.editor, tenThousand.id);
      assert.ok(!ofClaim.some((other) => other.id === linkedTo.id || other.id === tenThousand.id));
    } finally {
      await db.sql`DELETE FROM claim_relations WHERE id = 'matching_test_relation'`;
    }
  });

  test('the public related fact checks: published claims only, never a draft or a claim in review', async () => {
    const prisma = getPrisma();
    const draft = await prisma.claim.create({
      data: {
        slug: 'matching-test-draft-10-000',
        text: '10 000 soldats nord-coréens sont entrés en Russie, selon Antony Blinken.',
        summary: 'Blinken : 10 000 soldats nord-coréens sont entrés en Russie (brouillon)',
        language: 'fr',
        claimantId: blinkenId,
        status: 'DRAFT',
      },
    });
    try {
      const editorSees = await match({ text: '10 000 soldats nord-coréens sont entrés en Russie.', claimantId: blinkenId }, 10);
      assert.ok(slugs(editorSees).includes(draft.slug), 'the newsroom sees its own draft');
      const related = await findRelatedFactChecks(TEN_THOUSAND, 10);
      assert.ok(related.length > 0, 'the 10,000-soldiers claim has related fact checks');
      assert.ok(!slugs(related).includes(draft.slug), 'no draft leaks into the public block');
      assert.ok(!slugs(related).includes(TEN_THOUSAND), 'not itself');
      const statuses = await db.sql<{ status: string }[]>`SELECT status FROM claims WHERE slug IN ${db.sql(slugs(related))}`;
      assert.deepEqual([...new Set(statuses.map((row) => row.status))], ['PUBLISHED']);
      // A draft or a claim in review has no public block at all (its wording is not matched on its behalf).
      assert.deepEqual(await findRelatedFactChecks(draft.slug), []);
      assert.deepEqual(await findRelatedFactChecks('blinken-troupes-pas-encore-au-combat'), []);
    } finally {
      await prisma.claim.delete({ where: { id: draft.id } });
    }
  });
});

describe('the save-time check (findNearDuplicateClaim)', () => {
  const prisma = () => getPrisma();

  test('the same text once folded, or nearly, by the same claimant: the other claim is named', async () => {
    for (const text of ['10 000 soldats nord-coreens sont entres en russie', '10 000 soldats nord-coréens sont entrés en Russie !', '10 000 soldats nord-coréens seraient entrés en Russie.']) {
      const found = await findNearDuplicateClaim(prisma(), { text, claimantId: blinkenId });
      assert.equal(found?.slug, TEN_THOUSAND, text);
      assert.equal(found?.summary, 'Blinken : 10 000 soldats nord-coréens sont entrés en Russie');
    }
  });

  test('another figure is another claim, however close the words; the same figure written otherwise is not', async () => {
    for (const text of ['12 000 soldats nord-coréens sont entrés en Russie.', '10 000 soldats nord-coréens sont entrés en Russie en 2024.']) {
      assert.equal(await findNearDuplicateClaim(prisma(), { text, claimantId: blinkenId }), null, text);
      const found = await match({ text, claimantId: blinkenId });
      assert.equal(found.find((other) => other.slug === TEN_THOUSAND)?.nearDuplicate, false, text);
    }
    const found = await findNearDuplicateClaim(prisma(), { text: '10\u202f000 soldats nord-coréens seraient entrés en Russie.', claimantId: blinkenId });
    assert.equal(found?.slug, TEN_THOUSAND);
  });

  test('other words, another claimant, or the claim itself: no confirmation asked', async () => {
    assert.equal(await findNearDuplicateClaim(prisma(), { text: REWORDED, claimantId: blinkenId }), null);
    assert.equal(await findNearDuplicateClaim(prisma(), { text: 'Jusqu’à 8 000 soldats nord-coréens sont déployés à Koursk.', claimantId: blinkenId }), null);
    const [lavrov] = await db.sql<{ id: string }[]>`SELECT id FROM claimants WHERE slug = 'sergei-lavrov'`;
    assert.equal(await findNearDuplicateClaim(prisma(), { text: '10 000 soldats nord-coréens sont entrés en Russie.', claimantId: lavrov?.id ?? '' }), null);
    const [own] = await db.sql<{ text: string }[]>`SELECT text FROM claims WHERE id = ${tenThousand.id}`;
    assert.equal(await findNearDuplicateClaim(prisma(), { text: own?.text ?? '', claimantId: blinkenId, excludeClaimId: tenThousand.id }), null);
    assert.equal(await findNearDuplicateClaim(prisma(), { text: '', claimantId: blinkenId }), null);
  });

  test('a claim already linked to the edited one as the same claim is not asked about again', async () => {
    const text = '10 000 soldats nord-coréens sont entrés en Russie !';
    const edited = await prisma().claim.create({
      data: { slug: 'linked-near-duplicate', text, summary: 'Déjà lié', language: 'fr', claimantId: blinkenId },
    });
    try {
      assert.equal((await findNearDuplicateClaim(prisma(), { text, claimantId: blinkenId, excludeClaimId: edited.id }))?.slug, TEN_THOUSAND);
      await prisma().claimRelation.create({ data: { fromClaimId: edited.id, toClaimId: tenThousand.id, type: 'SAME_AS' } });
      assert.equal(await findNearDuplicateClaim(prisma(), { text, claimantId: blinkenId, excludeClaimId: edited.id }), null);
    } finally {
      await prisma().claim.delete({ where: { id: edited.id } });
    }
  });

  test('the panel marks "nearly identical" exactly when saving would ask, past the first 300 characters too', async () => {
    // The same first 300 characters, then a long tail of other words: the whole texts are not nearly the same.
    const opening = Array.from({ length: 60 }, (_, index) => `mot${index}`).join(' ');
    const tail = (word: string) => Array.from({ length: 120 }, (_, index) => `${word}${index}`).join(' ');
    const logged = await prisma().claim.create({
      data: { slug: 'long-near-duplicate', text: `${opening} ${tail('suite')}`, summary: 'Longue', language: 'fr', claimantId: blinkenId },
    });
    try {
      for (const typed of [`${opening} ${tail('autre')}`, `${opening} ${tail('suite')} !`]) {
        const saveAsks = (await findNearDuplicateClaim(prisma(), { text: typed, claimantId: blinkenId }))?.id === logged.id;
        const badge = (await match({ text: typed, claimantId: blinkenId })).find((found) => found.id === logged.id)?.nearDuplicate ?? false;
        assert.equal(badge, saveAsks, typed.slice(-20));
      }
    } finally {
      await prisma().claim.delete({ where: { id: logged.id } });
    }
  });

  test('every seeded claim differs enough from the others of its claimant to be saved without a confirmation', async () => {
    const claims = await db.sql<{ id: string; text: string; summary: string; claimant_id: string }[]>`SELECT id, text, summary, claimant_id FROM claims`;
    for (const claim of claims) {
      const found = await findNearDuplicateClaim(prisma(), { text: claim.text, claimantId: claim.claimant_id, excludeClaimId: claim.id });
      assert.equal(found, null, `${claim.text} ~ ${found?.slug}`);
    }
  });
});

describe('hostile input', () => {
  test('past the claim form’s limits, or with a control character: refused with a message on the field', () => {
    const cases: [ClaimMatchRequestInput, string][] = [
      [{ text: 'a'.repeat(10_001) }, 'text'],
      [{ text: 'soldats\u0000nord-coréens' }, 'text'],
      [{ summary: 's'.repeat(501) }, 'summary'],
      [{ claimant: 'x'.repeat(201) }, 'claimant'],
      [{ claimantId: 'i'.repeat(65) }, 'claimantId'],
      [{ sourceId: 'x', start: '-1', end: '4' }, 'start'],
      [{ sourceId: 'x', start: '0', end: '2147483648' }, 'end'],
      [{ sourceId: 'x', start: 'deux', end: '4' }, 'start'],
    ];
    for (const [input, field] of cases) {
      const parsed = claimMatchRequestSchema.safeParse(input);
      assert.equal(parsed.success, false, JSON.stringify(input).slice(0, 80));
      assert.ok(parsed.error.issues.some((issue) => issue.path[0] === field), `${field}: ${JSON.stringify(parsed.error.issues)}`);
    }
  });

  test('an end before the start, or a source without offsets, is no passage', () => {
    assert.equal(claimMatchRequestSchema.parse({ sourceId: 'x', start: '9', end: '4' }).passage, null);
    assert.equal(claimMatchRequestSchema.parse({ sourceId: 'x' }).passage, null);
    assert.deepEqual(claimMatchRequestSchema.parse({ sourceId: 'x', start: '4', end: '9' }).passage, { sourceId: 'x', start: 4, end: 9 });
  });

  test('the longest text the form takes, tsquery syntax, quotes and odd scripts are matched, never an error', async () => {
    const long = `${REWORDED} `.repeat(140).slice(0, 10_000);
    const started = performance.now();
    const found = await match({ text: long, summary: 'Blinken : 10 000 soldats', claimant: 'Antony Blinken' });
    assert.ok(performance.now() - started < 3000, 'a pasted page is cut, not compared whole');
    assert.ok(slugs(found).includes(TEN_THOUSAND));
    for (const text of ["' & | ! ( ) :* <-> \\ '' \"", 'a:* & !b', '))))((((', '🙂🙂🙂', 'Ким Чен Ын', '%_\\%', 'le la les de du']) {
      await match({ text, summary: text, claimant: text });
    }
  });

  test('a claimant or source id that does not exist matches nothing by it', async () => {
    const found = await match({ text: 'Une phrase sans rapport avec le corpus', claimantId: 'no-such-claimant', sourceId: 'no-such-source', start: '0', end: '10' });
    assert.ok(found.every((other) => !other.reasons.includes('SAME_CLAIMANT') && !other.reasons.includes('SAME_PASSAGE')));
  });
});
