import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addAppearance } from '../appearances/mutations';
import { addAppearanceSchema } from '../appearances/schema';
import { MutationError } from '../mutations/errors';
import { ForbiddenError } from '../permissions';
import { sha256OfText } from '../sources/hash';
import { findPublicSourceById, isPublicSourceId } from '../sources/queries';
import { closeSeededDatabase, openSeededDatabase, type DemoActors, type SeededDatabase } from '../testing/demo-actors';
import { inEnglish } from '../testing/messages';
import { rejectsWith } from '../testing/mutation-error';
import { updateClaim } from './mutations';
import { findPublicClaimBySlug } from './queries';
import { listClaimRevisionQueue } from './revision-queries';
import { approveClaimRevision, rejectClaimRevision, withdrawClaimRevision } from './revision-mutations';
import { revisionProposalFieldsSchema } from './revision-schema';
import { updateClaimSchema } from './schema';

// A published claim changes only through a revision that a second editor
// approves: what readers see before, during and after, against a clone of
// the seeded database. Each test works on its own published claim.

let db: SeededDatabase;
let actors: DemoActors;

before(async () => {
  db = await openSeededDatabase();
  actors = db.actors;
});
after(() => closeSeededDatabase(db));

type Claim = Awaited<ReturnType<typeof publishedClaim>>;

async function publishedClaim(slug: string) {
  const claim = await db.prisma.claim.findUniqueOrThrow({ where: { slug } });
  assert.equal(claim.status, 'PUBLISHED', `${slug} is a published claim of the seed`);
  return claim;
}

/** The claim editor's submission: the claim as it is, with `changes` and the revision fields on top. */
function editorForm(claim: Claim, changes: Record<string, string> = {}) {
  const fields = {
    id: claim.id,
    version: String(claim.version),
    text: claim.text,
    summary: claim.summary,
    claimantId: claim.claimantId,
    claimedAt: claim.claimedAt?.toISOString().slice(0, 10) ?? '',
    language: claim.language,
    tags: claim.tags.join(', '),
    ...changes,
  };
  return { ...updateClaimSchema.parse(fields), ...revisionProposalFieldsSchema.parse(fields) };
}


const auditActions = async (entityId: string) =>
  (await db.prisma.auditEvent.findMany({ where: { entityId }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { action: true } })).map((row) => row.action);

async function openRevision(claimId: string) {
  return db.prisma.claimRevision.findFirstOrThrow({ where: { claimId, state: 'PROPOSED' } });
}

