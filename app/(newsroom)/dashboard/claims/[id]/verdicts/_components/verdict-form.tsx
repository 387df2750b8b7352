'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
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

/** Both buttons submit the same form; the one pressed says whether to submit for review. */
async function saveOrSubmit(previous: VerdictFormResult | null, formData: FormData): Promise<VerdictFormResult> {
  return formData.get('intent') === 'submit' ? submitVerdictAction(previous, formData) : saveVerdictDraftAction(previous, formData);
}

export function VerdictForm(props: Props) {
  const form = useActionForm(saveOrSubmit);
  return (
    <form ref={form.formRef} action={form.formAction} className="form verdict-form" noValidate>
      <FormMessage state={form.state} />
      {/* Remounted after each result so that every input shows what was submitted. */}
      <VerdictFields key={form.formKey} {...props} form={form} />
    </form>
  );
}

function VerdictFields({
  claimId,
  language,
  initial,
  ratings,
  sources,
  supersedes,
  maxAsOf,
  form,
}: Props & { form: ReturnType<typeof useActionForm<VerdictFormResult>> }) {
  const t = useTranslations('verdictEditor.form');
  const locale = useLocale();
  const { errorsOf, valueOf, pending } = form;
  const failure = form.failure as VerdictFormFailure | null;
  const [explanation, setExplanation] = useState(() => valueOf('explanation', initial.explanation));
  const versionErrors = errorsOf('version');

  return (
    <>
      <input type="hidden" name="claimId" value={claimId} />
      {initial.verdictId && <input type="hidden" name="verdictId" value={initial.verdictId} />}
      {initial.version !== null && <input type="hidden" name="version" value={initial.version} />}
      {versionErrors && <p className="field-error">{versionErrors.join(' ')}</p>}

      <Field id="ratingId" name="ratingId" label={t('rating.label')} errors={errorsOf('ratingId')}>
        {(control) => (
          <select {...control} defaultValue={valueOf('ratingId', initial.ratingId)}>
            <option value="">{t('rating.choose')}</option>
            {ratings.map((rating) => (
              <option key={rating.id} value={rating.id}>
                {/* Both editions' words: readers see the rating in French and in English. */}
                {locale === 'fr'
                  ? t('rating.option', { primary: rating.labelFr, secondary: rating.labelEn })
                  : t('rating.option', { primary: rating.labelEn, secondary: rating.labelFr })}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field id="headline" name="headline" label={t('headline.label')} hint={t('headline.hint', { max: HEADLINE_MAX })} errors={errorsOf('headline')}>
        {(control) => <input {...control} lang={language} defaultValue={valueOf('headline', initial.headline)} />}
      </Field>

      <Field id="explanation" name="explanation" label={t('explanation.label')} hint={t('explanation.hint')} errors={errorsOf('explanation')}>
        {(control) => (
          <textarea {...control} lang={language} rows={12} defaultValue={explanation} onChange={(event) => setExplanation(event.target.value)} />
        )}
      </Field>
      <MarkdownPreview id="explanation-preview" label={t('explanation.preview')} markdown={explanation} render={previewExplanationAction} lang={language} />

      <Field id="asOf" name="asOf" label={t('asOf.label')} hint={t('asOf.hint')} errors={errorsOf('asOf')}>
        {(control) => <input {...control} type="date" max={maxAsOf} defaultValue={valueOf('asOf', initial.asOf)} />}
      </Field>

      {supersedes && (
        <Field
          id="correctionNote"
          name="correctionNote"
          label={t('correctionNote.label')}
          hint={t('correctionNote.hint', { number: supersedes.number, rating: supersedes.ratingLabel })}
          errors={errorsOf('correctionNote')}
        >
          {(control) => <textarea {...control} lang={language} rows={4} defaultValue={valueOf('correctionNote', initial.correctionNote)} />}
        </Field>
      )}

      <EvidenceRows
        initialRows={rowsFromValues(failure?.values) ?? initial.evidence}
        sources={sources}
        language={language}
        errorsOf={errorsOf}
        occurrences={failure?.quoteOccurrences}
      />

      <p style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
        <button type="submit" name="intent" value="draft" className="secondary" disabled={pending}>
          {t('saveDraft')}
        </button>
        <button type="submit" name="intent" value="submit" disabled={pending}>
          {t('submit')}
        </button>
      </p>
    </>
  );
}
