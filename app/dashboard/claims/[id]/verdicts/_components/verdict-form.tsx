'use client';

import { useActionState, useState } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import { MarkdownPreview } from '@/app/components/markdown-preview';
import { previewExplanationAction, saveVerdictDraftAction, submitVerdictAction } from '@/lib/verdicts/actions';
import type { RatingOption, SourceOption } from '@/lib/verdicts/queries';
import { HEADLINE_MAX, type VerdictFormFailure, type VerdictFormResult } from '@/lib/verdicts/schema';
import { EvidenceRows, rowsFromValues, type EvidenceRowValues } from './evidence-rows';

export type VerdictFormInitial = {
  verdictId: string | null;
  version: number | null;
  ratingId: string;
  headline: string;
  explanation: string;
  asOf: string;
  correctionNote: string;
  evidence: EvidenceRowValues[];
};

type Props = {
  claimId: string;
  language: string;
  initial: VerdictFormInitial;
  ratings: RatingOption[];
  sources: SourceOption[];
  /** The published verdict this one will supersede: a correction note is then required to submit. */
  supersedes: { number: number; ratingLabel: string } | null;
  maxAsOf: string;
};

type FormState = (VerdictFormResult & { attempt: number }) | null;

export function VerdictForm(props: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(async (previous, formData) => {
    // Both buttons submit the same form; the one pressed says whether to submit for review.
    const result = formData.get('intent') === 'submit' ? await submitVerdictAction(null, formData) : await saveVerdictDraftAction(null, formData);
    return { ...result, attempt: (previous?.attempt ?? 0) + 1 };
  }, null);

  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      {/* Remounted after each refusal so that every input shows what was submitted. */}
      <VerdictFields key={state?.attempt ?? 0} {...props} state={state} pending={pending} />
    </form>
  );
}

function VerdictFields({ claimId, language, initial, ratings, sources, supersedes, maxAsOf, state, pending }: Props & { state: FormState; pending: boolean }) {
  const failure: VerdictFormFailure | null = state && !state.ok ? state : null;
  const values = failure?.values;
  const errors = failure?.fieldErrors;
  const value = (name: keyof VerdictFormInitial & string, fallback: string) => values?.[name] ?? fallback;
  const [explanation, setExplanation] = useState(() => value('explanation', initial.explanation));
  const invalid = (name: string) => !!errors?.[name];
  const describedBy = (name: string, hint?: boolean) =>
    [hint && `${name}-hint`, errors?.[name] && `${name}-error`].filter(Boolean).join(' ') || undefined;

  return (
    <>
      <input type="hidden" name="claimId" value={claimId} />
      {initial.verdictId && <input type="hidden" name="verdictId" value={initial.verdictId} />}
      {initial.version !== null && <input type="hidden" name="version" value={initial.version} />}
      <FieldError id="version-error" errors={errors?.version} />

      <div className="field">
        <label htmlFor="ratingId">Rating</label>
        <select id="ratingId" name="ratingId" defaultValue={value('ratingId', initial.ratingId)} aria-invalid={invalid('ratingId')} aria-describedby={describedBy('ratingId')}>
          <option value="">Choose a rating</option>
          {ratings.map((rating) => (
            <option key={rating.id} value={rating.id}>
              {rating.labelEn} — {rating.labelFr}
            </option>
          ))}
        </select>
        <FieldError id="ratingId-error" errors={errors?.ratingId} />
      </div>

      <div className="field">
        <label htmlFor="headline">Headline</label>
        <input
          id="headline"
          name="headline"
          lang={language}
          defaultValue={value('headline', initial.headline)}
          aria-invalid={invalid('headline')}
          aria-describedby={describedBy('headline', true)}
        />
        <p id="headline-hint" className="hint">
          One sentence, at most {HEADLINE_MAX} characters.
        </p>
        <FieldError id="headline-error" errors={errors?.headline} />
      </div>

      <div className="field">
        <label htmlFor="explanation">Explanation</label>
        <textarea
          id="explanation"
          name="explanation"
          lang={language}
          rows={12}
          defaultValue={explanation}
          onChange={(event) => setExplanation(event.target.value)}
          aria-invalid={invalid('explanation')}
          aria-describedby={describedBy('explanation', true)}
        />
        <p id="explanation-hint" className="hint">
          Markdown. The preview below is exactly what readers will see.
        </p>
        <FieldError id="explanation-error" errors={errors?.explanation} />
        <MarkdownPreview id="explanation-preview" label="Preview, as readers will see it" markdown={explanation} render={previewExplanationAction} lang={language} />
      </div>

      <div className="field">
        <label htmlFor="asOf">As of</label>
        <input
          id="asOf"
          name="asOf"
          type="date"
          max={maxAsOf}
          defaultValue={value('asOf', initial.asOf)}
          aria-invalid={invalid('asOf')}
          aria-describedby={describedBy('asOf', true)}
        />
        <p id="asOf-hint" className="hint">
          What the verdict rests on was known on this date. It cannot be in the future.
        </p>
        <FieldError id="asOf-error" errors={errors?.asOf} />
      </div>

      {supersedes && (
        <div className="field">
          <label htmlFor="correctionNote">Correction note</label>
          <textarea
            id="correctionNote"
            name="correctionNote"
            lang={language}
            rows={4}
            defaultValue={value('correctionNote', initial.correctionNote)}
            aria-invalid={invalid('correctionNote')}
            aria-describedby={describedBy('correctionNote', true)}
          />
          <p id="correctionNote-hint" className="hint">
            This verdict will replace the published version {supersedes.number} (rated {supersedes.ratingLabel}). Required to submit: readers
            see this note with the correction.
          </p>
          <FieldError id="correctionNote-error" errors={errors?.correctionNote} />
        </div>
      )}

      <EvidenceRows
        initialRows={rowsFromValues(values) ?? initial.evidence}
        sources={sources}
        language={language}
        fieldErrors={errors}
        occurrences={failure?.quoteOccurrences}
      />

      <p style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
        <button type="submit" name="intent" value="draft" className="secondary" disabled={pending}>
          Save draft
        </button>
        <button type="submit" name="intent" value="submit" disabled={pending}>
          Submit for review
        </button>
      </p>
    </>
  );
}
