import { recordAudit } from '../audit/record';
import { cacheTags } from '../cache-tags';
import { publicClaimWhere } from '../claims/visibility';
import { firstFreeSlug, retryOnSlugRace, slugBase } from '../claims/slug';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import type { CreateClaimantInput, UpdateClaimantInput } from './schema';

const auditedFields = { id: true, slug: true, name: true, kind: true, aliases: true, country: true, description: true, sameAs: true, version: true } as const;

const namesakeError = () =>
  new MutationError('INVALID_STATE', message('errors.claimant.namesake'), { name: [message('errors.claimant.namesakeField')] });

/**
 * The same check, made by the database for two saves at once (neither sees
 * the other's uncommitted row): migration 20261201100100_unique_races.
 */
const namesakeViolation = { claimants_name_country_key: namesakeError };

/** Two claimants with the same name in the same country are almost always one entered twice. */
async function assertNoNamesake(tx: Tx, input: { name: string; country: string | null }, exceptId?: string): Promise<void> {
  const namesake = await tx.claimant.findFirst({
    where: {
      name: { equals: input.name, mode: 'insensitive' },
      country: input.country,
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (namesake) throw namesakeError();
}

export type CreatedClaimant = { id: string; slug: string; name: string };

export async function createClaimant(actor: Actor, input: CreateClaimantInput): Promise<CreatedClaimant> {
  assertCan(actor, 'claimant.create');
  const base = slugBase(input.name, 'claimant');
  return retryOnSlugRace('claimants_slug_key', () =>
    runMutation(async (tx) => {
      await assertNoNamesake(tx, input);
      const taken = await tx.claimant.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
      const claimant = await tx.claimant.create({
        data: {
          slug: firstFreeSlug(base, taken.map((row) => row.slug)),
          name: input.name,
          kind: input.kind,
          aliases: input.aliases,
          country: input.country,
          description: input.description,
          sameAs: input.sameAs,
        },
        select: auditedFields,
      });
      await recordAudit(tx, { actorId: actor.id, action: 'claimant.create', entityType: 'Claimant', entityId: claimant.id, after: claimant });
      return { id: claimant.id, slug: claimant.slug, name: claimant.name };
    }, { uniqueViolations: namesakeViolation }),
  );
}

export type UpdatedClaimant = { id: string; version: number; publicTags: string[] };

/**
 * Saves a claimant's details. The slug is kept: it identifies the claimant in
 * the public API, so renaming someone must not break a reader's link.
 */
export async function updateClaimant(actor: Actor, input: UpdateClaimantInput): Promise<UpdatedClaimant> {
  assertCan(actor, 'claimant.update');
  return runMutation(async (tx) => {
    const before = await tx.claimant.findUnique({ where: { id: input.id }, select: auditedFields });
    if (!before) throw new MutationError('NOT_FOUND', message('errors.claimant.notFound'));
    await assertNoNamesake(tx, input, input.id);
    const { count } = await tx.claimant.updateMany({
      where: { id: input.id, version: input.version },
      data: {
        name: input.name,
        kind: input.kind,
        aliases: input.aliases,
        country: input.country,
        description: input.description,
        sameAs: input.sameAs,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw MutationError.stale('Claimant', input.id, 'claimant');
    const after = await tx.claimant.findUniqueOrThrow({ where: { id: input.id }, select: auditedFields });
    await recordAudit(tx, { actorId: actor.id, action: 'claimant.update', entityType: 'Claimant', entityId: input.id, before, after });
    return { id: input.id, version: after.version, publicTags: [cacheTags.claimant(after.slug), ...(await publicTagsOfClaimantClaims(tx, input.id))] };
  }, { uniqueViolations: namesakeViolation });
}

/**
 * The claimant's name shows on the public pages of the claims they made or are
 * quoted in, and in every list of claims (their own page's tag is added by
 * updateClaimant: expiring it costs nothing when they have no public page).
 */
async function publicTagsOfClaimantClaims(tx: Tx, claimantId: string): Promise<string[]> {
  const claims = await tx.claim.findMany({
    where: { AND: [publicClaimWhere, { OR: [{ claimantId }, { appearances: { some: { speakerId: claimantId } } }] }] },
    select: { slug: true },
  });
  if (claims.length === 0) return [];
  return [cacheTags.claimList, ...claims.map((claim) => cacheTags.claim(claim.slug))];
}
