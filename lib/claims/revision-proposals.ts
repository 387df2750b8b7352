import { recordAudit } from '../audit/record';
import { prisma } from '../db';
import type { AppearanceStance } from '../generated/prisma/enums';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import type { Tx, UniqueViolationRefusal } from '../mutations/transaction';
import type { Actor } from '../permissions';
import { isoDate } from './queries';
import { changedClaimFields, revisionWordingSelect } from './revision-diff';
import { REVISION_NOTE_REQUIRED, type RevisionProposalFields } from './revision-schema';

// Once readers have seen a claim, what it tells them (text, summary,
// claimant, language, claimed date, quotes) changes only through a revision
// that one editor proposes and another approves (revision-mutations.ts).
// Proposing is the claim editor's ordinary save (updateClaim) and the
// appearance form's (addAppearance): these are their steps, run inside their
// transactions. There is no bypass, typo fixes included.

export const NOTHING_TO_REVIEW = message('errors.revision.nothingToReview');

/** Another editor's revision is open; `authorName` null when the race's winner cannot be read. */
export function anotherRevisionWaiting(authorName: string | null): MutationError {
  return new MutationError(
    'INVALID_STATE',
    authorName === null ? message('errors.revision.anotherWaiting') : message('errors.revision.authorsRevisionWaiting', { author: authorName }),
  );
}

/** A revision's fields as its audit rows record them. */
export const revisionAuditSelect = {
  id: true,
  claimId: true,
  baseVersion: true,
  ...revisionWordingSelect,
  note: true,
  state: true,
  authorId: true,
  reviewerId: true,
  reviewComment: true,
  proposedAt: true,
  closedAt: true,
  version: true,
} as const;

/** The claim's fields a revision proposes, as the claim row holds them. */
export type RevisableClaimRow = {
  id: string;
  version: number;
  text: string;
  summary: string;
  language: string;
  claimantId: string;
  claimedAt: Date | null;
};

export type ProposedClaimFields = Pick<RevisableClaimRow, 'text' | 'summary' | 'language' | 'claimantId' | 'claimedAt'>;

const revisableFields = (row: ProposedClaimFields) => ({ ...row, claimedAt: isoDate(row.claimedAt) });

async function findOpenRevision(tx: Tx, claimId: string) {
  return tx.claimRevision.findFirst({
    where: { claimId, state: 'PROPOSED' },
    select: { ...revisionAuditSelect, author: { select: { name: true } }, _count: { select: { appearances: true } } },
  });
}

/**
 * For a runMutation's uniqueViolations: two editors proposing a revision of
 * the same claim at the same moment get one revision and this sentence.
 */
export function openRevisionRaces(claimId: string): Record<string, UniqueViolationRefusal> {
  return {
    claim_revisions_one_open_per_claim: async () => {
      // Called after the rollback: the outer client may read the revision that won.
      const open = await prisma.claimRevision.findFirst({ where: { claimId, state: 'PROPOSED' }, select: { author: { select: { name: true } } } });
      return anotherRevisionWaiting(open?.author.name ?? null);
    },
  };
}

function requiredNote(note: string): string {
  if (note === '') throw new MutationError('INVALID_STATE', message('errors.revision.noteMissing'), { revisionNote: [REVISION_NOTE_REQUIRED] });
  return note;
}

