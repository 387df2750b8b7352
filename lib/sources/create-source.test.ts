import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readSeedArticles } from '../../seed/articles';
import { MutationError } from '../mutations/errors';
import { ForbiddenError, type Actor } from '../permissions';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { sha256OfText } from './hash';
import { importArticle } from './import-article';
import { DuplicateSourceError, createSource } from './mutations';
import { findDashboardSource, findPublicSourceById, findSourceDuplicate, listDashboardSources } from './queries';
import type { SourceInput } from './schema';
import { renderMessage } from '../i18n/render-message';

// Archiving an article from the dashboard, against a real database: what is
// stored is the importer's output with a hash the database accepts, every
// creation is audited, and the archive never holds the same article twice.

let db: SeededDatabase;
let editor: Actor;
let moderator: Actor;

before(async () => {
  db = await openSeededDatabase();
  ({ editor, moderator } = db.actors);
});

after(() => closeSeededDatabase(db));

const pastedArticle = [
  'Accueil › Monde › Asie',
  '',
  'Pyongyang annonce de nouveaux essais de missiles',
  '',
  'Par Jeanne Martin',
  '',
  'La Corée du Nord a annoncé mardi une nouvelle série d’essais, selon l’agence officielle KCNA.',
  '',
  '« Nous poursuivrons nos essais », a déclaré un porte-parole du ministère de la Défense.',
  '',
  'Lire aussi :',
  'Séoul renforce sa défense aérienne',
].join('\n');

function input(overrides: Partial<SourceInput> = {}): SourceInput {
  return { rawText: pastedArticle, title: null, url: null, publisher: null, author: null, language: null, publishedOn: null, ...overrides };
}

async function rowCounts() {
  const [sources, audits] = await Promise.all([db.prisma.source.count(), db.prisma.auditEvent.count()]);
  return { sources, audits };
}

async function rejectsAsDuplicate(promise: Promise<unknown>, existingSourceId: string, matchedBy: 'url' | 'text') {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DuplicateSourceError, `expected a duplicate refusal, got ${String(error)}`);
    assert.equal(error.code, 'CONFLICT');
    assert.equal(renderMessage(error.message), 'This article is already archived.');
    assert.equal(error.existingSourceId, existingSourceId);
    assert.equal(error.matchedBy, matchedBy);
    assert.ok(error.fieldErrors?.[matchedBy]?.length, `the refusal points at the ${matchedBy} field`);
    return true;
  });
}

