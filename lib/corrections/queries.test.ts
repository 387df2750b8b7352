import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClaim, createVerdict } from '../../seed/factories/claims';
import { findPublicClaimBySlug } from '../claims/queries';
import { publicClaimWhere } from '../claims/visibility';
import { siteSettings } from '../site/settings';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { listPublishedCorrections, type PublicCorrection } from './queries';

// The public corrections log (/corrections and its feeds), and the verdict
// credits on the claim page: on the seeded corpus, plus claims arranged here.

const BLINKEN = 'blinken-10-000-soldats-nord-coreens-en-russie';

let db: SeededDatabase;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

/** Every page, following nextCursor as the "Older corrections" link does. */
async function allCorrections(limit: number): Promise<PublicCorrection[]> {
  const seen: PublicCorrection[] = [];
  let cursor = null;
  for (let page = 0; page < 100; page++) {
    const result = await listPublishedCorrections({ limit, after: cursor });
    seen.push(...result.items);
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  return assert.fail('pagination does not end');
}

/** A claim in the given state with two verdicts and a correction between them, written as approveVerdict writes it. */
async function claimWithCorrection(status: 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED', note: string, publishedAt: Date) {
  const { editor, reviewer } = db.actors;
  const claim = await createClaim(db.prisma, { status, publishedAt: status === 'IN_REVIEW' ? null : publishedAt });
  const from = await createVerdict(db.prisma, { claimId: claim.id, authorId: editor.id, ratingKey: 'false' });
  const to = await createVerdict(db.prisma, { claimId: claim.id, authorId: editor.id, ratingKey: 'mixed', correctionNote: note });
  await db.prisma.correction.create({
    data: { claimId: claim.id, fromVerdictId: from.id, toVerdictId: to.id, fromRatingId: from.ratingId, toRatingId: to.ratingId, note, authorId: reviewer.id, publishedAt },
  });
  return claim;
}

describe('the public corrections log', () => {
  test('the seeded correction is listed, with its claim, its ratings before and after, its date and its note', async () => {
    const { items } = await listPublishedCorrections({ limit: 20, after: null });
    const seeded = items.find((item) => item.claim.slug === BLINKEN);
    assert.ok(seeded, 'the seeded correction of the Blinken claim is listed');
    assert.equal(seeded.claim.path, `/claims/${BLINKEN}`);
    assert.equal(seeded.claim.language, 'fr');
    assert.equal(seeded.claim.archived, false);
    assert.deepEqual([seeded.fromRating.key, seeded.fromRating.labels.fr, seeded.fromRating.labels.en], ['unproven', 'Invérifiable', 'Unproven']);
    assert.deepEqual([seeded.toRating.key, seeded.toRating.labels.fr, seeded.toRating.labels.en], ['mostly-true', 'Plutôt vrai', 'Mostly true']);
    assert.match(seeded.note, /la note passe de « Invérifiable » à « Plutôt vrai »/);
    assert.match(seeded.publishedAt, /^\d{4}-\d\d-\d\dT/);
    // The same correction the claim page shows under its earlier verdict.
    const page = await findPublicClaimBySlug(BLINKEN);
    assert.equal(page?.history[0]?.correction?.note, seeded.note);
  });

  test('newest first; a claim that was never published keeps its corrections out, an archived one keeps them listed', async () => {
    const hidden = await claimWithCorrection('IN_REVIEW', 'Correctif d’une affirmation jamais publiée.', new Date('2030-01-02T00:00:00Z'));
    const archived = await claimWithCorrection('ARCHIVED', 'Correctif d’une vérification archivée depuis.', new Date('2030-01-01T00:00:00Z'));
    const listed = await allCorrections(20);
    assert.equal(listed.some((item) => item.claim.slug === hidden.slug || item.note.includes('jamais publiée')), false);
    const first = listed[0];
    assert.equal(first?.claim.slug, archived.slug, 'the newest public correction comes first');
    assert.equal(first?.claim.archived, true);
    assert.deepEqual([first?.fromRating.key, first?.toRating.key], ['false', 'mixed']);
    const dates = listed.map((item) => item.publishedAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('keyset pages cover every public correction exactly once, ties on the date included', async () => {
    const tie = new Date('2029-06-01T12:00:00Z');
    for (let i = 0; i < 5; i++) await claimWithCorrection('PUBLISHED', `Correctif simultané ${i}.`, tie);
    const expected = await db.prisma.correction.count({ where: { claim: publicClaimWhere } });
    for (const limit of [1, 2, 3]) {
      const ids = (await allCorrections(limit)).map((item) => item.id);
      assert.equal(ids.length, expected, `limit ${limit}`);
      assert.equal(new Set(ids).size, ids.length, `no correction twice (limit ${limit})`);
    }
  });
});

describe('verdict credits on the claim page', () => {
  test('names by default: the seeded verdicts were written by one newsroom account and approved by another', async () => {
    const page = await findPublicClaimBySlug(BLINKEN, siteSettings({}));
    assert.deepEqual(page?.verdict?.credits, { mode: 'names', author: 'Attest newsroom (seed author)', approver: 'Attest newsroom (seed reviewer)' });
    assert.deepEqual(page?.history[0]?.credits, { mode: 'names', author: 'Attest newsroom (seed author)', approver: 'Attest newsroom (seed reviewer)' });
  });

  test('initials, and a team name, as the settings say; never an email', async () => {
    const { editor, reviewer } = db.actors;
    const claim = await createClaim(db.prisma, { status: 'PUBLISHED' });
    await createVerdict(db.prisma, { claimId: claim.id, authorId: editor.id, reviewerId: reviewer.id, state: 'PUBLISHED' });

    const names = await findPublicClaimBySlug(claim.slug, siteSettings({}));
    assert.deepEqual(names?.verdict?.credits, { mode: 'names', author: 'Elise Editor', approver: 'Rémi Reviewer' });
    const initials = await findPublicClaimBySlug(claim.slug, siteSettings({ ATTEST_VERDICT_CREDITS: 'initials' }));
    assert.deepEqual(initials?.verdict?.credits, { mode: 'initials', author: 'E. E.', approver: 'R. R.' });
    const team = await findPublicClaimBySlug(claim.slug, siteSettings({ ATTEST_VERDICT_CREDITS: 'team', ATTEST_VERDICT_TEAM: 'La cellule vérification' }));
    assert.deepEqual(team?.verdict?.credits, { mode: 'team', team: 'La cellule vérification' });
    assert.equal(JSON.stringify(team).includes('Elise'), false, 'a team credit names nobody');

    for (const detail of [names, initials, team]) assert.equal(JSON.stringify(detail).includes('@'), false, 'no email address in a public claim');
  });
});
