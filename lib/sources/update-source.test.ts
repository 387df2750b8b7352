import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cacheTags } from '../cache-tags';
import { renderMessage } from '../i18n/render-message';
import { ForbiddenError, type Actor } from '../permissions';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { rejectsWithMutationError } from '../testing/mutation-error';
import { createSource, updateSourceMetadata } from './mutations';
import { sourceMetadataSchema, type SourceMetadataInput } from './schema';

// Editing a saved source's metadata, against a real database: the archived
// text never moves, a stale form is refused with who changed it and when,
// every change is audited, and readers' cached pages of a public source expire.

let db: SeededDatabase;
let editor: Actor;
let reviewer: Actor;
let moderator: Actor;
let articles = 0;

before(async () => {
  db = await openSeededDatabase();
  ({ editor, reviewer, moderator } = db.actors);
});
after(() => closeSeededDatabase(db));

/** A source nothing quotes yet: not public. */
async function newSource() {
  articles++;
  const { id } = await createSource(editor, {
    rawText: `Un article de test numéro ${articles}, archivé pour vérifier que ses métadonnées se corrigent sans toucher au texte.`,
    title: `Titre provisoire ${articles}`,
    url: null,
    publisher: null,
    author: null,
    language: 'fr',
    publishedOn: null,
  });
  return db.prisma.source.findUniqueOrThrow({ where: { id } });
}

function edit(source: { id: string; version: number }, fields: Partial<Omit<SourceMetadataInput, 'id' | 'version'>> = {}): SourceMetadataInput {
  return { id: source.id, version: source.version, title: 'Titre corrigé', url: null, publisher: 'Le Quotidien', author: 'Jeanne Martin', language: 'fr', publishedOn: '2024-11-05', ...fields };
}

