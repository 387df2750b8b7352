import { recordAudit } from '../audit/record';
import { readPublicClaimTags } from '../claims/public-tags';
import { duplicateProposedAppearance, openRevisionRaces, proposeAppearance } from '../claims/revision-proposals';
import type { RevisionProposalFields } from '../claims/revision-schema';
import { hasBeenPublished } from '../claims/visibility';
import { Prisma } from '../db';
import { message } from '../i18n/message';
import { MutationError } from '../mutations/errors';
import { runMutation, type Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { locateQuote, type QuoteAnchor } from '../quotes/anchor';
import { ambiguousQuoteMessage, QUOTE_NOT_IN_SOURCE } from '../quotes/refusals';
import type { AddAppearanceInput, AppearanceStanceValue, QuoteOccurrence, RemoveAppearanceInput } from './schema';

/** The quote occurs several times and the editor has not said which: the form offers the occurrences. */
export class AmbiguousQuoteError extends MutationError {
  constructor(
    readonly occurrences: QuoteOccurrence[],
    quoteField = 'quote',
  ) {
    super('INVALID_STATE', message('errors.appearance.chooseOccurrence'), { [quoteField]: [ambiguousQuoteMessage(occurrences.length)] });
    this.name = 'AmbiguousQuoteError';
  }
}

const duplicateAppearanceError = () =>
  new MutationError('INVALID_STATE', message('errors.quote.check'), { quote: [message('errors.appearance.duplicate')] });

// A mouse selection often starts a character early or late (a space, a « ).
const SELECTION_TOLERANCE = 2;

/** What says which passage of a source the editor means (the appearance form's fields, or a new claim's pending appearance). */
export type QuoteInSource = { sourceId: string; quote: string; selectionStart: number | null; occurrence: number | null };

/** The form's names for the source and quote fields, so that a refusal shows next to the right input. */
export type QuoteFieldNames = { sourceId: string; quote: string };
const APPEARANCE_FORM_FIELDS: QuoteFieldNames = { sourceId: 'sourceId', quote: 'quote' };

/** The anchor the editor meant: the only one, the one their selection starts at, or the occurrence they chose. */
function chooseAnchor(anchors: QuoteAnchor[], input: QuoteInSource, fields: QuoteFieldNames): QuoteAnchor {
  const [first] = anchors;
  if (!first) throw new MutationError('INVALID_STATE', message('errors.quote.check'), { [fields.quote]: [QUOTE_NOT_IN_SOURCE] });
  if (anchors.length === 1) return first;
  if (input.selectionStart !== null) {
    const selectionStart = input.selectionStart;
    const nearest = [...anchors].sort((a, b) => Math.abs(a.start - selectionStart) - Math.abs(b.start - selectionStart))[0];
    if (nearest && Math.abs(nearest.start - selectionStart) <= SELECTION_TOLERANCE) return nearest;
  }
  if (input.occurrence !== null) {
    const chosen = anchors[input.occurrence];
    if (chosen) return chosen;
  }
  const occurrences = anchors.map((a, index) => ({ index, prefix: a.prefix, exact: a.exact, suffix: a.suffix, start: a.start }));
  throw new AmbiguousQuoteError(occurrences, fields.quote);
}

/**
 * The one anchoring path of every quote an editor pins to a source (an
 * appearance added to a claim, or the pending appearance a new claim is
 * saved with): the source must exist, and the server locates the quote in
 * its archived text itself (locateQuote), the selection or the chosen
 * occurrence telling apart identical passages.
 */
export async function anchorInSource(tx: Tx, input: QuoteInSource, fields: QuoteFieldNames = APPEARANCE_FORM_FIELDS): Promise<{ sourceId: string; anchor: QuoteAnchor }> {
  const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true, text: true } });
  if (!source) throw new MutationError('INVALID_STATE', message('errors.appearance.checkSource'), { [fields.sourceId]: [message('errors.appearance.sourceGone')] });
  return { sourceId: source.id, anchor: chooseAnchor(locateQuote(source.text, input.quote), input, fields) };
}

/** A quote as an appearance row holds it, before it is written or proposed. */
export type AnchoredQuote = { sourceId: string; speakerId: string; stance: AppearanceStanceValue } & QuoteAnchor;