describe('an editor saving a published claim', () => {
  test('proposes a revision: the public claim is unchanged, the revision holds the old and new wording and the note', async () => {
    const claim = await publishedClaim('rutte-unites-nord-coreennes-koursk');
    const publicBefore = await findPublicClaimBySlug(claim.slug);
    const saved = await updateClaim(
      actors.editor,
      editorForm(claim, { summary: 'Rutte : des unités nord-coréennes déployées à Koursk', revisionNote: 'Coquille dans le résumé.' }),
    );
    assert.equal(saved.saved, false, 'the claim row is left as it was');
    assert.equal(saved.revision?.outcome, 'proposed');
    assert.deepEqual(saved.publicTags, [], 'nothing public to refresh');

    const stored = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(stored.summary, claim.summary);
    assert.equal(stored.version, claim.version);
    assert.deepEqual(await findPublicClaimBySlug(claim.slug), publicBefore);

    const revision = await openRevision(claim.id);
    assert.equal(revision.id, saved.revision.id);
    assert.equal(revision.authorId, actors.editor.id);
    assert.equal(revision.baseVersion, claim.version);
    assert.equal(revision.baseSummary, claim.summary);
    assert.equal(revision.summary, 'Rutte : des unités nord-coréennes déployées à Koursk');
    assert.equal(revision.text, claim.text);
    assert.equal(revision.note, 'Coquille dans le résumé.');
    assert.deepEqual(await auditActions(revision.id), ['claim_revision.propose']);

    // It waits in the review queue of every other editor, not in its author's.
    assert.ok((await listClaimRevisionQueue(actors.reviewer)).some((item) => item.revisionId === revision.id));
    assert.ok(!(await listClaimRevisionQueue(actors.editor)).some((item) => item.revisionId === revision.id));
  });

  test('needs a note saying what changed and why, and writes nothing without it', async () => {
    const claim = await publishedClaim('blinken-8-000-soldats-deployes-koursk');
    const before = await db.prisma.auditEvent.count();
    const error = await rejectsWith(updateClaim(actors.editor, editorForm(claim, { text: `${claim.text} ` + 'Ajout.' })), 'INVALID_STATE');
    assert.deepEqual(error.fieldErrors.revisionNote, ['Say what changed and why: readers see this note once the change is approved.']);
    assert.equal(await db.prisma.claimRevision.count({ where: { claimId: claim.id } }), 0);
    assert.equal(await db.prisma.auditEvent.count(), before);
  });

  test('saves a tag change at once, audited, without a revision', async () => {
    const claim = await publishedClaim('blinken-8-000-soldats-deployes-koursk');
    const saved = await updateClaim(actors.editor, editorForm(claim, { tags: `${claim.tags.join(', ')}, Koursk-test` }));
    assert.equal(saved.revision, null);
    assert.equal(saved.saved, true);
    assert.equal(saved.slug, claim.slug, 'a public slug never changes');
    assert.ok(saved.publicTags.includes(`claim:${claim.slug}`), 'the read API shows the tags');
    const stored = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.ok(stored.tags.includes('Koursk-test'));
    assert.equal(stored.version, claim.version + 1);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: claim.id, action: 'claim.update', actorId: actors.editor.id } }), 1);
  });

  test('while one editor’s revision is open, another editor’s is refused, even when both are sent at once', async () => {
    const claim = await publishedClaim('renseignement-sud-coreen-12-000-soldats');
    const [first, second] = await Promise.allSettled([
      updateClaim(actors.editor, editorForm(claim, { summary: 'Séoul : 12 000 soldats nord-coréens (version A)', revisionNote: 'A' })),
      updateClaim(actors.reviewer, editorForm(claim, { summary: 'Séoul : 12 000 soldats nord-coréens (version B)', revisionNote: 'B' })),
    ]);
    const outcomes = [first, second];
    assert.equal(outcomes.filter((outcome) => outcome.status === 'fulfilled').length, 1, 'one revision is stored');
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    assert.ok(refused?.status === 'rejected' && refused.reason instanceof MutationError, String(refused));
    assert.match(inEnglish(refused.reason.message), new RegExp(`^(${actors.editor.name}|${actors.reviewer.name})’s revision of this claim is waiting for review: it must be approved, rejected or withdrawn`));
    assert.equal(await db.prisma.claimRevision.count({ where: { claimId: claim.id } }), 1);

    const open = await openRevision(claim.id);
    const other = open.authorId === actors.editor.id ? actors.reviewer : actors.editor;
    await rejectsWith(
      updateClaim(other, editorForm(claim, { summary: 'Une troisième version', revisionNote: 'C' })),
      'INVALID_STATE',
      /waiting for review/,
    );
  });
});

