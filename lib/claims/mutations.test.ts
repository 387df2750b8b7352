import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ForbiddenError } from '../permissions';
import { closeSeededDatabase, openSeededDatabase, type DemoActors, type SeededDatabase } from '../testing/demo-actors';
import { messagesInEnglish } from '../testing/messages';
import { rejectsWith } from '../testing/mutation-error';
import { archiveClaim, createClaim, updateClaim } from './mutations';
import { findPublicClaimBySlug } from './queries';
import { createClaimSchema, updateClaimSchema } from './schema';

// The claim editor's writes, against a clone of the seeded database: each
// change comes with its audit row, a stale form never overwrites someone
// else's save, and roles without the permission change nothing.

let db: SeededDatabase;
let actors: DemoActors;

before(async () => {
  db = await openSeededDatabase();
  actors = db.actors;
});
after(() => closeSeededDatabase(db));

function claimForm(fields: Record<string, string>) {
  const parsed = createClaimSchema.safeParse(fields);
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  return parsed.data;
}

async function lavrovId(): Promise<string> {
  return (await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'sergei-lavrov' } })).id;
}

describe('creating a claim', () => {
  test('creates a DRAFT with a slug from the summary and a claim.create audit row', async () => {
    const claimantId = await lavrovId();
    const saved = await createClaim(
      actors.editor,
      claimForm({
        text: 'Les soldats nord-coréens ne sont pas en Russie.',
        summary: 'Lavrov : pas de soldats nord-coréens en Russie',
        claimantId,
        claimedAt: '2024-11-05',
        tags: 'Russie, troupes nord-coréennes, russie',
      }),
    );
    const claim = await db.prisma.claim.findUniqueOrThrow({ where: { id: saved.id } });
    assert.equal(claim.status, 'DRAFT');
    assert.equal(claim.slug, 'lavrov-pas-de-soldats-nord-coreens-en-russie');
    assert.equal(claim.language, 'fr');
    assert.deepEqual(claim.tags, ['Russie', 'troupes nord-coréennes']);
    assert.equal(claim.claimedAt?.toISOString(), '2024-11-05T00:00:00.000Z');
    assert.equal(claim.createdById, actors.editor.id);

    const audit = await db.prisma.auditEvent.findMany({ where: { entityType: 'Claim', entityId: saved.id } });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.action, 'claim.create');
    assert.equal(audit[0]?.actorId, actors.editor.id);
    assert.equal((audit[0]?.after as { summary?: string }).summary, 'Lavrov : pas de soldats nord-coréens en Russie');
  });

  test('a second claim with the same summary gets the next free slug', async () => {
    const claimantId = await lavrovId();
    // Three different texts: the same text by the same claimant would be a near duplicate, which asks for a confirmation.
    const fields = (text: string) => ({ text, summary: 'Un résumé répété', claimantId });
    const first = await createClaim(actors.editor, claimForm(fields('Premier texte sur les soldats.')));
    const second = await createClaim(actors.editor, claimForm(fields('Deuxième version, tout autre.')));
    const third = await createClaim(actors.editor, claimForm(fields('Une troisième, sur les munitions.')));
    assert.deepEqual([first.slug, second.slug, third.slug], ['un-resume-repete', 'un-resume-repete-2', 'un-resume-repete-3']);
  });

  test('the claimant can be given by name or alias when no suggestion was picked', async () => {
    const saved = await createClaim(actors.editor, claimForm({ text: 'T', summary: 'Par alias', claimant: 'sergei lavrov' }));
    const claim = await db.prisma.claim.findUniqueOrThrow({ where: { id: saved.id } });
    assert.equal(claim.claimantId, await lavrovId());
    const unknown = await rejectsWith(createClaim(actors.editor, claimForm({ text: 'T', summary: 'Inconnu', claimant: 'Personne Inconnue' })), 'INVALID_STATE');
    assert.equal(unknown.message, 'Check the claimant.');
    assert.deepEqual(unknown.fieldErrors.claimant, ['No claimant is called “Personne Inconnue”. Choose one from the suggestions, or create it with “New claimant”.']);
  });

  test('a summary over 75 characters is refused with a sentence the editor understands, next to the summary', () => {
    const result = createClaimSchema.safeParse({ text: 'T', summary: 'x'.repeat(76), claimant: 'Lavrov' });
    assert.equal(result.success, false);
    assert.deepEqual(messagesInEnglish(result.error?.flatten().fieldErrors.summary), ['Must be 75 characters or fewer.']);
    // 75 accented characters are 75, not 150 bytes or more.
    assert.equal(createClaimSchema.safeParse({ text: 'T', summary: 'é'.repeat(75), claimant: 'Lavrov' }).success, true);
  });

  test('a claim without text, summary or claimant is refused field by field', () => {
    const result = createClaimSchema.safeParse({ text: ' ', summary: '', claimant: '' });
    assert.equal(result.success, false);
    const errors = result.error?.flatten().fieldErrors ?? {};
    assert.deepEqual(messagesInEnglish(errors.text), ['Enter the claim as it was made.']);
    assert.deepEqual(messagesInEnglish(errors.summary), ['Enter a summary.']);
    assert.deepEqual(messagesInEnglish(errors.claimant), ['Choose a claimant, or create one with “New claimant”.']);
  });
});

