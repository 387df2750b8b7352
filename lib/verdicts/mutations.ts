import { recordAudit } from '../audit/record';
import { moveClaimAfterVerdict } from '../claims/status';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { anchorEvidence, type AnchoredEvidence } from './evidence';
import { CORRECTION_NOTE_REQUIRED, type VerdictDraftInput, type VerdictSubmissionInput } from './schema';
import {
  dateFromIso,
  draftRaces,
  stateRefusal,
  VERDICT_IN_PROGRESS,
  verdictAuditSelect,
  type Tx,
  type VerdictAuditRow,
} from './shared-mutations';

// Writing a verdict: create or edit a draft (by its author), and submit it for
// review. Publishing is a second editor's decision: see review-mutations.ts.

export type SavedVerdict = { verdictId: string; claimId: string; state: 'DRAFT' | 'SUBMITTED' };

export const NO_APPEARANCE = message('errors.verdict.noAppearance');

type ClaimForVerdict = {
  id: string;
  appearanceCount: number;
  publishedVerdictId: string | null;
};

async function loadClaim(tx: Tx, claimId: string): Promise<ClaimForVerdict> {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      status: true,
      publishedAt: true,
      _count: { select: { appearances: true } },
      verdicts: { where: { state: 'PUBLISHED' }, select: { id: true } },
    },
  });
  if (!claim) throw new MutationError('NOT_FOUND', message('errors.claim.notFound'));
  // An archived claim that readers once saw may still be corrected; one that
  // was never published stays out of the newsroom's way.
  if (claim.status === 'ARCHIVED' && !claim.publishedAt) {
    throw new MutationError('INVALID_STATE', message('errors.verdict.claimArchivedUnpublished'));
  }
  return {
    id: claim.id,
    appearanceCount: claim._count.appearances,
    publishedVerdictId: claim.verdicts[0]?.id ?? null,
  };
}

/** Checks the rating and anchors the evidence before anything is written. */
async function validateContent(tx: Tx, input: VerdictDraftInput, currentRatingId: string | null): Promise<AnchoredEvidence[]> {
  const rating = await tx.rating.findUnique({ where: { id: input.ratingId }, select: { id: true, active: true } });
  // A retired rating may stay on a draft that already had it, but is not offered anew.
  if (!rating || (!rating.active && rating.id !== currentRatingId)) {
    throw new MutationError('INVALID_STATE', message('validation.formHasErrors'), { ratingId: [message('errors.verdict.chooseListedRating')] });
  }
  const sourceIds = [...new Set(input.evidence.map((row) => row.sourceId))];
  const sources = await tx.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, text: true } });
  return anchorEvidence(input.evidence, new Map(sources.map((source) => [source.id, source.text])));
}

function evidenceRows(verdictId: string, anchored: AnchoredEvidence[]) {
  return anchored.map((row) => ({
    verdictId,
    sourceId: row.sourceId,
    stance: row.stance,
    note: row.note,
    position: row.position,
    exact: row.anchor?.exact ?? null,
    prefix: row.anchor?.prefix ?? null,
    suffix: row.anchor?.suffix ?? null,
    start: row.anchor?.start ?? null,
    end: row.anchor?.end ?? null,
  }));
}

/** The correction note only means something when a published verdict will be superseded. */
function correctionNoteFor(claim: ClaimForVerdict, input: VerdictDraftInput): string | null {
  return claim.publishedVerdictId ? input.correctionNote : null;
}

async function createDraft(tx: Tx, actor: Actor, input: VerdictDraftInput, claim: ClaimForVerdict): Promise<VerdictAuditRow> {
  const open = await tx.verdict.findFirst({ where: { claimId: claim.id, state: { in: ['DRAFT', 'SUBMITTED'] } }, select: { id: true } });
  if (open) throw new MutationError('INVALID_STATE', VERDICT_IN_PROGRESS);
  const anchored = await validateContent(tx, input, null);
  const last = await tx.verdict.aggregate({ where: { claimId: claim.id }, _max: { number: true } });
  const created = await tx.verdict.create({
    data: {
      claimId: claim.id,
      number: (last._max.number ?? 0) + 1,
      ratingId: input.ratingId,
      headline: input.headline,
      explanation: input.explanation,
      asOf: dateFromIso(input.asOf),
      authorId: actor.id,
      correctionNote: correctionNoteFor(claim, input),
    },
    select: { id: true },
  });
  await tx.evidence.createMany({ data: evidenceRows(created.id, anchored) });
  const after = await tx.verdict.findUniqueOrThrow({ where: { id: created.id }, select: verdictAuditSelect });
  await recordAudit(tx, { actorId: actor.id, action: 'verdict.create', entityType: 'Verdict', entityId: after.id, after });
  return after;
}