describe('creating a source from pasted text', () => {
  let createdId: string;

  test('stores the importer output, its hash and the raw text, with an audit row', async () => {
    const before = await rowCounts();
    const url = 'https://www.example.org/monde/asie/essais-missiles';
    const { id } = await createSource(editor, input({ url, publisher: 'Le Quotidien', publishedOn: '2024-11-05' }));
    createdId = id;

    const expected = importArticle(pastedArticle);
    const row = await db.prisma.source.findUniqueOrThrow({ where: { id } });
    assert.equal(row.text, expected.text, 'the archived text is exactly what the importer produced');
    assert.ok(!row.text.includes('Lire aussi'), 'page furniture is not archived');
    assert.equal(row.rawText, pastedArticle, 'the raw text is kept as pasted');
    assert.equal(row.sha256, sha256OfText(expected.text));
    assert.equal(row.url, url);
    assert.equal(row.publisher, 'Le Quotidien', 'what the editor typed is kept');
    assert.equal(row.title, 'Pyongyang annonce de nouveaux essais de missiles', 'an empty title is filled in from the article');
    assert.equal(row.author, expected.author, 'an empty author is filled in from the byline');
    assert.equal(row.language, 'fr');
    assert.equal(row.publishedAt?.toISOString(), '2024-11-05T00:00:00.000Z');
    assert.equal(row.createdById, editor.id);
    assert.ok(Date.now() - row.retrievedAt.getTime() < 60_000, 'retrievedAt is now');

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Source', entityId: id } });
    assert.equal(audit.action, 'source.create');
    assert.equal(audit.actorId, editor.id);
    assert.deepEqual(audit.after, { id, title: row.title, url, sha256: row.sha256 });
    assert.deepEqual(await rowCounts(), { sources: before.sources + 1, audits: before.audits + 1 });
  });

  test('an article whose cleaned text is already archived is refused, and nothing is written', async () => {
    const before = await rowCounts();
    // The same article pasted again with different furniture around it cleans to the same text.
    const samePage = `${pastedArticle}\n\nLire aussi :\nLa Russie et la Corée du Nord signent un traité`;
    await rejectsAsDuplicate(createSource(editor, input({ rawText: samePage, url: 'https://other.example.org/a' })), createdId, 'text');
    assert.deepEqual(await rowCounts(), before);
  });

  test('a seeded article pasted again is recognised by its hash', async () => {
    const [seedArticle] = readSeedArticles();
    assert.ok(seedArticle);
    const seeded = await db.prisma.source.findFirstOrThrow({ where: { rawText: seedArticle.rawText }, select: { id: true } });
    const before = await rowCounts();
    await rejectsAsDuplicate(createSource(editor, input({ rawText: seedArticle.rawText })), seeded.id, 'text');
    assert.deepEqual(await rowCounts(), before);
  });

  test('another article at an archived URL is refused, and nothing is written', async () => {
    const before = await rowCounts();
    const otherText = 'Un tout autre article, publié à la même adresse, qui parle de tout autre chose que des missiles.';
    await rejectsAsDuplicate(
      createSource(editor, input({ rawText: otherText, url: 'https://www.example.org/monde/asie/essais-missiles' })),
      createdId,
      'url',
    );
    assert.deepEqual(await rowCounts(), before);
  });

  test('two editors saving the same article at once: one source, and the other is told where it is', async () => {
    const before = await rowCounts();
    const text = 'Deux rédacteurs archivent le même communiqué au même instant, et un seul exemplaire doit rester.';
    const results = await Promise.allSettled([createSource(editor, input({ rawText: text })), createSource(editor, input({ rawText: text }))]);
    const created = results.filter((r): r is PromiseFulfilledResult<{ id: string }> => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(created.length, 1);
    assert.equal(refused.length, 1);
    assert.ok(refused[0]?.reason instanceof DuplicateSourceError, `the loser gets the duplicate message, not ${String(refused[0]?.reason)}`);
    assert.equal(refused[0].reason.existingSourceId, created[0]?.value.id);
    assert.deepEqual(await rowCounts(), { sources: before.sources + 1, audits: before.audits + 1 });
  });

  test('a javascript: URL is refused before anything is written', async () => {
    const before = await rowCounts();
    await assert.rejects(createSource(editor, input({ rawText: 'Un article unique sur les adresses dangereuses.', url: 'javascript:alert(1)' })), (error: unknown) => {
      assert.ok(error instanceof MutationError);
      assert.deepEqual(error.fieldErrors?.url?.map((text) => renderMessage(text)), ['URL must start with http:// or https://.']);
      return true;
    });
    assert.deepEqual(await rowCounts(), before);
  });

  test('a text with nothing left after cleaning is refused', async () => {
    await assert.rejects(createSource(editor, input({ rawText: 'Lire aussi :\n\n' })), (error: unknown) => {
      assert.ok(error instanceof MutationError);
      assert.match(renderMessage(error.fieldErrors?.text?.[0] ?? ''), /cleaned text is empty/);
      return true;
    });
  });

  test('a moderator may not archive a source, and nothing is written', async () => {
    const before = await rowCounts();
    await assert.rejects(createSource(moderator, input({ rawText: 'Un article que la modération voudrait archiver.' })), ForbiddenError);
    assert.deepEqual(await rowCounts(), before);
  });

  test('a moderator may not even ask whether an article is archived (it is part of creating one)', async () => {
    await assert.rejects(findSourceDuplicate(moderator, { sha256: 'x', url: null }), ForbiddenError);
    assert.deepEqual(await findSourceDuplicate(editor, { sha256: sha256OfText(importArticle(pastedArticle).text), url: null }), {
      id: createdId,
      title: 'Pyongyang annonce de nouveaux essais de missiles',
      matchedBy: 'text',
    });
  });
});

describe('the dashboard view of the archive', () => {
  test('lists every source newest first, with the number of quotes pointing in', async () => {
    const { items, total } = await listDashboardSources(moderator);
    assert.equal(total, await db.prisma.source.count());
    const times = items.map((item) => item.retrievedAt);
    assert.ok(items.length >= 5);
    for (const item of items) {
      const [appearances, evidence] = await Promise.all([
        db.prisma.appearance.count({ where: { sourceId: item.id } }),
        db.prisma.evidence.count({ where: { sourceId: item.id, start: { not: null } } }),
      ]);
      assert.equal(item.quoteCount, appearances + evidence, item.title ?? item.id);
    }
    const newest = await db.prisma.source.findFirstOrThrow({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } });
    assert.equal(items[0]?.id, newest.id);
    assert.equal(times.length, items.length);
  });

  test("shows the quotes of draft claims, which the public page leaves out", async () => {
    const draft = await db.prisma.claim.findUniqueOrThrow({
      where: { slug: 'choe-son-hui-renforcer-arsenal-nucleaire' },
      select: { id: true, appearances: { select: { id: true, sourceId: true } } },
    });
    const appearance = draft.appearances[0];
    assert.ok(appearance);
    const source = await findDashboardSource(editor, appearance.sourceId);
    assert.ok(source);
    const quote = source.quotes.find((q) => q.id === appearance.id);
    assert.equal(quote?.claim.id, draft.id);
    assert.equal(quote?.claim.status, 'DRAFT');
    const publicSource = await findPublicSourceById(appearance.sourceId);
    assert.ok(!publicSource?.quotes.some((q) => q.id === appearance.id), 'readers never see a draft quote');
    const starts = source.quotes.map((q) => q.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'quotes are in text order');
    assert.equal(await findDashboardSource(editor, 'no-such-source'), null);
  });
});
