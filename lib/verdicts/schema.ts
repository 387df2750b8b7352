import { z } from 'zod';
import type { ActionFailure, ActionResult, FieldErrors } from '../actions/result';

// Verdict forms: the editor (draft / submit), the review decisions and the
// history comparison. Shared by the client forms and the server actions.

export const HEADLINE_MAX = 280;
export const EXPLANATION_MAX = 20_000;
export const EVIDENCE_QUOTE_MAX = 2_000;
export const EVIDENCE_NOTE_MAX = 1_000;
export const EVIDENCE_MAX_ROWS = 30;
export const CORRECTION_NOTE_MAX = 2_000;
export const REVIEW_COMMENT_MAX = 5_000;

export const evidenceStances = ['SUPPORTS', 'REFUTES', 'CONTEXT'] as const;
export type EvidenceStanceKey = (typeof evidenceStances)[number];

export const CORRECTION_NOTE_REQUIRED = 'Explain what changed and why: readers will see this correction.';
export const EVIDENCE_REQUIRED = 'Add at least one piece of evidence before submitting.';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The latest date that is already "today" somewhere (UTC+14). An editor in
 * Paris just after midnight is a day ahead of UTC; "not in the future" must
 * not refuse their today.
 */
export function latestTodayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const requiredId = (message: string) => z.string({ error: message }).trim().min(1, message).max(64, message);

/** Blank → null, so that an emptied field clears the stored value. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : null));

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((value) => (value ? value : undefined));

const asOfSchema = z
  .string({ error: 'Enter the date the verdict is valid as of.' })
  .trim()
  .regex(ISO_DATE, 'Enter the date as YYYY-MM-DD.')
  .refine(isRealDate, 'This date does not exist.')
  .refine((value) => value <= latestTodayIso(), 'As of cannot be in the future.');

export const evidenceRowSchema = z.object({
  sourceId: requiredId('Choose the source of this evidence.'),
  quote: optionalText(EVIDENCE_QUOTE_MAX, `A quote must be ${EVIDENCE_QUOTE_MAX.toLocaleString('en')} characters or fewer.`),
  /** Which occurrence (0-based, in text order) when the quote occurs more than once. */
  occurrence: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const index = Number(value);
      if (!Number.isInteger(index) || index < 0) {
        ctx.addIssue({ code: 'custom', message: 'Choose one of the occurrences listed.' });
        return z.NEVER;
      }
      return index;
    }),
  stance: z.enum(evidenceStances, { error: 'Choose whether this evidence supports, refutes or gives context to the claim.' }),
  note: optionalText(EVIDENCE_NOTE_MAX, `A note must be ${EVIDENCE_NOTE_MAX.toLocaleString('en')} characters or fewer.`),
});
export type EvidenceRowInput = z.infer<typeof evidenceRowSchema>;

const verdictFields = {
  claimId: requiredId('The claim is missing: reload the page.'),
  /** Absent for a new verdict. */
  verdictId: optionalId,
  version: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const version = Number(value);
      if (!Number.isInteger(version) || version < 1) {
        ctx.addIssue({ code: 'custom', message: 'The form is out of date: reload the page.' });
        return z.NEVER;
      }
      return version;
    }),
  ratingId: requiredId('Choose a rating.'),
  headline: z
    .string({ error: 'Write a headline.' })
    .trim()
    .min(1, 'Write a headline.')
    .max(HEADLINE_MAX, `Headline must be ${HEADLINE_MAX} characters or fewer.`)
    .refine((value) => !/[\r\n]/.test(value), 'Headline must be one sentence, on one line.'),
  explanation: z
    .string({ error: 'Write the explanation.' })
    .trim()
    .min(1, 'Write the explanation.')
    .max(EXPLANATION_MAX, `Explanation must be ${EXPLANATION_MAX.toLocaleString('en')} characters or fewer.`),
  asOf: asOfSchema,
  correctionNote: optionalText(CORRECTION_NOTE_MAX, `Correction note must be ${CORRECTION_NOTE_MAX.toLocaleString('en')} characters or fewer.`),
};

