import { z } from 'zod';
import { message } from '../i18n/message';
import { idField, intField, multiLineText, optionalIntField, singleLineText } from '../validation/fields';
import { contrastWithWhiteText, HEX_COLOUR, MIN_RATING_CONTRAST, roundedRatio } from './contrast';

// The rating scale's admin forms (/dashboard/ratings). Messages are catalogue
// keys (namespace ratingsAdmin.errors): the form shows them in the admin's language.

/** ClaimReview's ratingValue runs from 1 (worst) to 6 (best) on Attest's scale (lib/claims/claim-review.ts). */
export const RATING_VALUE_MIN = 1;
export const RATING_VALUE_MAX = 6;

export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const KEY_MAX = 40;
const LABEL_MAX = 60;
const DESCRIPTION_MAX = 1000;

const keyField = z
  .string({ error: message('ratingsAdmin.errors.keyRequired') })
  .trim()
  .min(1, message('ratingsAdmin.errors.keyRequired'))
  .max(KEY_MAX, message('ratingsAdmin.errors.keyTooLong', { max: KEY_MAX }))
  .regex(KEY_PATTERN, message('ratingsAdmin.errors.keyFormat'));

function labelField(language: 'fr' | 'en') {
  return singleLineText({
    label: `label ${language}`,
    max: LABEL_MAX,
    required: message(`ratingsAdmin.errors.${language}.labelRequired`),
    tooLong: message('ratingsAdmin.errors.labelTooLong', { max: LABEL_MAX }),
    oneLine: message('ratingsAdmin.errors.labelOneLine'),
  });
}

function descriptionField(language: 'fr' | 'en') {
  return multiLineText({
    label: `description ${language}`,
    max: DESCRIPTION_MAX,
    required: message(`ratingsAdmin.errors.${language}.descriptionRequired`),
    tooLong: message('ratingsAdmin.errors.descriptionTooLong', { max: DESCRIPTION_MAX }),
  });
}

/**
 * A badge colour: "#rrggbb" (stored lower case) whose contrast against the
 * badge's white text is at least 4.5:1 (WCAG AA for normal text).
 */
export const ratingColourField = z
  .string({ error: message('ratingsAdmin.errors.colourFormat') })
  .trim()
  .toLowerCase()
  .regex(HEX_COLOUR, message('ratingsAdmin.errors.colourFormat'))
  .superRefine((colour, ctx) => {
    const ratio = contrastWithWhiteText(colour);
    if (ratio !== null && ratio < MIN_RATING_CONTRAST) {
      ctx.addIssue({ code: 'custom', message: message('ratingsAdmin.errors.colourContrast', { ratio: roundedRatio(ratio), min: MIN_RATING_CONTRAST }) });
    }
  });

const valueField = optionalIntField({
  min: RATING_VALUE_MIN,
  max: RATING_VALUE_MAX,
  message: message('ratingsAdmin.errors.value', { min: RATING_VALUE_MIN, max: RATING_VALUE_MAX }),
});

/** A checkbox: present ("on") when ticked, absent otherwise. */
const checkboxField = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== '');

const ratingIdField = idField(message('ratingsAdmin.errors.stale'));
const versionField = intField({ min: 1, message: message('ratingsAdmin.errors.stale') });

const ratingFields = {
  labelFr: labelField('fr'),
  labelEn: labelField('en'),
  descriptionFr: descriptionField('fr'),
  descriptionEn: descriptionField('en'),
  value: valueField,
  colour: ratingColourField,
  active: checkboxField,
};

/** The key is chosen once: the read API names ratings by it (`rating.key`), so it never changes. */
export const createRatingSchema = z.object({ key: keyField, ...ratingFields });
export type CreateRatingInput = z.infer<typeof createRatingSchema>;

export const updateRatingSchema = z.object({ id: ratingIdField, version: versionField, ...ratingFields });
export type UpdateRatingInput = z.infer<typeof updateRatingSchema>;

export const moveRatingSchema = z.object({
  id: ratingIdField,
  version: versionField,
  direction: z.enum(['up', 'down'], { error: message('ratingsAdmin.errors.stale') }),
});
export type MoveRatingInput = z.infer<typeof moveRatingSchema>;

export const deleteRatingSchema = z.object({ id: ratingIdField, version: versionField });
export type DeleteRatingInput = z.infer<typeof deleteRatingSchema>;