describe('the review of a revision', () => {
  test('its author cannot approve or reject it; nothing changes', async () => {
    const claim = await publishedClaim('coree-du-sud-millions-de-munitions');
    const { revision } = await updateClaim(actors.editor, editorForm(claim, { summary: 'Séoul : des millions d’obus livrés', revisionNote: 'Plus précis.' }));
    assert.ok(revision);
    const error = await rejectsWith(approveClaimRevision(actors.editor, { revisionId: revision.id, version: revision.version }), 'FORBIDDEN');
    assert.equal(error.message, 'You proposed this revision: another editor must review it.');
    await rejectsWith(rejectClaimRevision(actors.editor, { revisionId: revision.id, version: revision.version, comment: 'Non.' }), 'FORBIDDEN');
    assert.equal((await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).summary, claim.summary);
    assert.equal((await openRevision(claim.id)).version, revision.version);
  });

  test('another editor’s approval publishes the change with its audit rows and a public, dated history entry', async () => {
    const claim = await publishedClaim('coree-du-sud-millions-de-munitions');
    const revision = await openRevision(claim.id);
    const approved = await approveClaimRevision(actors.reviewer, { revisionId: revision.id, version: revision.version });
    assert.ok(approved.publicTags.includes(`claim:${claim.slug}`));
    assert.ok(approved.publicTags.includes('claims'));

    const stored = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(stored.summary, 'Séoul : des millions d’obus livrés');
    assert.equal(stored.slug, claim.slug);
    assert.equal(stored.version, claim.version + 1);

    const page = await findPublicClaimBySlug(claim.slug);
    assert.equal(page?.summary, 'Séoul : des millions d’obus livrés');
    assert.equal(page?.changes.length, 1);
    const [change] = page?.changes ?? [];
    assert.deepEqual(change?.changed, ['summary']);
    assert.equal(change?.note, 'Plus précis.');
    assert.equal(change?.quotesAdded, 0);
    assert.ok(change && Date.now() - Date.parse(change.publishedAt) < 60_000, 'dated now');

    const closed = await db.prisma.claimRevision.findUniqueOrThrow({ where: { id: revision.id } });
    assert.equal(closed.state, 'APPROVED');
    assert.equal(closed.reviewerId, actors.reviewer.id);
    assert.deepEqual(await auditActions(revision.id), ['claim_revision.propose', 'claim_revision.approve']);
    const revise = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: 'claim.revise' } });
    assert.equal(revise.actorId, actors.reviewer.id);
    assert.equal((revise.before as { summary: string }).summary, claim.summary);
    assert.equal((revise.after as { revisionId: string }).revisionId, revision.id);

    // Approved is final: the database refuses to change it.
    await assert.rejects(db.prisma.claimRevision.update({ where: { id: revision.id }, data: { note: 'réécrit' } }), /closed \(APPROVED\) and cannot change/);
  });

  test('an approval based on what the reviewer read before the author amended it is a CONFLICT', async () => {
    const claim = await publishedClaim('kim-jong-un-atacms-intervention-directe');
    const proposed = await updateClaim(actors.editor, editorForm(claim, { summary: 'Kim : les ATACMS, une intervention directe', revisionNote: 'Résumé.' }));
    assert.ok(proposed.revision);
    // The reviewer opens version 1; the author amends it meanwhile.
    const amended = await updateClaim(
      actors.editor,
      editorForm(claim, {
        summary: 'Kim Jong-un : les ATACMS, une intervention directe',
        revisionNote: 'Résumé, avec le prénom.',
        revisionId: proposed.revision.id,
        revisionVersion: String(proposed.revision.version),
      }),
    );
    assert.equal(amended.revision?.outcome, 'amended');
    const error = await rejectsWith(approveClaimRevision(actors.reviewer, { revisionId: proposed.revision.id, version: proposed.revision.version }), 'CONFLICT');
    assert.match(error.message, new RegExp(`This proposed revision was changed by ${actors.editor.name} at .+ — reload`));
    assert.equal((await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).summary, claim.summary);
  });

  test('an approval after the claim itself changed is a CONFLICT, but a tag edit meanwhile is not', async () => {
    const claim = await publishedClaim('kim-jong-un-atacms-intervention-directe');
    const revision = await openRevision(claim.id);
    // Tags are not part of the proposal: the open revision follows the claim's new version.
    await updateClaim(actors.reviewer, editorForm(claim, { tags: 'ATACMS' }));
    assert.equal((await openRevision(claim.id)).baseVersion, claim.version + 1);

    // A change made outside the review path (a psql session, say) makes the proposal stale.
    await db.prisma.claim.update({ where: { id: claim.id }, data: { text: `${claim.text} (modifié à la main)`, version: { increment: 1 } } });
    const error = await rejectsWith(approveClaimRevision(actors.reviewer, { revisionId: revision.id, version: revision.version }), 'CONFLICT');
    assert.match(error.message, /This claim was changed by .+ — reload/);
    const stored = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(stored.summary, claim.summary);
    assert.equal((await db.prisma.claimRevision.findUniqueOrThrow({ where: { id: revision.id } })).state, 'PROPOSED');
  });

  test('a rejection closes it with the reviewer’s comment and changes nothing public; the author may propose again', async () => {
    const claim = await publishedClaim('lavrov-contacts-tres-etroits-entre-militaires');
    const { revision } = await updateClaim(actors.editor, editorForm(claim, { summary: 'Lavrov : des contacts étroits', revisionNote: 'Plus court.' }));
    assert.ok(revision);
    const publicBefore = await findPublicClaimBySlug(claim.slug);
    await rejectClaimRevision(actors.reviewer, { revisionId: revision.id, version: revision.version, comment: 'Gardez « très étroits ».' });
    const closed = await db.prisma.claimRevision.findUniqueOrThrow({ where: { id: revision.id } });
    assert.equal(closed.state, 'REJECTED');
    assert.equal(closed.reviewComment, 'Gardez « très étroits ».');
    assert.deepEqual(await findPublicClaimBySlug(claim.slug), publicBefore);
    const again = await updateClaim(actors.editor, editorForm(claim, { summary: 'Lavrov : des contacts très étroits', revisionNote: 'Plus court.' }));
    assert.ok(again.revision && again.revision.id !== revision.id);
  });

  test('only its author withdraws it, which frees the claim for another proposal', async () => {
    const claim = await publishedClaim('lavrov-contacts-tres-etroits-entre-militaires');
    const revision = await openRevision(claim.id);
    const error = await rejectsWith(withdrawClaimRevision(actors.reviewer, { revisionId: revision.id, version: revision.version }), 'FORBIDDEN');
    assert.equal(error.message, 'Only the editor who proposed this revision can withdraw it.');
    await withdrawClaimRevision(actors.editor, { revisionId: revision.id, version: revision.version });
    assert.equal((await db.prisma.claimRevision.findUniqueOrThrow({ where: { id: revision.id } })).state, 'WITHDRAWN');
    const next = await updateClaim(actors.reviewer, editorForm(claim, { summary: 'Lavrov : contacts militaires très étroits', revisionNote: 'Précision.' }));
    assert.ok(next.revision);
    // Amending it back to the published wording would propose nothing.
    await rejectsWith(
      updateClaim(actors.reviewer, editorForm(claim, { revisionNote: 'x', revisionId: next.revision.id, revisionVersion: String(next.revision.version) })),
      'INVALID_STATE',
      /^This revision would change nothing: change a field or add a quote, or withdraw it\./,
    );
  });
});