/** Bumps an open revision's version (the reviewer decides on what they read) and sets its note. */
async function touchRevision(tx: Tx, revision: { id: string; version: number }, data: Partial<ProposedClaimFields> & { note: string }) {
  const { count } = await tx.claimRevision.updateMany({
    where: { id: revision.id, version: revision.version, state: 'PROPOSED' },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw MutationError.stale('ClaimRevision', revision.id, 'proposedRevision');
  return tx.claimRevision.findUniqueOrThrow({ where: { id: revision.id }, select: revisionAuditSelect });
}

async function createRevision(tx: Tx, actor: Actor, claim: RevisableClaimRow, proposal: ProposedClaimFields, note: string) {
  const revision = await tx.claimRevision.create({
    data: {
      claimId: claim.id,
      baseVersion: claim.version,
      baseText: claim.text,
      baseSummary: claim.summary,
      baseLanguage: claim.language,
      baseClaimantId: claim.claimantId,
      baseClaimedAt: claim.claimedAt,
      ...proposal,
      note,
      authorId: actor.id,
    },
    select: revisionAuditSelect,
  });
  await recordAudit(tx, { actorId: actor.id, action: 'claim_revision.propose', entityType: 'ClaimRevision', entityId: revision.id, after: revision });
  return revision;
}

/** `unchanged`: the author saved their open revision as it was (a tag edit, say). */
export type ProposedRevision = { id: string; version: number; outcome: 'proposed' | 'amended' | 'unchanged' };

/**
 * The claim editor's save on a claim readers have seen, inside updateClaim's
 * transaction: proposes the changed fields as a revision, or amends the
 * author's open one (the form names it and the version it read). Returns
 * null when no field a revision covers changed.
 */
export async function proposeClaimChanges(
  tx: Tx,
  actor: Actor,
  claim: RevisableClaimRow,
  proposal: ProposedClaimFields,
  fields: RevisionProposalFields,
): Promise<ProposedRevision | null> {
  const open = await findOpenRevision(tx, claim.id);
  const changed = changedClaimFields(revisableFields(claim), revisableFields(proposal));

  if (fields.revisionId !== '') {
    // The author is amending the revision the form showed them.
    if (!open || open.id !== fields.revisionId || open.version !== fields.revisionVersion) {
      throw MutationError.stale('ClaimRevision', fields.revisionId, 'proposedRevision');
    }
    if (open.authorId !== actor.id) throw anotherRevisionWaiting(open.author.name);
    if (changed.length === 0 && open._count.appearances === 0) throw new MutationError('INVALID_STATE', NOTHING_TO_REVIEW);
    const note = requiredNote(fields.revisionNote);
    const same = changedClaimFields(revisableFields(open), revisableFields(proposal)).length === 0 && note === open.note;
    if (same) return { id: open.id, version: open.version, outcome: 'unchanged' };
    const { author: _author, _count, ...before } = open;
    const after = await touchRevision(tx, open, { ...proposal, note });
    await recordAudit(tx, { actorId: actor.id, action: 'claim_revision.update', entityType: 'ClaimRevision', entityId: open.id, before, after });
    return { id: open.id, version: after.version, outcome: 'amended' };
  }

  if (changed.length === 0) return null;
  if (open) {
    // The author's own revision, opened in another tab since this form was loaded.
    if (open.authorId === actor.id) throw MutationError.stale('ClaimRevision', open.id, 'proposedRevision');
    throw anotherRevisionWaiting(open.author.name);
  }
  const revision = await createRevision(tx, actor, claim, proposal, requiredNote(fields.revisionNote));
  return { id: revision.id, version: revision.version, outcome: 'proposed' };
}

/**
 * A direct edit of a claim readers have seen (its tags) bumps the claim's
 * version without touching anything a revision proposes: the open revision
 * moves onto the new version, so that its approval is not refused as stale
 * for a change it does not concern.
 */
export async function rebaseOpenRevision(tx: Tx, claimId: string, fromVersion: number, toVersion: number): Promise<void> {
  await tx.claimRevision.updateMany({ where: { claimId, state: 'PROPOSED', baseVersion: fromVersion }, data: { baseVersion: toVersion } });
}

export type ProposedAppearanceData = {
  sourceId: string;
  speakerId: string;
  stance: AppearanceStance;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
};

export const duplicateProposedAppearance = () =>
  new MutationError('INVALID_STATE', message('errors.quote.check'), { quote: [message('errors.revision.quoteAlreadyProposed')] });

/**
 * The appearance form on a claim readers have seen, inside addAppearance's
 * transaction: the quote joins the author's open revision, or opens one. It
 * is not an appearance until approved: no public page shows it and it makes
 * no source public.
 */
export async function proposeAppearance(
  tx: Tx,
  actor: Actor,
  claim: RevisableClaimRow,
  appearance: ProposedAppearanceData,
  fields: RevisionProposalFields,
): Promise<{ id: string; revisionId: string }> {
  const open = await findOpenRevision(tx, claim.id);
  if (open && open.authorId !== actor.id) throw anotherRevisionWaiting(open.author.name);
  let revisionId: string;
  if (open) {
    const { author: _author, _count, ...before } = open;
    const after = await touchRevision(tx, open, { note: fields.revisionNote || open.note });
    await recordAudit(tx, { actorId: actor.id, action: 'claim_revision.update', entityType: 'ClaimRevision', entityId: open.id, before, after });
    revisionId = open.id;
  } else {
    const { id: _id, version: _version, ...unchanged } = claim;
    revisionId = (await createRevision(tx, actor, claim, unchanged, requiredNote(fields.revisionNote))).id;
  }
  const duplicate = await tx.proposedAppearance.findFirst({
    where: { revisionId, sourceId: appearance.sourceId, start: appearance.start, end: appearance.end },
    select: { id: true },
  });
  if (duplicate) throw duplicateProposedAppearance();
  const proposed = await tx.proposedAppearance.create({ data: { revisionId, ...appearance } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'proposed_appearance.create',
    entityType: 'ProposedAppearance',
    entityId: proposed.id,
    after: { ...proposed, claimId: claim.id },
  });
  return { id: proposed.id, revisionId };
}