/** Writes the appearance of a claim not yet published, with its audit row (inside the caller's transaction). */
export async function insertAppearance(tx: Tx, actor: Actor, claimId: string, quote: AnchoredQuote): Promise<{ id: string }> {
  const appearance = await tx.appearance.create({ data: { claimId, ...quote, createdById: actor.id } });
  await recordAudit(tx, { actorId: actor.id, action: 'appearance.create', entityType: 'Appearance', entityId: appearance.id, after: appearance });
  return { id: appearance.id };
}

/** `proposed`: the claim had been published, so the quote waits in a revision for a second editor. */
export type AddedAppearance = { id: string; claimId: string; publicTags: string[]; proposed: boolean };

export async function addAppearance(actor: Actor, input: AddAppearanceInput & Partial<RevisionProposalFields>): Promise<AddedAppearance> {
  assertCan(actor, 'appearance.create');
  return runMutation(
    async (tx) => {
      const claim = await tx.claim.findUnique({
        where: { id: input.claimId },
        select: { id: true, status: true, publishedAt: true, version: true, text: true, summary: true, language: true, claimantId: true, claimedAt: true },
      });
      if (!claim) throw new MutationError('NOT_FOUND', message('errors.claim.notFound'));
      if (claim.status === 'ARCHIVED') throw new MutationError('INVALID_STATE', message('errors.appearance.claimArchived'));
      const speaker = await tx.claimant.findUnique({ where: { id: input.speakerId }, select: { id: true } });
      if (!speaker) throw new MutationError('INVALID_STATE', message('errors.appearance.checkSpeaker'), { speakerId: [message('errors.claimant.gone')] });

      const { sourceId, anchor } = await anchorInSource(tx, input);
      const duplicate = await tx.appearance.findFirst({
        where: { claimId: claim.id, sourceId, start: anchor.start, end: anchor.end },
        select: { id: true },
      });
      if (duplicate) throw duplicateAppearanceError();

      const quote: AnchoredQuote = {
        sourceId,
        speakerId: speaker.id,
        stance: input.stance,
        exact: anchor.exact,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        start: anchor.start,
        end: anchor.end,
      };
      if (hasBeenPublished(claim)) {
        const { status: _status, publishedAt: _publishedAt, ...revisable } = claim;
        const fields = { revisionNote: input.revisionNote ?? '', revisionId: input.revisionId ?? '', revisionVersion: input.revisionVersion ?? null };
        const proposed = await proposeAppearance(tx, actor, revisable, quote, fields);
        // Nothing public changed: the quote is not an appearance until approved.
        return { id: proposed.id, claimId: claim.id, publicTags: [], proposed: true };
      }
      const appearance = await insertAppearance(tx, actor, claim.id, quote);
      return { id: appearance.id, claimId: claim.id, publicTags: await readPublicClaimTags(tx, claim.id), proposed: false };
    },
    {
      uniqueViolations: {
        // Another editor added the same passage at the same moment.
        appearances_claim_id_source_id_start_end_key: duplicateAppearanceError,
        proposed_appearances_revision_id_source_id_start_end_key: duplicateProposedAppearance,
        ...openRevisionRaces(input.claimId),
      },
    },
  );
}

export type RemovedAppearance = { claimId: string; publicTags: string[] };

/** Only before publication: once readers have seen a quote, it must never disappear. */
export async function removeAppearance(actor: Actor, input: RemoveAppearanceInput): Promise<RemovedAppearance> {
  assertCan(actor, 'appearance.delete');
  return runMutation(async (tx) => {
    const before = await tx.appearance.findUnique({ where: { id: input.appearanceId } });
    if (!before) throw new MutationError('NOT_FOUND', message('errors.appearance.notFound'));
    // FOR UPDATE: a publication committing meanwhile waits for us, or we see it.
    const [claim] = await tx.$queryRaw<{ status: string; published: boolean }[]>(Prisma.sql`
      SELECT "status"::text AS "status", "published_at" IS NOT NULL AS "published"
      FROM "claims" WHERE "id" = ${before.claimId} FOR UPDATE`);
    if (claim?.status === 'ARCHIVED') throw new MutationError('INVALID_STATE', message('errors.appearance.archivedKeepsQuotes'));
    if (!claim || claim.status === 'PUBLISHED' || claim.published) {
      throw new MutationError('INVALID_STATE', message('errors.appearance.publishedKeepsQuotes'));
    }
    await tx.appearance.delete({ where: { id: before.id } });
    await recordAudit(tx, { actorId: actor.id, action: 'appearance.delete', entityType: 'Appearance', entityId: before.id, before });
    return { claimId: before.claimId, publicTags: await readPublicClaimTags(tx, before.claimId) };
  });
}
