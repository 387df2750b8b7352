import { z } from 'zod';
import { CLAIM_TEXT_MAX_LENGTH, CLAIMANT_NAME_MAX_LENGTH } from '../claims/schema';
import { message } from '../i18n/message';
import { idField, multiLineText, optionalIntField, optionalText, singleLineText } from '../validation/fields';

// What the claim editor sends while an editor types a claim: the words so far,
// who said it, and the passage it was found in (a quote suggestion), to find
// the claims that may be the same one (lib/claim-matching/queries.ts).
//
// Every field may be empty (the editor has typed nothing yet). Sizes are the
// claim form's own (CLAIM_TEXT_MAX_LENGTH, CLAIMANT_NAME_MAX_LENGTH): past them the form's save
// would be refused too, so the panel says so instead of matching; a NUL byte
// or another control character is refused, never sent to PostgreSQL. The
// summary is allowed past its 75 characters: the form's counter says it is
// too long, the matching still works on it.

/** Past this many characters the typed summary is not matched. */
const CLAIM_MATCH_SUMMARY_MAX_LENGTH = 500;

const optionalId = (refusal: string) => optionalText(idField(refusal)).transform((value) => value ?? '');

export const claimMatchRequestSchema = z
  .object({
    text: optionalText(multiLineText({ max: CLAIM_TEXT_MAX_LENGTH })).transform((value) => value ?? ''),
    summary: optionalText(multiLineText({ max: CLAIM_MATCH_SUMMARY_MAX_LENGTH })).transform((value) => value ?? ''),
    claimantId: optionalId(message('validation.claim.chooseClaimantAgain')),
    /** The claimant's name as typed, when no claimant was picked (or besides it). */
    claimant: optionalText(singleLineText({ max: CLAIMANT_NAME_MAX_LENGTH })).transform((value) => value ?? ''),
    sourceId: optionalId(message('errors.appearance.sourceGone')),
    /** Code-point offsets of the passage in the source's archived text (as lib/quotes/anchor.ts counts them). */
    start: optionalIntField({ min: 0 }),
    end: optionalIntField({ min: 0 }),
    /** The claim being edited: never its own match. */
    excludeClaimId: optionalId(message('errors.claim.notFound')),
  })
  // A passage is a source and a non-empty range; anything less is no passage.
  .transform(({ sourceId, start, end, ...rest }) => ({
    ...rest,
    passage: sourceId !== '' && start !== null && end !== null && end > start ? { sourceId, start, end } : null,
  }));

export type ClaimMatchRequest = z.infer<typeof claimMatchRequestSchema>;
/** The form's fields as the panel sends them, before parsing (every one optional). */
export type ClaimMatchRequestInput = Partial<Record<'text' | 'summary' | 'claimantId' | 'claimant' | 'sourceId' | 'start' | 'end' | 'excludeClaimId', string>>;
