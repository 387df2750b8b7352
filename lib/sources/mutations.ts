import { recordAudit } from '../audit/record';
import { cacheTags } from '../cache-tags';
import { publicClaimWhere, publicSourceWhere } from '../claims/visibility';
import { prisma } from '../db';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { sha256OfText } from './hash';
import { HTTP_URL_MESSAGE, emptyCleanedTextMessage, normaliseSourceUrl, prepareSourceImport, type SourceInput, type SourceMetadataInput } from './schema';

export const DUPLICATE_SOURCE_MESSAGE = message('sourcesDashboard.errors.duplicate');

/** The archive already holds this article (same cleaned text or same address). */
export class DuplicateSourceError extends MutationError {
  constructor(
    readonly existingSourceId: string,
    readonly matchedBy: 'url' | 'text',
  ) {
    super('CONFLICT', DUPLICATE_SOURCE_MESSAGE, {
      [matchedBy]: [message(matchedBy === 'url' ? 'sourcesDashboard.errors.duplicateUrl' : 'sourcesDashboard.errors.duplicateText')],
    });
    this.name = 'DuplicateSourceError';
  }
}

type Db = Pick<typeof prisma, 'source'> | Tx;

/** The source already holding this article, if any; the caller has checked the permission. */
async function duplicateOf(db: Db, sha256: string, url: string | null): Promise<DuplicateSourceError | null> {
  const existing = await db.source.findFirst({
    where: { OR: [{ sha256 }, ...(url ? [{ url }] : [])] },
    orderBy: { createdAt: 'asc' },
    select: { id: true, sha256: true },
  });
  return existing ? new DuplicateSourceError(existing.id, existing.sha256 === sha256 ? 'text' : 'url') : null;
}

/**
 * Archives an article. The importer runs here, on the raw text, whatever the
 * browser showed: the stored `text` is always the importer's output, and its
 * hash is what the database checks.
 */
export async function createSource(actor: Actor, input: SourceInput): Promise<{ id: string }> {
  assertCan(actor, 'source.create');
  // The form's schema already refused it; a direct caller must not store a javascript: link either.
  const url = input.url === null ? null : normaliseSourceUrl(input.url);
  if (input.url !== null && url === null) throw new MutationError('INVALID_STATE', HTTP_URL_MESSAGE, { url: [HTTP_URL_MESSAGE] });
  const retrievedAt = new Date();
  const prepared = prepareSourceImport({ ...input, url }, retrievedAt);
  if (prepared.text.trim() === '') {
    throw new MutationError('INVALID_STATE', emptyCleanedTextMessage, { text: [emptyCleanedTextMessage] });
  }
  const sha256 = sha256OfText(prepared.text);
  const { metadata } = prepared;

  // Two editors saving the same article at once: the unique index on sha256
  // or url refuses the second one; tell them where the first is.
  const raceLoser = () => duplicateOf(prisma, sha256, metadata.url);
  return runMutation(
    async (tx) => {
      const duplicate = await duplicateOf(tx, sha256, metadata.url);
      if (duplicate) throw duplicate;

      const source = await tx.source.create({
        data: {
          url: metadata.url,
          title: metadata.title,
          publisher: metadata.publisher,
          author: metadata.author,
          language: metadata.language,
          publishedAt: metadata.publishedOn ? new Date(`${metadata.publishedOn}T00:00:00.000Z`) : null,
          retrievedAt,
          rawText: prepared.rawText,
          text: prepared.text,
          sha256,
          createdById: actor.id,
        },
        select: { id: true, title: true, url: true, sha256: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'source.create',
        entityType: 'Source',
        entityId: source.id,
        after: { id: source.id, title: source.title, url: source.url, sha256: source.sha256 },
      });
      return { id: source.id };
    },
    { uniqueViolations: { sources_sha256_key: raceLoser, sources_url_key: raceLoser } },
  );
}

/** The fields of a source an editor may change after saving it, as the audit trail records them. */
const metadataSelect = { title: true, url: true, publisher: true, author: true, language: true, publishedAt: true, version: true } as const;

export type UpdatedSource = { id: string; version: number; changed: boolean; publicTags: string[] };

function urlTakenError(): MutationError {
  const taken = message('sourcesDashboard.errors.duplicateUrl');
  return new MutationError('CONFLICT', taken, { url: [taken] });
}

/**
 * Saves a source's metadata (title, publisher, author, URL, publication date,
 * language). The archived text, its hash and its retrieval time are never
 * part of the change: quotes point into the text (and the database refuses to
 * change it once they do). Carries the version the editor opened; saving
 * nothing new changes nothing and audits nothing.
 */
export async function updateSourceMetadata(actor: Actor, input: SourceMetadataInput): Promise<UpdatedSource> {
  assertCan(actor, 'source.update');
  const publishedAt = input.publishedOn ? new Date(`${input.publishedOn}T00:00:00.000Z`) : null;
  const fields = { title: input.title, url: input.url, publisher: input.publisher, author: input.author, language: input.language, publishedAt };
  return runMutation(
    async (tx) => {
      const before = await tx.source.findUnique({ where: { id: input.id }, select: metadataSelect });
      if (!before) throw new MutationError('NOT_FOUND', message('sourcesDashboard.errors.notFound'));
      if (before.version !== input.version) throw MutationError.stale('Source', input.id, 'source');
      const unchanged = (Object.keys(fields) as (keyof typeof fields)[]).every((field) => sameValue(before[field], fields[field]));
      if (unchanged) return { id: input.id, version: before.version, changed: false, publicTags: [] };
      if (input.url && input.url !== before.url && (await tx.source.findFirst({ where: { url: input.url, id: { not: input.id } }, select: { id: true } }))) {
        throw urlTakenError();
      }
      const { count } = await tx.source.updateMany({ where: { id: input.id, version: input.version }, data: { ...fields, version: { increment: 1 } } });
      if (count === 0) throw MutationError.stale('Source', input.id, 'source');
      const { version: _before, ...beforeFields } = before;
      await recordAudit(tx, { actorId: actor.id, action: 'source.update', entityType: 'Source', entityId: input.id, before: beforeFields, after: fields });
      return { id: input.id, version: before.version + 1, changed: true, publicTags: await publicTagsOfSource(tx, input.id) };
    },
    // Two editors giving two sources the same address at once: the unique index refuses the second.
    { uniqueViolations: { sources_url_key: urlTakenError } },
  );
}

function sameValue(saved: string | Date | null, typed: string | Date | null): boolean {
  if (saved instanceof Date || typed instanceof Date) return saved?.valueOf() === typed?.valueOf();
  return saved === typed;
}

/**
 * Readers see a source's metadata on its own page and on the pages of the
 * public claims that quote or cite it: their cache entries, if it is public.
 */
async function publicTagsOfSource(tx: Tx, sourceId: string): Promise<string[]> {
  if ((await tx.source.count({ where: { AND: [{ id: sourceId }, publicSourceWhere] } })) === 0) return [];
  const claims = await tx.claim.findMany({
    where: {
      AND: [
        publicClaimWhere,
        {
          OR: [
            { appearances: { some: { sourceId } } },
            { verdicts: { some: { state: { in: ['PUBLISHED', 'SUPERSEDED'] }, evidence: { some: { sourceId } } } } },
          ],
        },
      ],
    },
    select: { slug: true },
  });
  return [cacheTags.source(sourceId), ...claims.map((claim) => cacheTags.claim(claim.slug))];
}
