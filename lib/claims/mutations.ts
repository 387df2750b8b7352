import { recordAudit } from '../audit/record';
import { publicTagsForClaim } from '../cache-tags';
import { Prisma } from '../db';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import type { ArchiveClaimInput, CreateClaimInput, UpdateClaimInput } from './schema';
import { firstFreeSlug, retryOnSlugRace, slugBase } from './slug';

const auditedFields = {
  id: true,
  slug: true,
  text: true,
  summary: true,
  language: true,
  claimantId: true,
  claimedAt: true,
  tags: true,
  status: true,
  publishedAt: true,
  archivedAt: true,
  archiveReason: true,
  version: true,
} as const;

/**
 * Every public cache entry showing this claim, read inside the transaction
 * that changed it: its page, the lists, and the source pages its quotes and
 * its published evidence point into. Empty while the claim is not public.
 */
export async function readPublicClaimTags(tx: Tx, claimId: string): Promise<string[]> {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: {
      slug: true,
      status: true,
      publishedAt: true,
      appearances: { select: { sourceId: true } },
      verdicts: { where: { state: 'PUBLISHED' }, select: { evidence: { select: { sourceId: true } } } },
    },
  });
  if (!claim) return [];
  const isPublic = claim.status === 'PUBLISHED' || (claim.status === 'ARCHIVED' && claim.publishedAt !== null);
  if (!isPublic) return [];
  const sourceIds = [...claim.appearances.map((a) => a.sourceId), ...claim.verdicts.flatMap((v) => v.evidence.map((e) => e.sourceId))];
  return publicTagsForClaim(claim.slug, sourceIds);
}

const claimantFieldError = (message: string) => new MutationError('INVALID_STATE', 'Check the claimant.', { claimant: [message] });

/**
 * The claimant the editor chose: the picker's id when a suggestion was picked,
 * else the typed text matched against names, then aliases and slugs (so that
 * the form also works without JavaScript).
 */
async function resolveClaimantId(tx: Tx, input: { claimantId: string; claimant: string }): Promise<string> {
  if (input.claimantId !== '') {
    const byId = await tx.claimant.findUnique({ where: { id: input.claimantId }, select: { id: true } });
    if (!byId) throw claimantFieldError('This claimant no longer exists: choose another one.');
    return byId.id;
  }
  const text = input.claimant;
  const byName = await tx.claimant.findMany({ where: { name: { equals: text, mode: 'insensitive' } }, select: { id: true }, take: 2 });
  const matches = byName.length > 0
    ? byName
    : await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
        SELECT "id" FROM "claimants"
        WHERE "slug" = lower(${text})
           OR EXISTS (SELECT 1 FROM unnest("aliases") AS alias WHERE lower(alias) = lower(${text}))
        LIMIT 2`);
  const [only, second] = matches;
  if (!only) throw claimantFieldError(`No claimant is called “${text}”. Choose one from the suggestions, or create it with “New claimant”.`);
  if (second) throw claimantFieldError(`Several claimants match “${text}”: choose one from the suggestions.`);
  return only.id;
}

function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00.000Z`);
}

