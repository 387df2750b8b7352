import { z } from 'zod';
import { message } from '../i18n/message';
import { idField, multiLineText, optionalIntField } from '../validation/fields';

// An appearance pins a claim to the verbatim passage of an archived source
// where it was made or reported. The server always locates the passage itself
// (lib/quotes/anchor.ts); the form only says which passage the editor means.

export const appearanceStances = ['ASSERTS', 'REPORTS', 'DENIES'] as const;
export type AppearanceStanceValue = (typeof appearanceStances)[number];

export const appearanceStanceOptionLabel: Record<AppearanceStanceValue, string> = {
  ASSERTS: 'Asserts — the speaker makes the claim',
  REPORTS: 'Reports — the source relays the claim',
  DENIES: 'Denies — the speaker rejects the claim',
};

/** The longest quote an appearance takes, in characters (code points). */
export const APPEARANCE_QUOTE_MAX_LENGTH = 5000;

export const addAppearanceSchema = z.object({
  claimId: idField(message('errors.claim.notFound')),
  sourceId: idField(message('validation.appearance.chooseSource')),
  // Not trimmed: the server looks the quote up in the source exactly as given.
  quote: multiLineText({ max: APPEARANCE_QUOTE_MAX_LENGTH, required: message('validation.appearance.quoteRequired'), keepWhitespace: true }),
  speakerId: idField(message('validation.appearance.chooseSpeaker')),
  stance: z.enum(appearanceStances, { error: message('validation.appearance.stanceRequired') }),
  /** Which occurrence (0-based, in text order) when the quote occurs several times. */
  occurrence: optionalIntField({ min: 0, message: message('validation.quote.chooseOccurrence') }),
  /** Code-point offset where the editor's mouse selection starts in the source text. */
  selectionStart: optionalIntField({ min: 0, message: message('validation.appearance.selectAgain') }),
});
export type AddAppearanceInput = z.infer<typeof addAppearanceSchema>;

export const removeAppearanceSchema = z.object({
  appearanceId: idField(message('errors.appearance.notFound')),
});
export type RemoveAppearanceInput = z.infer<typeof removeAppearanceSchema>;

/** One place where an ambiguous quote occurs, shown with its context so that the editor can pick it. */
export type QuoteOccurrence = { index: number; prefix: string; exact: string; suffix: string; start: number };
