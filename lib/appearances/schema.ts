import { z } from 'zod';

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

/** A non-negative whole number from a form field, or null when the field is absent or empty. */
const optionalIndex = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(z.string().regex(/^\d{1,9}$/, message).transform(Number).nullable());

export const addAppearanceSchema = z.object({
  claimId: z.string({ error: 'This claim no longer exists.' }).trim().min(1, 'This claim no longer exists.').max(64),
  sourceId: z.string({ error: 'Choose the source.' }).trim().min(1, 'Choose the source.').max(64, 'Choose the source.'),
  quote: z
    .string({ error: 'Enter the quote as it appears in the source.' })
    .min(1, 'Enter the quote as it appears in the source.')
    .max(5000, 'The quote must be 5,000 characters or fewer.')
    .refine((value) => value.trim() !== '', 'Enter the quote as it appears in the source.'),
  speakerId: z.string({ error: 'Choose the speaker.' }).trim().min(1, 'Choose the speaker.').max(64, 'Choose the speaker.'),
  stance: z.enum(appearanceStances, { error: 'Choose whether the source asserts, reports or denies the claim.' }),
  /** Which occurrence (0-based, in text order) when the quote occurs several times. */
  occurrence: optionalIndex('Choose one of the occurrences listed.'),
  /** Code-point offset where the editor's mouse selection starts in the source text. */
  selectionStart: optionalIndex('Select the passage again.'),
});
export type AddAppearanceInput = z.infer<typeof addAppearanceSchema>;

export const removeAppearanceSchema = z.object({
  appearanceId: z.string({ error: 'This appearance no longer exists.' }).trim().min(1, 'This appearance no longer exists.').max(64),
});
export type RemoveAppearanceInput = z.infer<typeof removeAppearanceSchema>;

/** One place where an ambiguous quote occurs, shown with its context so that the editor can pick it. */
export type QuoteOccurrence = { index: number; prefix: string; exact: string; suffix: string; start: number };
