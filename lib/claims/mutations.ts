import { anchorInSource, type AnchoredQuote, insertAppearance } from '../appearances/mutations';
import { recordAudit } from '../audit/record';
import { findNearDuplicateClaim, type NearDuplicate } from '../claim-matching/queries';
import { Prisma } from '../db';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { claimLinkRaces, linkClaims } from '../relations/mutations';
import { claimAuditSelect } from './audit-select';
import { readPublicClaimTags } from './public-tags';
import { openRevisionRaces, proposeClaimChanges, type ProposedRevision, rebaseOpenRevision } from './revision-proposals';
import type { RevisionProposalFields } from './revision-schema';
import type { ArchiveClaimInput, CreateClaimInput, PendingAppearance, UpdateClaimInput } from './schema';
import { firstFreeSlug, retryOnSlugRace, slugBase } from './slug';
import { hasBeenPublished } from './visibility';



const claimantFieldError = (refusal: string) => new MutationError('INVALID_STATE', message('errors.claim.checkClaimant'), { claimant: [refusal] });

/**
 * The claimant the editor chose: the picker's id when a suggestion was picked,
 * else the typed text matched against names, then aliases and slugs (so that
 * the form also works without JavaScript).
 */
async function resolveClaimantId(tx: Tx, input: { claimantId: string; claimant: string }): Promise<string> {
  if (input.claimantId !== '') {
    const byId = await tx.claimant.findUnique({ where: { id: input.claimantId }, select: { id: true } });
    if (!byId) throw claimantFieldError(message('errors.claimant.gone'));
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
  if (!only) throw claimantFieldError(message('errors.claim.noClaimantCalled', { name: text }));
  if (second) throw claimantFieldError(message('errors.claim.severalClaimants', { name: text }));
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

/**
 * The claim is nearly identical to another of the same claimant: saving asks
 * the editor to confirm, naming the other claim (claim matching decides what
 * "nearly identical" is). The form resubmits with `confirmDuplicateOf`.
 */
export class NearDuplicateClaimError extends MutationError {
  constructor(readonly duplicate: NearDuplicate) {
    super('INVALID_STATE', message('claimEditor.claimForm.duplicate.refused'), {
      text: [message('claimEditor.claimForm.duplicate.fieldError', { summary: duplicate.summary })],
    });
    this.name = 'NearDuplicateClaimError';
  }
}

/** Refuses the save unless the editor confirmed this very duplicate (or links the claim to it as the same claim). */
async function refuseUnconfirmedDuplicate(
  tx: Tx,
  claim: { text: string; claimantId: string; excludeClaimId?: string },
  confirmed: (string | null)[],
): Promise<void> {
  const duplicate = await findNearDuplicateClaim(tx, claim);
  if (duplicate && !confirmed.includes(duplicate.id)) throw new NearDuplicateClaimError(duplicate);
}

const PENDING_APPEARANCE_FIELDS = { sourceId: 'appearanceSourceId', quote: 'appearanceQuote' };

/** The new claim's pending appearance, located in its source by the appearances' own anchoring (before anything is written). */
async function anchorPendingAppearance(tx: Tx, pending: PendingAppearance, claimantId: string): Promise<AnchoredQuote> {
  const speakerId = pending.speakerId ?? claimantId;
  const speaker = await tx.claimant.findUnique({ where: { id: speakerId }, select: { id: true } });
  if (!speaker) throw new MutationError('INVALID_STATE', message('errors.appearance.checkSpeaker'), { appearanceSpeakerId: [message('errors.claimant.gone')] });
  const { sourceId, anchor } = await anchorInSource(tx, { ...pending, occurrence: null }, PENDING_APPEARANCE_FIELDS);
  return { sourceId, speakerId: speaker.id, stance: pending.stance, ...anchor };
}

/**
 * A new claim starts as a DRAFT; its slug comes from the summary. Opened from
 * a suggested quote, it is saved with that quote as its first appearance, and
 * linked as the same claim as another one when the editor said so — all in
 * one transaction, each row with its audit row: a quote that is not in the
 * source writes no claim at all.
 */
export async function createClaim(actor: Actor, input: CreateClaimInput): Promise<SavedClaim> {
  assertCan(actor, 'claim.create');
  if (input.pendingAppearance) assertCan(actor, 'appearance.create');
  if (input.sameAsClaimId) assertCan(actor, 'relation.create');
  return retryOnSlugRace('claims_slug_key', () =>
    runMutation(
      async (tx) => {
        const claimantId = await resolveClaimantId(tx, input);
        await refuseUnconfirmedDuplicate(tx, { text: input.text, claimantId }, [input.confirmDuplicateOf, input.sameAsClaimId]);
        const quote = input.pendingAppearance ? await anchorPendingAppearance(tx, input.pendingAppearance, claimantId) : null;
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
          select: claimAuditSelect,
        });
        await recordAudit(tx, { actorId: actor.id, action: 'claim.create', entityType: 'Claim', entityId: claim.id, after: claim });
        if (quote) await insertAppearance(tx, actor, claim.id, quote);
        // A draft has no public page, but the claim it is linked to may: its page lists the link.
        const publicTags: string[] = [];
        if (input.sameAsClaimId) {
          const link = await linkClaims(tx, actor, { fromClaimId: claim.id, target: input.sameAsClaimId, type: 'SAME_AS', note: null });
          publicTags.push(...(await readPublicClaimTags(tx, link.claimIds[1])));
        }
        return { id: claim.id, slug: claim.slug, version: claim.version, publicTags };
      },
      { uniqueViolations: claimLinkRaces },
    ),
  );
}

