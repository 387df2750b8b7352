import { z } from 'zod';
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

export const QUOTE_NOT_IN_SOURCE = 'This quote is not in the source text';

export function ambiguousQuoteMessage(count: number): string {
  return `This quote appears ${count} times in the source: choose which one.`;
}

export const addAppearanceSchema = z.object({
  claimId: idField('This claim no longer exists.'),
  sourceId: idField('Choose the source.'),
  // Not trimmed: the server looks the quote up in the source exactly as given.
  quote: multiLineText({ label: 'The quote', max: 5000, required: 'Enter the quote as it appears in the source.', keepWhitespace: true }),
  speakerId: idField('Choose the speaker.'),
  stance: z.enum(appearanceStances, { error: 'Choose whether the source asserts, reports or denies the claim.' }),
  /** Which occurrence (0-based, in text order) when the quote occurs several times. */
  occurrence: optionalIntField({ min: 0, message: 'Choose one of the occurrences listed.' }),
  /** Code-point offset where the editor's mouse selection starts in the source text. */
  selectionStart: optionalIntField({ min: 0, message: 'Select the passage again.' }),
});
export type AddAppearanceInput = z.infer<typeof addAppearanceSchema>;

export const removeAppearanceSchema = z.object({
  appearanceId: idField('This appearance no longer exists.'),
});
export type RemoveAppearanceInput = z.infer<typeof removeAppearanceSchema>;

/** One place where an ambiguous quote occurs, shown with its context so that the editor can pick it. */
export type QuoteOccurrence = { index: number; prefix: string; exact: string; suffix: string; start: number };
