import { recordAudit } from '../audit/record';
import { prisma } from '../db';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { sha256OfText } from './hash';
import { HTTP_URL_MESSAGE, emptyCleanedTextMessage, normaliseSourceUrl, prepareSourceImport, type SourceInput } from './schema';

export const DUPLICATE_SOURCE_MESSAGE = 'This article is already archived.';

/** The archive already holds this article (same cleaned text or same address). */
export class DuplicateSourceError extends MutationError {
  constructor(
    readonly existingSourceId: string,
    readonly matchedBy: 'url' | 'text',
  ) {
    super('CONFLICT', DUPLICATE_SOURCE_MESSAGE, {
      [matchedBy]: [
        matchedBy === 'url'
          ? 'A source with this URL is in the archive.'
          : 'A source with the same cleaned text is in the archive.',
      ],
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
