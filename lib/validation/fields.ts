import { z } from 'zod';
import { decodeMessage, message, type MessageValues } from '../i18n/message';
import { MAX_MARKDOWN_NESTING, markdownNestingDepth } from '../markdown/nesting';

// The zod builders every schema in lib/*/schema.ts uses for what a person or
// a script can type: text, identifiers, slugs and whole numbers. Validating
// once here means a NUL byte (which PostgreSQL refuses in text), a number
// past the int4 column, or a string longer than its column is a message next
// to the field, never a 500 and a wiped form. No Prisma, no server-only:
// the forms import the schemas too.
//
// Every message is a catalogue message (lib/i18n/message.ts), translated
// where the action answers the form. A field's own messages (required,
// tooLong…) are `message('validation.…')` strings too; without them the
// builders say it generically ("Must be 200 characters or fewer."), which
// reads well next to the field it belongs to.

export const CONTROL_CHARACTERS_MESSAGE = message('validation.text.controlCharacters');

/** The largest value of a PostgreSQL `integer` (int4) column. */
export const INT4_MAX = 2_147_483_647;

/**
 * C0 controls except tab, line feed and carriage return; DEL; C1 controls.
 * NUL makes PostgreSQL refuse the write; the others are invisible debris of
 * copy-paste or of a file read with the wrong encoding.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/** Length as PostgreSQL counts it (code points), so "≤ 75" means the same in the form and in a varchar(75). */
export function codePointLength(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/**
 * The rules of a text field. Messages are catalogue messages
 * (`message('validation.…')`); a field's own length message gets `{max}`
 * (and `{min}`) from the rules, so `message('validation.x.tooLong')` is enough.
 */
export type TextRules = {
  /**
   * @deprecated Not shown: the messages are generic or the field's own.
   * Accepted while schemas converted on other branches still pass it.
   */
  label?: string;
  max: number;
  min?: number;
  /** Makes the field required: the message for an empty (or blank) value. */
  required?: string;
  /** Replaces the generic "Must be {max} characters or fewer." */
  tooLong?: string;
  /** Keeps leading and trailing whitespace: a quote must match its source exactly. */
  keepWhitespace?: boolean;
};

type LineRules = TextRules & {
  /** Replaces the generic "Must be on one line." */
  oneLine?: string;
};

/** The catalogue message with the builder's values added (the message's own win). */
function withRuleValues(text: string, values: MessageValues): string {
  const descriptor = decodeMessage(text);
  return descriptor ? message(descriptor.key, { ...values, ...descriptor.values }) : text;
}

function checkText(value: string, ctx: z.RefinementCtx, rules: TextRules, lineBreakMessage: string | null): void {
  if (rules.required !== undefined && value.trim() === '') {
    ctx.addIssue({ code: 'custom', message: rules.required });
    return;
  }
  if (hasControlCharacters(value)) ctx.addIssue({ code: 'custom', message: CONTROL_CHARACTERS_MESSAGE });
  else if (lineBreakMessage && LINE_BREAK.test(value)) ctx.addIssue({ code: 'custom', message: lineBreakMessage });
  const length = codePointLength(value);
  const bounds: MessageValues = rules.min === undefined ? { max: rules.max } : { max: rules.max, min: rules.min };
  if (length > rules.max) {
    ctx.addIssue({ code: 'custom', message: withRuleValues(rules.tooLong ?? message('validation.text.tooLong'), bounds) });
  } else if (rules.min !== undefined && value !== '' && length < rules.min) {
    ctx.addIssue({ code: 'custom', message: message('validation.text.tooShort', bounds) });
  }
}

function textField(rules: TextRules, lineBreakMessage: string | null) {
  return z
    .string({ error: rules.required ?? message('validation.text.notText') })
    .transform((value) => (rules.keepWhitespace ? value : value.trim()))
    .superRefine((value, ctx) => checkText(value, ctx, rules, lineBreakMessage));
}

/** A one-line field (a name, a title, a headline): trimmed, no control characters, no line breaks. */
export function singleLineText(rules: LineRules) {
  return textField(rules, rules.oneLine ?? message('validation.text.oneLine'));
}

/** A field that may hold paragraphs: tabs and line breaks allowed, other control characters refused. */
export function multiLineText(rules: TextRules) {
  return textField(rules, null);
}

type MarkdownRules = TextRules & {
  /** Replaces the generic "Nests quotes or lists more than {max} levels deep…"; gets `{max}`. */
  tooDeep?: string;
};

/**
 * Markdown shown to readers: multi-line text whose quotes and lists nest no
 * deeper than the renderer can take (lib/markdown/nesting.ts).
 */
export function markdownText(rules: MarkdownRules) {
  const tooDeep = withRuleValues(rules.tooDeep ?? message('validation.markdown.tooDeep'), { max: MAX_MARKDOWN_NESTING });
  return multiLineText(rules).superRefine((value, ctx) => {
    if (markdownNestingDepth(value) > MAX_MARKDOWN_NESTING) ctx.addIssue({ code: 'custom', message: tooDeep });
  });
}

/**
 * Makes a text builder optional: an absent, empty or blank value is null (so
 * that emptying a field clears the stored value); anything else must pass
 * `text`.
 */
export function optionalText<Output>(text: z.ZodType<Output, string>) {
  return z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? null : value))
    .pipe(text.nullable());
}

/**
 * The id of a record, from a hidden field or a URL: every failure (missing,
 * blank, too long, control characters) is the one message the form shows,
 * since the user cannot fix a hidden field but can reload.
 */
export function idField(refusal: string) {
  return z
    .string({ error: refusal })
    .trim()
    .min(1, refusal)
    .max(64, refusal)
    .refine((value) => !hasControlCharacters(value), refusal);
}

/** An optional id (a select left on its empty option): undefined when empty. */
export function optionalIdField(refusal: string) {
  return z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))
    .pipe(idField(refusal).optional());
}

/** A slug from a URL (a claim's public address). */
export function slugField(refusal = message('validation.slug.notAClaim')) {
  return z
    .string({ error: refusal })
    .min(1, refusal)
    .max(200, refusal)
    .refine((value) => !hasControlCharacters(value), refusal);
}

export type IntRules = {
  min: number;
  /** Defaults to the int4 column maximum. */
  max?: number;
  /**
   * One message for every failure (a hidden version field: "reload the
   * page"). Without it the messages are generic ("Must be at most 100."):
   * the form or the API names the field they belong to.
   */
  message?: string;
};

/**
 * A whole number from a form field or a query string, bounded on both sides:
 * a value past the column (version=2147483648) is a validation failure, not a
 * database error.
 */
export function intField(rules: IntRules) {
  const max = rules.max ?? INT4_MAX;
  const say = (generated: string) => rules.message ?? generated;
  return z.coerce
    .number({ error: say(message('validation.number.notANumber')) })
    // abort: one message per field, even when 1e20 is both unsafe and too large.
    .int({ error: say(message('validation.number.notWhole')), abort: true })
    .min(rules.min, { error: say(message('validation.number.tooSmall', { min: rules.min })), abort: true })
    .max(max, say(message('validation.number.tooLarge', { max })));
}

/** An optional whole number: null when the field is absent or blank. */
export function optionalIntField(rules: IntRules) {
  return z.preprocess((value) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value), intField(rules).nullable());
}