const withVersionForEdits = <T extends { verdictId?: string; version?: number }>(value: T, ctx: z.RefinementCtx) => {
  if (value.verdictId && value.version === undefined) {
    ctx.addIssue({ code: 'custom', path: ['version'], message: 'The form is out of date: reload the page.' });
  }
};

export const verdictDraftSchema = z
  .object({
    ...verdictFields,
    evidence: z.array(evidenceRowSchema).max(EVIDENCE_MAX_ROWS, `A verdict can cite at most ${EVIDENCE_MAX_ROWS} pieces of evidence.`),
  })
  .superRefine(withVersionForEdits);
export type VerdictDraftInput = z.infer<typeof verdictDraftSchema>;

/** Submitting needs what a draft needs, plus at least one piece of evidence. */
export const verdictSubmissionSchema = z
  .object({
    ...verdictFields,
    evidence: z
      .array(evidenceRowSchema)
      .min(1, EVIDENCE_REQUIRED)
      .max(EVIDENCE_MAX_ROWS, `A verdict can cite at most ${EVIDENCE_MAX_ROWS} pieces of evidence.`),
  })
  .superRefine(withVersionForEdits);
export type VerdictSubmissionInput = z.infer<typeof verdictSubmissionSchema>;

const EVIDENCE_FIELD = /^evidence\.(\d{1,3})\.(sourceId|quote|occurrence|stance|note)$/;

/**
 * The verdict form as an object: top-level fields as they are, and the
 * indexed evidence fields (evidence.0.sourceId, evidence.0.quote, …) rebuilt
 * into an array in index order. Rows the user removed simply are not sent.
 */
export function readVerdictForm(formData: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION')) continue;
    const match = EVIDENCE_FIELD.exec(key);
    if (match) {
      const index = Number(match[1]);
      const row = rows.get(index) ?? {};
      row[match[2] ?? ''] = value;
      rows.set(index, row);
    } else if (!key.startsWith('evidence.')) {
      fields[key] = value;
    }
  }
  fields.evidence = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  return fields;
}

/** Field errors keyed by the field's full name ("evidence.0.quote"), as the form names its inputs. */
export function fieldErrorsByPath(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!key) continue;
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}

/** One place where an evidence quote occurs, offered when it occurs more than once. */
export type QuoteOccurrenceChoice = { index: number; start: number; prefix: string; exact: string; suffix: string };

/** Keyed by evidence row index ("0", "1", …). */
export type QuoteOccurrenceChoices = Record<string, QuoteOccurrenceChoice[]>;

export type VerdictFormFailure = ActionFailure & { quoteOccurrences?: QuoteOccurrenceChoices };
export type VerdictFormResult = ActionResult<undefined> | VerdictFormFailure;

export const reviewDecisionSchema = z.object({
  verdictId: requiredId('The verdict is missing: reload the page.'),
  version: z.coerce.number({ error: 'The form is out of date: reload the page.' }).int().min(1, 'The form is out of date: reload the page.'),
});
export type ReviewDecisionInput = z.infer<typeof reviewDecisionSchema>;

export const requestChangesSchema = reviewDecisionSchema.extend({
  comment: z
    .string({ error: 'Write a comment: the author needs to know what to change.' })
    .trim()
    .min(1, 'Write a comment: the author needs to know what to change.')
    .max(REVIEW_COMMENT_MAX, `Comment must be ${REVIEW_COMMENT_MAX.toLocaleString('en')} characters or fewer.`),
});
export type RequestChangesInput = z.infer<typeof requestChangesSchema>;

export const explanationPreviewSchema = z.object({
  markdown: z
    .string()
    .max(EXPLANATION_MAX, `Explanation must be ${EXPLANATION_MAX.toLocaleString('en')} characters or fewer.`)
    .default(''),
});

/** GET parameters of the history page's comparison form. */
export const compareVersionsSchema = z.object({
  a: z.coerce.number().int().min(1).optional().catch(undefined),
  b: z.coerce.number().int().min(1).optional().catch(undefined),
});