describe('a quote proposed for a published claim', () => {
  test('is not public and does not make its source public until another editor approves it', async () => {
    const claim = await publishedClaim('rutte-russie-soutient-programme-nucleaire-nord-coreen');
    const text = 'Dépêche de test. Le secrétaire général de l’OTAN répète que la Russie soutient le programme nucléaire nord-coréen, selon un communiqué.';
    const source = await db.prisma.source.create({
      data: { title: 'Dépêche privée', language: 'fr', retrievedAt: new Date(), rawText: text, text, sha256: sha256OfText(text) },
    });
    assert.equal(await isPublicSourceId(source.id), false);
    const publicBefore = await findPublicClaimBySlug(claim.slug);

    const quote = 'la Russie soutient le programme nucléaire nord-coréen';
    const form = {
      ...addAppearanceSchema.parse({ claimId: claim.id, sourceId: source.id, quote, speakerId: claim.claimantId, stance: 'REPORTS' }),
      ...revisionProposalFieldsSchema.parse({ revisionNote: 'Une dépêche de plus.' }),
    };
    const added = await addAppearance(actors.editor, form);
    assert.equal(added.proposed, true);
    assert.equal(await db.prisma.appearance.count({ where: { sourceId: source.id } }), 0);
    assert.equal(await isPublicSourceId(source.id), false);
    assert.equal(await findPublicSourceById(source.id), null);
    assert.deepEqual(await findPublicClaimBySlug(claim.slug), publicBefore);
    // Its offsets freeze the source like a real quote's.
    await assert.rejects(db.prisma.source.update({ where: { id: source.id }, data: { text: 'Autre texte', sha256: sha256OfText('Autre texte') } }), /archived text cannot change/);

    const revision = await openRevision(claim.id);
    assert.equal(revision.summary, claim.summary, 'the wording is not part of this proposal');
    await approveClaimRevision(actors.reviewer, { revisionId: revision.id, version: revision.version });

    assert.equal(await isPublicSourceId(source.id), true);
    const page = await findPublicClaimBySlug(claim.slug);
    assert.ok(page?.appearances.some((appearance) => appearance.source.id === source.id && appearance.quote.exact === quote));
    assert.deepEqual(page?.changes.map((change) => [change.changed, change.quotesAdded, change.note]), [[[], 1, 'Une dépêche de plus.']]);
    const appearance = await db.prisma.appearance.findFirstOrThrow({ where: { sourceId: source.id } });
    assert.equal(appearance.createdById, actors.editor.id);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: appearance.id, action: 'appearance.create', actorId: actors.reviewer.id } }), 1);
  });
});

