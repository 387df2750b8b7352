import { recordAudit } from '../audit/record';
import { cacheTags } from '../cache-tags';
import { publicClaimWhere } from '../claims/visibility';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { ratingFieldsSelect, ratingScaleOrder } from './queries';
import type { CreateRatingInput, DeleteRatingInput, MoveRatingInput, UpdateRatingInput } from './schema';

// The rating scale (/dashboard/ratings, admins). Every change is audited in
// the transaction that makes it and carries the version the form was opened
// with; a rating that rates any verdict is never deleted, only deactivated.

const auditedFields = ratingFieldsSelect;

const keyTaken = () =>
  new MutationError('INVALID_STATE', message('ratingsAdmin.errors.keyTaken'), { key: [message('ratingsAdmin.errors.keyTaken')] });

const notFound = () => new MutationError('NOT_FOUND', message('ratingsAdmin.errors.notFound'));

const inUse = () => new MutationError('INVALID_STATE', message('ratingsAdmin.errors.inUse'));

export type SavedRating = { id: string; key: string; version: number };

export async function createRating(actor: Actor, input: CreateRatingInput): Promise<SavedRating> {
  assertCan(actor, 'rating.manage');
  return runMutation(
    async (tx) => {
      if (await tx.rating.findUnique({ where: { key: input.key }, select: { id: true } })) throw keyTaken();
      const last = await tx.rating.aggregate({ _max: { position: true } });
      const rating = await tx.rating.create({
        data: { ...input, position: (last._max.position ?? -1) + 1 },
        select: auditedFields,
      });
      await recordAudit(tx, { actorId: actor.id, action: 'rating.create', entityType: 'Rating', entityId: rating.id, after: rating });
      return { id: rating.id, key: rating.key, version: rating.version };
    },
    // Two admins creating the same key at once: the unique index decides.
    { uniqueViolations: { ratings_key_key: keyTaken } },
  );
}

export type UpdatedRating = SavedRating & { publicTags: string[] };

/** Saves a rating's labels, descriptions, value, colour and active flag. */
export async function updateRating(actor: Actor, input: UpdateRatingInput): Promise<UpdatedRating> {
  assertCan(actor, 'rating.manage');
  return runMutation(async (tx) => {
    const before = await tx.rating.findUnique({ where: { id: input.id }, select: auditedFields });
    if (!before) throw notFound();
    const { id, version, ...fields } = input;
    const { count } = await tx.rating.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 0) throw MutationError.stale('Rating', id, 'rating');
    const after = await tx.rating.findUniqueOrThrow({ where: { id }, select: auditedFields });
    await recordAudit(tx, { actorId: actor.id, action: 'rating.update', entityType: 'Rating', entityId: id, before, after });
    return { id, key: after.key, version: after.version, publicTags: await publicTagsOfRating(tx, id) };
  });
}

/** Readers see a rating's label, colour and value on the claims it rates, and on every list of claims. */
async function publicTagsOfRating(tx: Tx, ratingId: string): Promise<string[]> {
  const claims = await tx.claim.findMany({
    where: { AND: [publicClaimWhere, { verdicts: { some: { ratingId, state: { in: ['PUBLISHED', 'SUPERSEDED'] } } } }] },
    select: { slug: true },
  });
  if (claims.length === 0) return [];
  return [cacheTags.claimList, ...claims.map((claim) => cacheTags.claim(claim.slug))];
}

/**
 * Swaps a rating with its neighbour in the scale's order. The scale is
 * renumbered 0, 1, 2… on the way (positions may have gaps or ties after
 * deletions and outside edits); every row whose position changes gets a new
 * version and an audit row.
 */
export async function moveRating(actor: Actor, input: MoveRatingInput): Promise<SavedRating> {
  assertCan(actor, 'rating.manage');
  return runMutation(async (tx) => {
    // Two moves at once would each renumber from what they read: one waits for the other.
    await tx.$executeRaw`SELECT 1 FROM "ratings" FOR UPDATE`;
    const scale = await tx.rating.findMany({ orderBy: [...ratingScaleOrder], select: { id: true, key: true, position: true, version: true } });
    const index = scale.findIndex((rating) => rating.id === input.id);
    const moved = scale[index];
    if (!moved) throw notFound();
    if (moved.version !== input.version) throw MutationError.stale('Rating', input.id, 'rating');
    const target = input.direction === 'up' ? index - 1 : index + 1;
    const neighbour = scale[target];
    if (!neighbour) throw new MutationError('INVALID_STATE', message(`ratingsAdmin.errors.${input.direction === 'up' ? 'alreadyFirst' : 'alreadyLast'}`));
    scale[target] = moved;
    scale[index] = neighbour;

    let movedVersion = moved.version;
    for (const [position, rating] of scale.entries()) {
      if (rating.position === position) continue;
      const after = await tx.rating.update({
        where: { id: rating.id },
        data: { position, version: { increment: 1 } },
        select: { position: true, version: true },
      });
      if (rating.id === moved.id) movedVersion = after.version;
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'rating.move',
        entityType: 'Rating',
        entityId: rating.id,
        before: { key: rating.key, position: rating.position, version: rating.version },
        after: { key: rating.key, ...after },
      });
    }
    return { id: moved.id, key: moved.key, version: movedVersion };
  });
}

/** Deletes a rating no verdict has ever used (a used one can only be deactivated). */
export async function deleteRating(actor: Actor, input: DeleteRatingInput): Promise<SavedRating> {
  assertCan(actor, 'rating.manage');
  try {
    return await runMutation(async (tx) => {
      const before = await tx.rating.findUnique({ where: { id: input.id }, select: { ...auditedFields, _count: { select: { verdicts: true } } } });
      if (!before) throw notFound();
      const { _count, ...snapshot } = before;
      if (_count.verdicts > 0) throw inUse();
      const { count } = await tx.rating.deleteMany({ where: { id: input.id, version: input.version } });
      if (count === 0) throw MutationError.stale('Rating', input.id, 'rating');
      await recordAudit(tx, { actorId: actor.id, action: 'rating.delete', entityType: 'Rating', entityId: input.id, before: snapshot });
      return { id: snapshot.id, key: snapshot.key, version: snapshot.version };
    });
  } catch (error) {
    // A verdict saved with this rating after the count above: the foreign key refuses the delete.
    if (isForeignKeyViolation(error)) throw inUse();
    throw error;
  }
}

/** Prisma's foreign-key refusal (P2003), checked structurally like isUniqueViolation. */
function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2003';
}
