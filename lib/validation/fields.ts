import { z } from 'zod';
import { MAX_MARKDOWN_NESTING, markdownNestingDepth } from '../markdown/nesting';

// The zod builders every schema in lib/*/schema.ts uses for what a person or
// a script can type: text, identifiers, slugs and whole numbers. Validating
// once here means a NUL byte (which PostgreSQL refuses in text), a number
// past the int4 column, or a string longer than its column is a message next
// to the field, never a 500 and a wiped form. No Prisma, no server-only:
// the forms import the schemas too.

export const CONTROL_CHARACTERS_MESSAGE = 'Remove the invisible control characters from this field.';

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

const numberFormat = new Intl.NumberFormat('en-GB');

export type TextRules = {
  /** Subject of the default length message: "Title" → "Title must be 500 characters or fewer." */
  label: string;
  max: number;
  min?: number;
  /** Makes the field required: the message for an empty (or blank) value. */
  required?: string;
  /** Replaces the default length message. */
  tooLong?: string;
  /** Keeps leading and trailing whitespace: a quote must match its source exactly. */
  keepWhitespace?: boolean;
};

type LineRules = TextRules & {
  /** Replaces the default "must be on one line" message. */
  oneLine?: string;
};

function checkText(value: string, ctx: z.RefinementCtx, rules: TextRules, lineBreakMessage: string | null): void {
  if (rules.required !== undefined && value.trim() === '') {
    ctx.addIssue({ code: 'custom', message: rules.required });
    return;
  }
  if (hasControlCharacters(value)) ctx.addIssue({ code: 'custom', message: CONTROL_CHARACTERS_MESSAGE });
  else if (lineBreakMessage && LINE_BREAK.test(value)) ctx.addIssue({ code: 'custom', message: lineBreakMessage });
  const length = codePointLength(value);
  if (length > rules.max) {
    ctx.addIssue({ code: 'custom', message: rules.tooLong ?? `${rules.label} must be ${numberFormat.format(rules.max)} characters or fewer.` });
  } else if (rules.min !== undefined && value !== '' && length < rules.min) {
    ctx.addIssue({ code: 'custom', message: `${rules.label} must be at least ${numberFormat.format(rules.min)} characters.` });
  }
}

function textField(rules: TextRules, lineBreakMessage: string | null) {
  return z
    .string({ error: rules.required ?? `${rules.label} must be text.` })
    .transform((value) => (rules.keepWhitespace ? value : value.trim()))
    .superRefine((value, ctx) => checkText(value, ctx, rules, lineBreakMessage));
}

/** A one-line field (a name, a title, a headline): trimmed, no control characters, no line breaks. */
export function singleLineText(rules: LineRules) {
  return textField(rules, rules.oneLine ?? `${rules.label} must be on one line.`);
}

/** A field that may hold paragraphs: tabs and line breaks allowed, other control characters refused. */
export function multiLineText(rules: TextRules) {
  return textField(rules, null);
}

/**
 * Markdown shown to readers: multi-line text whose quotes and lists nest no
 * deeper than the renderer can take (lib/markdown/nesting.ts).
 */
export function markdownText(rules: TextRules) {
  return multiLineText(rules).superRefine((value, ctx) => {
    if (markdownNestingDepth(value) > MAX_MARKDOWN_NESTING) {
      ctx.addIssue({ code: 'custom', message: markdownTooDeepMessage(rules.label) });
    }
  });
}

export function markdownTooDeepMessage(label: string): string {
  return `${label} nests quotes or lists more than ${MAX_MARKDOWN_NESTING} levels deep: remove some of the “>” or list markers.`;
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
export function idField(message: string) {
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(64, message)
    .refine((value) => !hasControlCharacters(value), message);
}

/** An optional id (a select left on its empty option): undefined when empty. */
export function optionalIdField(message: string) {
  return z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))
    .pipe(idField(message).optional());
}

/** A slug from a URL (a claim's public address). */
export function slugField(message = 'This address does not name a claim.') {
  return z
    .string({ error: message })
    .min(1, message)
    .max(200, message)
    .refine((value) => !hasControlCharacters(value), message);
}

export type IntRules = {
  min: number;
  /** Defaults to the int4 column maximum. */
  max?: number;
} & (
  | {
      /** One message for every failure (a hidden version field: "reload the page"). */
      message: string;
      label?: undefined;
    }
  | {
      /** Names the value in generated messages: "limit must be at most 100". */
      label: string;
      message?: undefined;
    }
);

/**
 * A whole number from a form field or a query string, bounded on both sides:
 * a value past the column (version=2147483648) is a validation failure, not a
 * database error.
 */
export function intField(rules: IntRules) {
  const max = rules.max ?? INT4_MAX;
  const say = (generated: string) => rules.message ?? `${rules.label} ${generated}`;
  return z.coerce
    .number({ error: say('must be a number') })
    // abort: one message per field, even when 1e20 is both unsafe and too large.
    .int({ error: say('must be a whole number'), abort: true })
    .min(rules.min, { error: say(`must be at least ${rules.min}`), abort: true })
    .max(max, say(`must be at most ${max}`));
}

/** An optional whole number: null when the field is absent or blank. */
export function optionalIntField(rules: IntRules) {
  return z.preprocess((value) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value), intField(rules).nullable());
}
