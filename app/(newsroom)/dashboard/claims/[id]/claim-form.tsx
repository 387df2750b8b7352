'use client';

import { useActionState, useCallback, useEffect, useRef, useState } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import { createClaimantAction } from '@/lib/claimants/actions';
import { createClaimAction, updateClaimAction } from '@/lib/claims/actions';
import { CLAIM_SUMMARY_MAX_LENGTH, summaryLength } from '@/lib/claims/schema';
import { ClaimantPicker, NewClaimantFields, NewClaimantForm, type PickedClaimant } from './claimant-picker';
import { invalidProps } from './field-props';
import { useFormKey } from './use-form-key';

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
  const length = summaryLength(value);
  const over = length - CLAIM_SUMMARY_MAX_LENGTH;
  return (
    <p id="claim-summary-count" className={over > 0 ? 'hint field-error' : 'hint'}>
      {over > 0 ? `${length} / ${CLAIM_SUMMARY_MAX_LENGTH} characters — ${over} too many` : `${length} / ${CLAIM_SUMMARY_MAX_LENGTH} characters`}
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
  const [state, formAction, pending] = useActionState(initial.id ? updateClaimAction : createClaimAction, null);
  const [newClaimantState, newClaimantAction] = useActionState(createClaimantAction, null);
  const formKey = `${useFormKey(state)}:${resetKey}`;
  const failed = state && !state.ok ? state : null;
  const values = failed?.values;
  const errors = failed?.fieldErrors;

  const [summary, setSummary] = useState(values?.summary ?? initial.summary);
  const [claimant, setClaimant] = useState<PickedClaimant>(
    values ? { id: values.claimantId ?? '', name: values.claimant ?? '' } : initial.claimant,
  );

  // After each save, show what the server has (success) or what was typed (failure).
  const [syncedKey, setSyncedKey] = useState(formKey);
  if (syncedKey !== formKey) {
    setSyncedKey(formKey);
    setSummary(values?.summary ?? initial.summary);
    setClaimant(values ? { id: values.claimantId ?? '', name: values.claimant ?? '' } : initial.claimant);
  }

  // A claimant created with "New claimant" becomes the claim's claimant.
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
      <form key={formKey} action={formAction} className="form" noValidate>
        <FormMessage state={state} />
        {initial.id && <input type="hidden" name="id" value={initial.id} />}
        {version !== null && <input type="hidden" name="version" value={version} />}
        {review && (
          <>
            <p className="banner" role="note" id="claim-review-note">
              This claim is published. Saving proposes your changes to its wording, claimant, date or language as a revision: readers see
              them once another editor approves it. Tags are saved at once.
            </p>
            <input type="hidden" name="revisionId" value={revisionId} />
            <input type="hidden" name="revisionVersion" value={revisionVersion} />
          </>
        )}
        <div className="field">
          <label htmlFor="claim-text">Claim</label>
          <textarea
            id="claim-text"
            name="text"
            lang={initial.language}
            defaultValue={values?.text ?? initial.text}
            {...invalidProps('claim-text', errors, 'text', 'claim-text-hint')}
          />
          <p id="claim-text-hint" className="hint">
            The statement as it was made, in its original language.
          </p>
          <FieldError id="claim-text-error" errors={errors?.text} />
        </div>
        <div className="field">
          <label htmlFor="claim-summary">Summary</label>
          <input
            id="claim-summary"
            name="summary"
            type="text"
            lang={initial.language}
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
            {...invalidProps('claim-summary', errors, 'summary', 'claim-summary-count')}
          />
          <SummaryCounter value={summary} />
          <FieldError id="claim-summary-error" errors={errors?.summary} />
        </div>
        <ClaimantPicker value={claimant} onChange={pickClaimant} fieldErrors={errors} />
        <NewClaimantFields formId={NEW_CLAIMANT_FORM_ID} state={newClaimantState} />
        <div className="field">
          <label htmlFor="claim-claimed-at">Claimed on</label>
          <input
            id="claim-claimed-at"
            name="claimedAt"
            type="date"
            defaultValue={values?.claimedAt ?? initial.claimedAt}
            {...invalidProps('claim-claimed-at', errors, 'claimedAt')}
          />
          <FieldError id="claim-claimed-at-error" errors={errors?.claimedAt} />
        </div>
        <div className="field">
          <label htmlFor="claim-language">Language</label>
          <input
            id="claim-language"
            name="language"
            type="text"
            autoComplete="off"
            defaultValue={values?.language ?? initial.language}
            {...invalidProps('claim-language', errors, 'language', 'claim-language-hint')}
          />
          <p id="claim-language-hint" className="hint">
            Language code of the claim: fr, en…
          </p>
          <FieldError id="claim-language-error" errors={errors?.language} />
        </div>
        <div className="field">
          <label htmlFor="claim-tags">Tags</label>
          <input
            id="claim-tags"
            name="tags"
            type="text"
            autoComplete="off"
            defaultValue={values?.tags ?? initial.tags}
            {...invalidProps('claim-tags', errors, 'tags', 'claim-tags-hint')}
          />
          <p id="claim-tags-hint" className="hint">
            Separated by commas.
          </p>
          <FieldError id="claim-tags-error" errors={errors?.tags} />
        </div>
        {review && (
          <div className="field">
            <label htmlFor="claim-revision-note">What changed and why</label>
            <textarea
              id="claim-revision-note"
              name="revisionNote"
              rows={3}
              defaultValue={values?.revisionNote ?? openRevision?.note ?? ''}
              {...invalidProps('claim-revision-note', errors, 'revisionNote', 'claim-revision-note-hint')}
            />
            <p id="claim-revision-note-hint" className="hint">
              Required when you change what readers are told, even a typo. Readers see this note, dated, once the change is approved.
            </p>
            <FieldError id="claim-revision-note-error" errors={errors?.revisionNote} />
          </div>
        )}
        <button type="submit" disabled={pending} aria-describedby={pending ? 'claim-saving' : undefined}>
          Save claim
        </button>
        {pending && (
          <p id="claim-saving" className="muted small" role="status">
            Saving…
          </p>
        )}
      </form>
      <NewClaimantForm formId={NEW_CLAIMANT_FORM_ID} action={newClaimantAction} />
    </>
  );
}