async function updateDraft(tx: Tx, actor: Actor, input: VerdictDraftInput & { verdictId: string }, claim: ClaimForVerdict): Promise<VerdictAuditRow> {
  const current = await tx.verdict.findUnique({
    where: { id: input.verdictId },
    select: { ...verdictAuditSelect, author: { select: { active: true } } },
  });
  if (!current || current.claimId !== claim.id) throw new MutationError('NOT_FOUND', message('errors.verdict.notFound'));
  // A draft belongs to its author; one left by a deactivated account can be taken over.
  if (current.authorId !== actor.id && current.author.active) {
    throw new MutationError('FORBIDDEN', message('errors.verdict.onlyAuthorEdits'));
  }
  if (current.version !== input.version) throw MutationError.stale('Verdict', current.id, 'verdict');
  if (current.state !== 'DRAFT') throw stateRefusal(current.state);

  const anchored = await validateContent(tx, input, current.ratingId);
  const { count } = await tx.verdict.updateMany({
    where: { id: current.id, version: input.version, state: 'DRAFT' },
    data: {
      ratingId: input.ratingId,
      headline: input.headline,
      explanation: input.explanation,
      asOf: dateFromIso(input.asOf),
      correctionNote: correctionNoteFor(claim, input),
      authorId: actor.id,
      version: { increment: 1 },
    },
  });
  if (count === 0) throw MutationError.stale('Verdict', current.id, 'verdict');
  // Evidence is replaced as a whole: the database allows it while the verdict is a draft.
  await tx.evidence.deleteMany({ where: { verdictId: current.id } });
  await tx.evidence.createMany({ data: evidenceRows(current.id, anchored) });

  const { author: _author, ...before } = current;
  const after = await tx.verdict.findUniqueOrThrow({ where: { id: current.id }, select: verdictAuditSelect });
  await recordAudit(tx, { actorId: actor.id, action: 'verdict.update', entityType: 'Verdict', entityId: current.id, before, after });
  return after;
}

async function saveContent(tx: Tx, actor: Actor, input: VerdictDraftInput, claim: ClaimForVerdict): Promise<VerdictAuditRow> {
  const { verdictId } = input;
  return verdictId ? updateDraft(tx, actor, { ...input, verdictId }, claim) : createDraft(tx, actor, input, claim);
}

/** Creates a draft verdict (number = last + 1) or saves the author's draft, evidence included. */
export async function saveVerdictDraft(actor: Actor, input: VerdictDraftInput): Promise<SavedVerdict> {
  assertCan(actor, 'verdict.draft');
  return runMutation(
    async (tx) => {
      const claim = await loadClaim(tx, input.claimId);
      const saved = await saveContent(tx, actor, input, claim);
      return { verdictId: saved.id, claimId: claim.id, state: 'DRAFT' as const };
    },
    { uniqueViolations: draftRaces },
  );
}

/**
 * Saves the verdict and submits it for a second editor's review; the claim
 * moves as lib/claims/status.ts decides (a draft claim goes into review, a
 * published one stays published while its next version is reviewed).
 */
export async function submitVerdict(actor: Actor, input: VerdictSubmissionInput): Promise<SavedVerdict> {
  assertCan(actor, 'verdict.submit');
  assertCan(actor, 'verdict.draft');
  return runMutation(
    async (tx) => {
      const claim = await loadClaim(tx, input.claimId);
      if (claim.appearanceCount === 0) throw new MutationError('INVALID_STATE', NO_APPEARANCE);
      if (claim.publishedVerdictId && !input.correctionNote) {
        throw new MutationError('INVALID_STATE', message('errors.verdict.correctionNoteMissing'), { correctionNote: [CORRECTION_NOTE_REQUIRED] });
      }
      const saved = await saveContent(tx, actor, input, claim);

      const now = new Date();
      const { count } = await tx.verdict.updateMany({
        where: { id: saved.id, version: saved.version, state: 'DRAFT' },
        data: { state: 'SUBMITTED', submittedAt: now, version: { increment: 1 } },
      });
      if (count === 0) throw MutationError.stale('Verdict', saved.id, 'verdict');
      const submitted = await tx.verdict.findUniqueOrThrow({ where: { id: saved.id }, select: verdictAuditSelect });
      await recordAudit(tx, { actorId: actor.id, action: 'verdict.submit', entityType: 'Verdict', entityId: saved.id, before: saved, after: submitted });

      await moveClaimAfterVerdict(tx, actor, { claimId: claim.id, verdictId: saved.id, event: 'submitted', at: now });
      return { verdictId: saved.id, claimId: claim.id, state: 'SUBMITTED' as const };
    },
    { uniqueViolations: draftRaces },
  );
}