describe('editing a claim', () => {
  test('saves with a claim.update audit row holding before and after, and bumps the version', async () => {
    const claimantId = await lavrovId();
    const created = await createClaim(actors.editor, claimForm({ text: 'Avant', summary: 'Résumé avant', claimantId }));
    const parsed = updateClaimSchema.parse({ id: created.id, version: '1', text: 'Après', summary: 'Résumé après', claimantId });
    const saved = await updateClaim(actors.editor, parsed);
    assert.equal(saved.version, 2);
    assert.equal(saved.slug, 'resume-apres', 'a draft follows its summary');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: 'claim.update' } });
    assert.equal((audit.before as { text: string }).text, 'Avant');
    assert.equal((audit.after as { text: string }).text, 'Après');
  });

  test('a stale version is refused as a CONFLICT naming who saved, and the row is unchanged', async () => {
    const claimantId = await lavrovId();
    const created = await createClaim(actors.editor, claimForm({ text: 'Original', summary: 'Conflit', claimantId }));
    // Both editors opened version 1; the reviewer saves first.
    await updateClaim(actors.reviewer, updateClaimSchema.parse({ id: created.id, version: '1', text: 'Version du relecteur', summary: 'Conflit', claimantId }));
    const error = await rejectsWith(
      updateClaim(actors.editor, updateClaimSchema.parse({ id: created.id, version: '1', text: 'Version de l’éditrice', summary: 'Conflit', claimantId })),
      'CONFLICT',
    );
    assert.match(error.message, new RegExp(`^This claim was changed by ${actors.reviewer.name} at .+ — reload to see their changes\\. What you typed is still in the form\\.$`));
    const claim = await db.prisma.claim.findUniqueOrThrow({ where: { id: created.id } });
    assert.equal(claim.text, 'Version du relecteur');
    assert.equal(claim.version, 2);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: created.id, action: 'claim.update' } }), 1);
  });

  test('a published claim is not rewritten by one editor: the save proposes a revision and the public page is unchanged', async () => {
    // The whole review flow is in revisions.test.ts.
    const claim = await db.prisma.claim.findUniqueOrThrow({ where: { slug: 'rutte-unites-nord-coreennes-koursk' } });
    const saved = await updateClaim(actors.editor, {
      ...updateClaimSchema.parse({ id: claim.id, version: String(claim.version), text: claim.text, summary: 'Rutte : unités nord-coréennes à Koursk', claimantId: claim.claimantId, tags: claim.tags.join(', ') }),
      revisionNote: 'Résumé plus court.',
    });
    assert.equal(saved.slug, claim.slug);
    assert.ok(saved.revision);
    assert.equal((await findPublicClaimBySlug(claim.slug))?.summary, claim.summary);
  });
});

describe('archiving a claim', () => {
  test('an editor is refused; an admin archives it and its public page keeps working', async () => {
    const claim = await db.prisma.claim.findUniqueOrThrow({ where: { slug: 'kiev-50-000-soldats-koursk' } });
    const input = { id: claim.id, version: claim.version, reason: 'Doublon d’une autre vérification.' };
    await assert.rejects(archiveClaim(actors.editor, input), ForbiddenError);
    assert.equal((await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).status, 'PUBLISHED');

    const saved = await archiveClaim(actors.admin, input);
    const archived = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(archived.status, 'ARCHIVED');
    assert.equal(archived.archiveReason, 'Doublon d’une autre vérification.');
    assert.ok(archived.archivedAt);
    assert.ok(saved.publicTags.includes(`claim:${claim.slug}`));
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: claim.id, action: 'claim.archive', actorId: actors.admin.id } }), 1);

    const page = await findPublicClaimBySlug(claim.slug);
    assert.ok(page, 'an archived claim stays public');
    assert.equal(page.status, 'ARCHIVED');
    assert.equal(page.archived?.reason, 'Doublon d’une autre vérification.');

    await rejectsWith(archiveClaim(actors.admin, { ...input, version: archived.version }), 'INVALID_STATE', /^This claim is already archived\.$/);
    await rejectsWith(
      updateClaim(actors.editor, updateClaimSchema.parse({ id: claim.id, version: String(archived.version), text: 'x', summary: 'y', claimantId: claim.claimantId })),
      'INVALID_STATE',
      /^This claim is archived: it is kept unchanged and can no longer be edited\.$/,
    );
  });
});

describe('a moderator', () => {
  test('is refused every claim mutation, and nothing is written', async () => {
    const claim = await db.prisma.claim.findUniqueOrThrow({ where: { slug: 'choe-son-hui-renforcer-arsenal-nucleaire' } });
    const counts = async () => [await db.prisma.claim.count(), await db.prisma.auditEvent.count()];
    const before = await counts();
    await assert.rejects(createClaim(actors.moderator, claimForm({ text: 'T', summary: 'S', claimantId: claim.claimantId })), ForbiddenError);
    await assert.rejects(
      updateClaim(actors.moderator, updateClaimSchema.parse({ id: claim.id, version: String(claim.version), text: 'T', summary: 'S', claimantId: claim.claimantId })),
      ForbiddenError,
    );
    await assert.rejects(archiveClaim(actors.moderator, { id: claim.id, version: claim.version, reason: 'r' }), ForbiddenError);
    assert.deepEqual(await counts(), before);
    assert.deepEqual(await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } }), claim);
  });
});