describe('editing a source’s metadata', () => {
  test('saves the metadata with a new version and an audit row; the archived text, its hash and raw text stay', async () => {
    const source = await newSource();
    const audits = await db.prisma.auditEvent.count();
    const updated = await updateSourceMetadata(editor, edit(source, { url: 'https://www.example.org/article-corrige' }));
    assert.deepEqual(updated, { id: source.id, version: source.version + 1, changed: true, publicTags: [] });

    const row = await db.prisma.source.findUniqueOrThrow({ where: { id: source.id } });
    assert.deepEqual(
      { title: row.title, url: row.url, publisher: row.publisher, author: row.author, language: row.language, publishedAt: row.publishedAt?.toISOString() },
      { title: 'Titre corrigé', url: 'https://www.example.org/article-corrige', publisher: 'Le Quotidien', author: 'Jeanne Martin', language: 'fr', publishedAt: '2024-11-05T00:00:00.000Z' },
    );
    assert.deepEqual([row.text, row.rawText, row.sha256, row.retrievedAt.toISOString()], [source.text, source.rawText, source.sha256, source.retrievedAt.toISOString()]);

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Source', entityId: source.id, action: 'source.update' } });
    assert.equal(audit.actorId, editor.id);
    assert.deepEqual(audit.before, { title: source.title, url: null, publisher: null, author: null, language: 'fr', publishedAt: null });
    assert.deepEqual(audit.after, {
      title: 'Titre corrigé',
      url: 'https://www.example.org/article-corrige',
      publisher: 'Le Quotidien',
      author: 'Jeanne Martin',
      language: 'fr',
      publishedAt: '2024-11-05T00:00:00.000Z',
    });
    assert.equal(await db.prisma.auditEvent.count(), audits + 1);
  });

  test('a form opened before someone else saved is refused: it names who and when, and nothing changes', async () => {
    const source = await newSource();
    await updateSourceMetadata(reviewer, edit(source, { title: 'Le titre du relecteur' }));
    const error = await rejectsWithMutationError(updateSourceMetadata(editor, edit(source, { title: 'Le titre de l’éditrice' })));
    assert.equal(error.code, 'CONFLICT');
    assert.match(renderMessage(error.message), /changed by Rémi Reviewer at .* UTC/);
    const row = await db.prisma.source.findUniqueOrThrow({ where: { id: source.id } });
    assert.equal(row.title, 'Le titre du relecteur');
    assert.equal(row.version, source.version + 1);
  });

  test('saving what is already saved changes nothing and audits nothing', async () => {
    const source = await newSource();
    const first = await updateSourceMetadata(editor, edit(source));
    const audits = await db.prisma.auditEvent.count();
    const again = await updateSourceMetadata(editor, edit({ id: source.id, version: first.version }));
    assert.deepEqual(again, { id: source.id, version: first.version, changed: false, publicTags: [] });
    assert.equal(await db.prisma.auditEvent.count(), audits);
  });

  test('an address another source already has is refused on the URL field', async () => {
    const [first, second] = [await newSource(), await newSource()];
    await updateSourceMetadata(editor, edit(first, { url: 'https://www.example.org/deja-prise' }));
    const error = await rejectsWithMutationError(updateSourceMetadata(editor, edit(second, { url: 'https://www.example.org/deja-prise' })));
    assert.equal(error.code, 'CONFLICT');
    assert.deepEqual(error.fieldErrors?.url?.map((text) => renderMessage(text)), ['A source with this URL is in the archive.']);
    assert.equal((await db.prisma.source.findUniqueOrThrow({ where: { id: second.id } })).url, null);
  });

  test('a moderator may not edit a source, and nothing is written', async () => {
    const source = await newSource();
    const audits = await db.prisma.auditEvent.count();
    await assert.rejects(updateSourceMetadata(moderator, edit(source)), ForbiddenError);
    assert.equal((await db.prisma.source.findUniqueOrThrow({ where: { id: source.id } })).version, source.version);
    assert.equal(await db.prisma.auditEvent.count(), audits);
  });

  test('a source that no longer exists is NOT_FOUND', async () => {
    const error = await rejectsWithMutationError(updateSourceMetadata(editor, edit({ id: 'no-such-source', version: 1 })));
    assert.equal(error.code, 'NOT_FOUND');
  });

  test('a public source expires its own page and those of the public claims that quote or cite it', async () => {
    const quoted = await db.prisma.appearance.findFirstOrThrow({
      where: { claim: { status: 'PUBLISHED' } },
      select: { source: { select: { id: true, version: true, title: true, url: true, publisher: true, author: true, language: true } } },
    });
    const { source } = quoted;
    const updated = await updateSourceMetadata(editor, edit(source, { title: `${source.title ?? ''} (corrigé)`, url: source.url, language: source.language }));
    const publicClaims = await db.prisma.claim.findMany({
      where: {
        status: { in: ['PUBLISHED', 'ARCHIVED'] },
        publishedAt: { not: null },
        OR: [
          { appearances: { some: { sourceId: source.id } } },
          { verdicts: { some: { state: { in: ['PUBLISHED', 'SUPERSEDED'] }, evidence: { some: { sourceId: source.id } } } } },
        ],
      },
      select: { slug: true },
    });
    assert.ok(publicClaims.length > 0);
    assert.deepEqual(new Set(updated.publicTags), new Set([cacheTags.source(source.id), ...publicClaims.map((claim) => cacheTags.claim(claim.slug))]));
  });
});

describe('the metadata form', () => {
  const form = { id: 'src_1', version: '3', title: '  Un titre  ', url: '', publisher: '', author: '', language: 'FR-ca', publishedOn: '' };

  test('reads empty optional fields as nulls and writes the language tag the canonical way', () => {
    const parsed = sourceMetadataSchema.parse(form);
    assert.deepEqual(parsed, { id: 'src_1', version: 3, title: 'Un titre', url: null, publisher: null, author: null, language: 'fr-CA', publishedOn: null });
  });

  test('a saved source keeps a language; the address and the date follow the new source form’s rules', () => {
    const issues = (fields: Record<string, string>) =>
      sourceMetadataSchema.safeParse({ ...form, ...fields }).error?.issues.map((issue) => `${issue.path.join('.')}: ${renderMessage(issue.message)}`);
    assert.deepEqual(issues({ language: '  ' }), ["language: Enter the article's language, such as fr or en."]);
    assert.deepEqual(issues({ url: 'javascript:alert(1)' }), ['url: URL must start with http:// or https://.']);
    assert.deepEqual(issues({ publishedOn: '2024-02-30' }), ['publishedOn: Published on must be a date such as 2024-11-04.']);
    assert.deepEqual(issues({ version: 'x' }), ['version: The form is out of date: reload the page.']);
  });
});
