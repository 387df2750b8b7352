import { z } from 'zod';
import type { ActionFailure, ActionResult, FieldErrors } from '../actions/result';
import { message } from '../i18n/message';
import {
  idField,
  intField,
  markdownText,
  multiLineText,
  optionalIdField,
  optionalIntField,
  optionalText,
  singleLineText,
} from '../validation/fields';

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

export const CORRECTION_NOTE_REQUIRED = message('validation.verdict.correctionNoteRequired');
export const EVIDENCE_REQUIRED = message('validation.verdict.evidenceRequired');
const OUT_OF_DATE = message('validation.outOfDate');
const TOO_MUCH_EVIDENCE = message('validation.verdict.tooMuchEvidence', { max: EVIDENCE_MAX_ROWS });

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

const asOfSchema = z
  .string({ error: message('validation.verdict.asOfRequired') })
  .trim()
  .regex(ISO_DATE, message('validation.date.format'))
  .refine(isRealDate, message('validation.date.doesNotExist'))
  .refine((value) => value <= latestTodayIso(), message('validation.verdict.asOfInFuture'));

export const evidenceRowSchema = z.object({
  sourceId: idField(message('validation.evidence.chooseSource')),
  quote: optionalText(multiLineText({ max: EVIDENCE_QUOTE_MAX, tooLong: message('validation.evidence.quoteTooLong') })),
  /** Which occurrence (0-based, in text order) when the quote occurs more than once. */
  occurrence: optionalIntField({ min: 0, message: message('validation.quote.chooseOccurrence') }).transform((value) => value ?? undefined),
  stance: z.enum(evidenceStances, { error: message('validation.evidence.stanceRequired') }),
  note: optionalText(multiLineText({ max: EVIDENCE_NOTE_MAX, tooLong: message('validation.evidence.noteTooLong') })),
});
export type EvidenceRowInput = z.infer<typeof evidenceRowSchema>;

/** The explanation's own messages: the live preview shows them away from the field, so they name it. */
const explanationRules = {
  max: EXPLANATION_MAX,
  tooLong: message('validation.verdict.explanationTooLong'),
  tooDeep: message('validation.verdict.explanationTooDeep'),
};

const VERDICT_MISSING = message('validation.verdict.verdictMissing');

const verdictFields = {
  claimId: idField(message('validation.verdict.claimMissing')),
  /** Absent for a new verdict. */
  verdictId: optionalIdField(VERDICT_MISSING),
  version: optionalIntField({ min: 1, message: OUT_OF_DATE }).transform((value) => value ?? undefined),
  ratingId: idField(message('validation.verdict.chooseRating')),
  headline: singleLineText({
    max: HEADLINE_MAX,
    required: message('validation.verdict.headlineRequired'),
    oneLine: message('validation.verdict.headlineOneLine'),
  }),
  explanation: markdownText({ ...explanationRules, required: message('validation.verdict.explanationRequired') }),
  asOf: asOfSchema,
  correctionNote: optionalText(multiLineText({ max: CORRECTION_NOTE_MAX })),
};

const withVersionForEdits = <T extends { verdictId?: string; version?: number }>(value: T, ctx: z.RefinementCtx) => {
  if (value.verdictId && value.version === undefined) {
    ctx.addIssue({ code: 'custom', path: ['version'], message: OUT_OF_DATE });
  }
};

export const verdictDraftSchema = z
  .object({
    ...verdictFields,
    evidence: z.array(evidenceRowSchema).max(EVIDENCE_MAX_ROWS, TOO_MUCH_EVIDENCE),
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
      .max(EVIDENCE_MAX_ROWS, TOO_MUCH_EVIDENCE),
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
  verdictId: idField(VERDICT_MISSING),
  version: intField({ min: 1, message: OUT_OF_DATE }),
});
export type ReviewDecisionInput = z.infer<typeof reviewDecisionSchema>;

export const requestChangesSchema = reviewDecisionSchema.extend({
  comment: multiLineText({ max: REVIEW_COMMENT_MAX, required: message('validation.review.commentRequired') }),
});
export type RequestChangesInput = z.infer<typeof requestChangesSchema>;

/**
 * The live preview's text. Its problems are form-level issues, not the
 * field's: the preview shows the action's message, so the message must say
 * what is wrong.
 */
const previewedExplanation = markdownText({ ...explanationRules, keepWhitespace: true });
export const explanationPreviewSchema = z.object({ markdown: z.string().default('') }).superRefine(({ markdown }, ctx) => {
  for (const issue of previewedExplanation.safeParse(markdown).error?.issues ?? []) ctx.addIssue({ code: 'custom', message: issue.message });
});

/** GET parameters of the history page's comparison form. */
export const compareVersionsSchema = z.object({
  a: intField({ min: 1 }).optional().catch(undefined),
  b: intField({ min: 1 }).optional().catch(undefined),
});