describe('the database', () => {
  test('anchors a proposed quote like an appearance, and never lets an author review their own revision', async () => {
    const claim = await publishedClaim('pyongyang-rumeurs-sans-fondement');
    const { revision } = await updateClaim(actors.editor, editorForm(claim, { summary: 'Pyongyang : des rumeurs sans fondement, dit-il', revisionNote: 'Sujet.' }));
    assert.ok(revision);
    const source = await db.prisma.source.findFirstOrThrow({ select: { id: true } });
    await assert.rejects(
      db.prisma.proposedAppearance.create({
        data: { revisionId: revision.id, sourceId: source.id, speakerId: claim.claimantId, stance: 'REPORTS', exact: 'pas dans le texte', prefix: '', suffix: '', start: 0, end: 17 },
      }),
      /quote anchor does not match the source text/,
    );
    await assert.rejects(
      db.prisma.claimRevision.update({ where: { id: revision.id }, data: { state: 'APPROVED', reviewerId: actors.editor.id, closedAt: new Date() } }),
      /claim_revisions_reviewer_is_not_author/,
    );
    await assert.rejects(db.prisma.claimRevision.delete({ where: { id: revision.id } }), /cannot be deleted: withdraw it instead/);
  });
});

describe('a moderator', () => {
  test('can neither propose, approve, reject nor withdraw, and nothing is written', async () => {
    const claim = await publishedClaim('choe-son-hui-alliance-nucleaire-etats-unis-coree-du-sud');
    const { revision } = await updateClaim(actors.editor, editorForm(claim, { summary: 'Choe : l’alliance nucléaire États-Unis–Corée', revisionNote: 'Tiret.' }));
    assert.ok(revision);
    const counts = async () => [await db.prisma.claimRevision.count(), await db.prisma.auditEvent.count(), await db.prisma.claim.count()];
    const before = await counts();
    const decision = { revisionId: revision.id, version: revision.version };
    await assert.rejects(updateClaim(actors.moderator, editorForm(claim, { summary: 'Autre', revisionNote: 'x' })), ForbiddenError);
    await assert.rejects(approveClaimRevision(actors.moderator, decision), ForbiddenError);
    await assert.rejects(rejectClaimRevision(actors.moderator, { ...decision, comment: 'Non.' }), ForbiddenError);
    await assert.rejects(withdrawClaimRevision(actors.moderator, decision), ForbiddenError);
    assert.deepEqual(await counts(), before);
  });
});