async function freeClaimSlug(tx: Tx, summary: string, exceptId?: string): Promise<string> {
  const base = slugBase(summary, 'claim');
  const taken = await tx.claim.findMany({
    where: { slug: { startsWith: base }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { slug: true },
  });
  return firstFreeSlug(base, taken.map((row) => row.slug));
}

export type SavedClaim = { id: string; slug: string; version: number; publicTags: string[] };

/** A new claim starts as a DRAFT; its slug comes from the summary. */
export async function createClaim(actor: Actor, input: CreateClaimInput): Promise<SavedClaim> {
  assertCan(actor, 'claim.create');
  return retryOnSlugRace('claims_slug_key', () =>
    runMutation(async (tx) => {
      const claimantId = await resolveClaimantId(tx, input);
      const claim = await tx.claim.create({
        data: {
          slug: await freeClaimSlug(tx, input.summary),
          text: input.text,
          summary: input.summary,
          language: input.language,
          claimantId,
          claimedAt: toDate(input.claimedAt),
          tags: input.tags,
          status: 'DRAFT',
          createdById: actor.id,
          updatedById: actor.id,
        },
        select: auditedFields,
      });
      await recordAudit(tx, { actorId: actor.id, action: 'claim.create', entityType: 'Claim', entityId: claim.id, after: claim });
      return { id: claim.id, slug: claim.slug, version: claim.version, publicTags: [] };
    }),
  );
}

/**
 * Saves the editor's changes if nobody saved the claim since they opened it.
 * A published claim may be edited (the change is audited and the public pages
 * refreshed), but its slug never changes once published: its URL is public.
 */
export async function updateClaim(actor: Actor, input: UpdateClaimInput): Promise<SavedClaim> {
  assertCan(actor, 'claim.update');
  return retryOnSlugRace('claims_slug_key', () =>
    runMutation(async (tx) => {
      const before = await tx.claim.findUnique({ where: { id: input.id }, select: auditedFields });
      if (!before) throw new MutationError('NOT_FOUND', 'This claim no longer exists.');
      if (before.version !== input.version) throw MutationError.stale('Claim', input.id, 'claim');
      // Its public page promises readers that an archived fact check is kept unchanged.
      if (before.status === 'ARCHIVED') throw new MutationError('INVALID_STATE', 'This claim is archived: it is kept unchanged and can no longer be edited.');
      const claimantId = await resolveClaimantId(tx, input);
      const keepSlug = before.publishedAt !== null || before.status === 'PUBLISHED' || before.summary === input.summary;
      const { count } = await tx.claim.updateMany({
        where: { id: input.id, version: input.version },
        data: {
          slug: keepSlug ? before.slug : await freeClaimSlug(tx, input.summary, input.id),
          text: input.text,
          summary: input.summary,
          language: input.language,
          claimantId,
          claimedAt: toDate(input.claimedAt),
          tags: input.tags,
          updatedById: actor.id,
          version: { increment: 1 },
        },
      });
      // Someone saved between our read and our write.
      if (count === 0) throw MutationError.stale('Claim', input.id, 'claim');
      const after = await tx.claim.findUniqueOrThrow({ where: { id: input.id }, select: auditedFields });
      await recordAudit(tx, { actorId: actor.id, action: 'claim.update', entityType: 'Claim', entityId: input.id, before, after });
      return { id: after.id, slug: after.slug, version: after.version, publicTags: await readPublicClaimTags(tx, input.id) };
    }),
  );
}

/**
 * Takes a claim out of the newsroom's lists. A claim that was published stays
 * readable at its URL with an "archived" banner and the reason.
 */
export async function archiveClaim(actor: Actor, input: ArchiveClaimInput): Promise<SavedClaim> {
  assertCan(actor, 'claim.archive');
  return runMutation(async (tx) => {
    const before = await tx.claim.findUnique({ where: { id: input.id }, select: auditedFields });
    if (!before) throw new MutationError('NOT_FOUND', 'This claim no longer exists.');
    if (before.status === 'ARCHIVED') throw new MutationError('INVALID_STATE', 'This claim is already archived.');
    const { count } = await tx.claim.updateMany({
      where: { id: input.id, version: input.version },
      data: { status: 'ARCHIVED', archivedAt: new Date(), archiveReason: input.reason, updatedById: actor.id, version: { increment: 1 } },
    });
    if (count === 0) throw MutationError.stale('Claim', input.id, 'claim');
    const after = await tx.claim.findUniqueOrThrow({ where: { id: input.id }, select: auditedFields });
    await recordAudit(tx, { actorId: actor.id, action: 'claim.archive', entityType: 'Claim', entityId: input.id, before, after });
    return { id: after.id, slug: after.slug, version: after.version, publicTags: await readPublicClaimTags(tx, input.id) };
  });
}
