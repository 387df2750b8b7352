import { z } from 'zod';
import { APPEARANCE_QUOTE_MAX_LENGTH, appearanceStances } from '../appearances/schema';
import { message } from '../i18n/message';
import { anchorAt, codePointLength, type QuoteAnchor } from '../quotes/anchor';
import { idField, intField, optionalText, singleLineText } from '../validation/fields';

// The link a suggested quote opens (the new-claim form, or an existing
// claim's appearance form) carries the passage by offsets:
//   ?source=<sourceId>&start=<cp>&end=<cp>&stance=<ASSERTS|DENIES>&speaker=<claimantId>&speakerName=<text>
// It is a URL anyone can edit: whatever does not read as a passage is
// ignored with a message, never an error page. The messages are never shown
// (a bad passage is reported as a whole, by the page).

const unread = message('validation.filter.invalid');

/** One value per parameter: a repeated one (?start=1&start=2) is not one we wrote. */
const single = (value: unknown) => (Array.isArray(value) ? undefined : value);

const passageSchema = z
  .object({
    source: z.preprocess(single, idField(unread)),
    start: z.preprocess(single, intField({ min: 0, message: unread })),
    end: z.preprocess(single, intField({ min: 1, message: unread })),
  })
  .refine((passage) => passage.end > passage.start, unread);

const prefillSchema = z.object({
  // A stance or a speaker that cannot be read leaves its select on its default.
  stance: z.preprocess(single, z.enum(appearanceStances).catch('ASSERTS')).default('ASSERTS'),
  speaker: z.preprocess(single, idField(unread).optional().catch(undefined)),
  speakerName: z.preprocess(single, optionalText(singleLineText({ max: 200 })).catch(null)),
});

export type SuggestedPassage = z.infer<typeof passageSchema> & {
  stance: (typeof appearanceStances)[number];
  speakerId: string | null;
  speakerName: string | null;
};

export type SuggestedPassageParams = { kind: 'none' } | { kind: 'malformed' } | { kind: 'passage'; passage: SuggestedPassage };

/** The passage a suggestion link carries: none (no offsets in the URL), malformed, or one to check against its source. */
export function readSuggestedPassage(searchParams: Record<string, string | string[] | undefined>): SuggestedPassageParams {
  if (searchParams.start === undefined && searchParams.end === undefined) return { kind: 'none' };
  const passage = passageSchema.safeParse(searchParams);
  if (!passage.success) return { kind: 'malformed' };
  const prefill = prefillSchema.parse(searchParams);
  return {
    kind: 'passage',
    passage: { ...passage.data, stance: prefill.stance, speakerId: prefill.speaker ?? null, speakerName: prefill.speakerName },
  };
}

/**
 * The quote a passage names in its source's archived text, or null when it
 * names none: past the text's end, only spaces, or longer than an
 * appearance takes (the save would refuse it). Both forms a link opens use
 * it, the new-claim form and a claim's appearance form.
 */
export function quoteOfPassage(text: string, passage: { start: number; end: number }): QuoteAnchor | null {
  if (passage.end > codePointLength(text) || passage.end - passage.start > APPEARANCE_QUOTE_MAX_LENGTH) return null;
  const anchor = anchorAt(text, passage.start, passage.end);
  return anchor.exact.trim() === '' ? null : anchor;
}