export type UpdatedClaim = SavedClaim & {
  /** The revision the save proposed or amended; null when it saved directly (or changed nothing). */
  revision: ProposedRevision | null;
  /** False when the claim row itself was left as it was (a published claim's proposal, or no change). */
  saved: boolean;
};

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((tag, index) => tag === b[index]);

/**
 * Saves the editor's changes if nobody saved the claim since they opened it.
 * Before publication they apply at once (the slug follows the summary). Once
 * readers have seen the claim, what it tells them (text, summary, claimant,
 * language, claimed date) is proposed as a revision that another editor
 * approves (revision-proposals.ts), and only its tags, which readers are not
 * told as a fact, are saved at once, audited. Its slug never changes: its URL
 * is public.
 */
export async function updateClaim(actor: Actor, input: UpdateClaimInput & Partial<RevisionProposalFields>): Promise<UpdatedClaim> {
  assertCan(actor, 'claim.update');
  const fields: RevisionProposalFields = { revisionNote: input.revisionNote ?? '', revisionId: input.revisionId ?? '', revisionVersion: input.revisionVersion ?? null };
  return retryOnSlugRace('claims_slug_key', () =>
    runMutation(
      async (tx) => {
        const before = await tx.claim.findUnique({ where: { id: input.id }, select: claimAuditSelect });
        if (!before) throw new MutationError('NOT_FOUND', message('errors.claim.notFound'));
        if (before.version !== input.version) throw MutationError.stale('Claim', input.id, 'claim');
        // Its public page promises readers that an archived fact check is kept unchanged.
        if (before.status === 'ARCHIVED') throw new MutationError('INVALID_STATE', message('errors.claim.archived'));
        const claimantId = await resolveClaimantId(tx, input);
        // Asked only when what the claim says or who says it changes: saving its tags asks nothing.
        if (before.text !== input.text || before.claimantId !== claimantId) {
          await refuseUnconfirmedDuplicate(tx, { text: input.text, claimantId, excludeClaimId: input.id }, [input.confirmDuplicateOf]);
        }
        const proposal = { text: input.text, summary: input.summary, language: input.language, claimantId, claimedAt: toDate(input.claimedAt) };

        if (!hasBeenPublished(before)) {
          const { count } = await tx.claim.updateMany({
            where: { id: input.id, version: input.version },
            data: {
              ...proposal,
              slug: before.summary === input.summary ? before.slug : await freeClaimSlug(tx, input.summary, input.id),
              tags: input.tags,
              updatedById: actor.id,
              version: { increment: 1 },
            },
          });
          // Someone saved between our read and our write.
          if (count === 0) throw MutationError.stale('Claim', input.id, 'claim');
          const after = await tx.claim.findUniqueOrThrow({ where: { id: input.id }, select: claimAuditSelect });
          await recordAudit(tx, { actorId: actor.id, action: 'claim.update', entityType: 'Claim', entityId: input.id, before, after });
          return { id: after.id, slug: after.slug, version: after.version, publicTags: await readPublicClaimTags(tx, input.id), revision: null, saved: true };
        }

        let current = before;
        let publicTags: string[] = [];
        if (!sameTags(before.tags, input.tags)) {
          const { count } = await tx.claim.updateMany({
            where: { id: input.id, version: input.version },
            data: { tags: input.tags, updatedById: actor.id, version: { increment: 1 } },
          });
          if (count === 0) throw MutationError.stale('Claim', input.id, 'claim');
          current = await tx.claim.findUniqueOrThrow({ where: { id: input.id }, select: claimAuditSelect });
          await recordAudit(tx, { actorId: actor.id, action: 'claim.update', entityType: 'Claim', entityId: input.id, before, after: current });
          await rebaseOpenRevision(tx, input.id, before.version, current.version);
          // The read API shows the tags.
          publicTags = await readPublicClaimTags(tx, input.id);
        }
        const revision = await proposeClaimChanges(tx, actor, current, proposal, fields);
        return { id: current.id, slug: current.slug, version: current.version, publicTags, revision, saved: current !== before };
      },
      { uniqueViolations: openRevisionRaces(input.id) },
    ),
  );
}

/**
 * Takes a claim out of the newsroom's lists. A claim that was published stays
 * readable at its URL with an "archived" banner and the reason.
 */
export async function archiveClaim(actor: Actor, input: ArchiveClaimInput): Promise<SavedClaim> {
  assertCan(actor, 'claim.archive');
  return runMutation(async (tx) => {
    const before = await tx.claim.findUnique({ where: { id: input.id }, select: claimAuditSelect });
    if (!before) throw new MutationError('NOT_FOUND', message('errors.claim.notFound'));
    if (before.status === 'ARCHIVED') throw new MutationError('INVALID_STATE', message('errors.claim.alreadyArchived'));
    const { count } = await tx.claim.updateMany({
      where: { id: input.id, version: input.version },
      data: { status: 'ARCHIVED', archivedAt: new Date(), archiveReason: input.reason, updatedById: actor.id, version: { increment: 1 } },
    });
    if (count === 0) throw MutationError.stale('Claim', input.id, 'claim');
    const after = await tx.claim.findUniqueOrThrow({ where: { id: input.id }, select: claimAuditSelect });
    await recordAudit(tx, { actorId: actor.id, action: 'claim.archive', entityType: 'Claim', entityId: input.id, before, after });
    return { id: after.id, slug: after.slug, version: after.version, publicTags: await readPublicClaimTags(tx, input.id) };
  });
}
