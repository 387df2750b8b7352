'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { createClaimantAction } from '@/lib/claimants/actions';
import { createClaimAction, updateClaimAction } from '@/lib/claims/actions';
import { CLAIM_SUMMARY_MAX_LENGTH, summaryLength } from '@/lib/claims/schema';
import { ClaimantPicker, NewClaimantFields, NewClaimantFormElement, type PickedClaimant } from './claimant-picker';

export type ClaimFormInitial = {
  id: string | null;
  version: number | null;
  text: string;
  summary: string;
  claimant: PickedClaimant;
  claimedAt: string;
  language: string;
  tags: string;
};

/**
 * On a claim readers have seen, saving proposes a revision for another editor
 * to review; `revision` is the author's own open one, which the save amends.
 */
export type ClaimFormReview = { revision: { id: string; version: number; note: string } | null };

const NEW_CLAIMANT_FORM_ID = 'new-claimant-form';

function SummaryCounter({ value }: { value: string }) {
  const t = useTranslations('claimEditor.claimForm.summary');
  const length = summaryLength(value);
  const over = length - CLAIM_SUMMARY_MAX_LENGTH;
  return (
    <p id="claim-summary-count" className={over > 0 ? 'hint field-error' : 'hint'}>
      {over > 0 ? t('countOver', { length, max: CLAIM_SUMMARY_MAX_LENGTH, over }) : t('count', { length, max: CLAIM_SUMMARY_MAX_LENGTH })}
    </p>
  );
}

/** Creates a claim (new page) or edits one, with optimistic locking on `version`. */
export function ClaimForm({
  initial,
  review = null,
  resetKey = '',
}: {
  initial: ClaimFormInitial;
  review?: ClaimFormReview | null;
  /** Changes when what the form edits changes under it (the author's revision withdrawn or decided): the inputs then show `initial` again. */
  resetKey?: string;
}) {
  const t = useTranslations('claimEditor.claimForm');
  const form = useActionForm(initial.id ? updateClaimAction : createClaimAction);
  const newClaimant = useActionForm(createClaimantAction);
  const { state, formAction, formRef, pending, failure, errorsOf, valueOf } = form;
  const formKey = `${form.formKey}:${resetKey}`;
  const values = failure?.values;

  const [summary, setSummary] = useState(values?.summary ?? initial.summary);
  const [claimant, setClaimant] = useState<PickedClaimant>(values ? { id: values.claimantId ?? '', name: values.claimant ?? '' } : initial.claimant);

  // After each save, show what the server has (success) or what was typed (failure).
  const [syncedKey, setSyncedKey] = useState(formKey);
  if (syncedKey !== formKey) {
    setSyncedKey(formKey);
    setSummary(values?.summary ?? initial.summary);
    setClaimant(values ? { id: values.claimantId ?? '', name: values.claimant ?? '' } : initial.claimant);
  }

  // A claimant created with "New claimant" becomes the claim's claimant.
  const newClaimantState = newClaimant.state;
  const selectedCreated = useRef<unknown>(null);
  useEffect(() => {
    if (newClaimantState?.ok && selectedCreated.current !== newClaimantState) {
      selectedCreated.current = newClaimantState;
      setClaimant({ id: newClaimantState.data.id, name: newClaimantState.data.name });
    }
  }, [newClaimantState]);
  const pickClaimant = useCallback((value: PickedClaimant) => setClaimant(value), []);

  const version = state?.ok ? state.data.version : (values?.version ?? initial.version);
  const openRevision = review?.revision ?? null;
  // From the page, refreshed with each save: the revision may also have been withdrawn or decided since.
  const revisionId = values?.revisionId ?? openRevision?.id ?? '';
  const revisionVersion = values?.revisionVersion ?? openRevision?.version ?? '';

  return (
    <>
      <form key={formKey} ref={formRef} action={formAction} className="form" noValidate>
        <FormMessage state={state} />
        {initial.id && <input type="hidden" name="id" value={initial.id} />}
        {version !== null && <input type="hidden" name="version" value={version} />}
        {review && (
          <>
            <p className="banner" role="note" id="claim-review-note">
              {t('reviewNote')}
            </p>
            <input type="hidden" name="revisionId" value={revisionId} />
            <input type="hidden" name="revisionVersion" value={revisionVersion} />
          </>
        )}
        <Field id="claim-text" name="text" label={t('text.label')} hint={t('text.hint')} errors={errorsOf('text')}>
          {(control) => <textarea {...control} lang={initial.language} defaultValue={valueOf('text', initial.text)} />}
        </Field>
        <Field id="claim-summary" name="summary" label={t('summary.label')} errors={errorsOf('summary')} describedBy={['claim-summary-count']}>
          {(control) => (
            <>
              <input {...control} type="text" lang={initial.language} value={summary} onChange={(event) => setSummary(event.target.value)} />
              <SummaryCounter value={summary} />
            </>
          )}
        </Field>
        <ClaimantPicker value={claimant} onChange={pickClaimant} errors={errorsOf('claimant')} />
        <NewClaimantFields formId={NEW_CLAIMANT_FORM_ID} form={newClaimant} />
        <Field id="claim-claimed-at" name="claimedAt" label={t('claimedAt.label')} errors={errorsOf('claimedAt')}>
          {(control) => <input {...control} type="date" defaultValue={valueOf('claimedAt', initial.claimedAt)} />}
        </Field>
        <Field id="claim-language" name="language" label={t('language.label')} hint={t('language.hint')} errors={errorsOf('language')}>
          {(control) => <input {...control} type="text" autoComplete="off" defaultValue={valueOf('language', initial.language)} />}
        </Field>
        <Field id="claim-tags" name="tags" label={t('tags.label')} hint={t('tags.hint')} errors={errorsOf('tags')}>
          {(control) => <input {...control} type="text" autoComplete="off" defaultValue={valueOf('tags', initial.tags)} />}
        </Field>
        {review && (
          <Field
            id="claim-revision-note"
            name="revisionNote"
            label={t('revisionNote.label')}
            hint={t('revisionNote.hint')}
            errors={errorsOf('revisionNote')}
          >
            {(control) => <textarea {...control} rows={3} defaultValue={valueOf('revisionNote', openRevision?.note ?? '')} />}
          </Field>
        )}
        <button type="submit" disabled={pending} aria-describedby={pending ? 'claim-saving' : undefined}>
          {t('submit')}
        </button>
        {pending && (
          <p id="claim-saving" className="muted small" role="status">
            {t('saving')}
          </p>
        )}
      </form>
      <NewClaimantFormElement formId={NEW_CLAIMANT_FORM_ID} form={newClaimant} />
    </>
  );
}
