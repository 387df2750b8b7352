'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { createClaimantAction } from '@/lib/claimants/actions';
import { createClaimAction, updateClaimAction } from '@/lib/claims/actions';
import type { AppearanceStanceValue } from '@/lib/appearances/schema';
import { CLAIM_SUMMARY_MAX_LENGTH, summaryLength } from '@/lib/claims/schema';
import type { NearDuplicate } from '@/lib/claim-matching/queries';
import { ClaimMatches } from './claim-matches';
import { ClaimantPicker, NewClaimantFields, NewClaimantFormElement, type PickedClaimant } from './claimant-picker';
import { SpeakerOptions, StanceOptions } from './appearance-options';

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

/**
 * The quote a new claim opened from a suggestion is saved with (its first
 * appearance): located by its offsets in the source's archived text, shown
 * in its context; the server locates it again on save.
 */
export type PendingAppearanceDraft = {
  sourceId: string;
  sourceTitle: string | null;
  /** The source's language: the quote's `lang`. */
  language: string;
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** '' = the claim's claimant. */
  speakerId: string;
  stance: AppearanceStanceValue;
};

const NEW_CLAIMANT_FORM_ID = 'new-claimant-form';

/** The speaker and stance the editor chose for the pending quote ('' speaker: the claim's claimant). */
type AppearanceChoice = { speakerId: string; stance: string };

function PendingAppearanceFields({
  pending,
  speakers,
  errorsOf,
  choice,
  onChoiceChange,
}: {
  pending: PendingAppearanceDraft;
  speakers: { id: string; name: string }[];
  errorsOf: (name: string) => string[] | undefined;
  choice: AppearanceChoice;
  onChoiceChange: (choice: AppearanceChoice) => void;
}) {
  const t = useTranslations('claimEditor.claimForm.pendingAppearance');
  const quoteErrors = [...(errorsOf('appearanceSourceId') ?? []), ...(errorsOf('appearanceQuote') ?? [])];
  return (
    <fieldset className="pending-appearance" aria-describedby={quoteErrors.length > 0 ? 'pending-appearance-error' : undefined}>
      <legend>{t('legend')}</legend>
      <p className="small muted">{pending.sourceTitle ? t.rich('intro', { source: () => <span lang={pending.language}>{pending.sourceTitle}</span> }) : t('introUntitled')}</p>
      <blockquote className="pending-quote" lang={pending.language}>
        …{pending.prefix}
        <mark>{pending.quote}</mark>
        {pending.suffix}…
      </blockquote>
      {quoteErrors.length > 0 && (
        <p id="pending-appearance-error" className="field-error">
          {quoteErrors.join(' ')}
        </p>
      )}
      <input type="hidden" name="appearanceSourceId" value={pending.sourceId} />
      <input type="hidden" name="appearanceQuote" value={pending.quote} />
      <input type="hidden" name="appearanceSelectionStart" value={pending.start} />
      <Field id="pending-appearance-speaker" name="appearanceSpeakerId" label={t('speaker')} errors={errorsOf('appearanceSpeakerId')}>
        {(control) => (
          <select {...control} value={choice.speakerId} onChange={(event) => onChoiceChange({ ...choice, speakerId: event.target.value })}>
            <option value="">{t('sameAsClaimant')}</option>
            <SpeakerOptions speakers={speakers} />
          </select>
        )}
      </Field>
      <Field id="pending-appearance-stance" name="appearanceStance" label={t('stance')} errors={errorsOf('appearanceStance')}>
        {(control) => (
          <select {...control} value={choice.stance} onChange={(event) => onChoiceChange({ ...choice, stance: event.target.value })}>
            <StanceOptions />
          </select>
        )}
      </Field>
      <p className="small">
        <Link href="/dashboard/claims/new">{t('drop')}</Link>
      </p>
    </fieldset>
  );
}

/** The save was refused as a near duplicate: the other claim, named, and "Save anyway". */
function DuplicateConfirmation({ duplicate, pending }: { duplicate: NearDuplicate; pending: boolean }) {
  const t = useTranslations('claimEditor.claimForm.duplicate');
  return (
    <div className="banner" role="note" id="claim-duplicate">
      <p>
        {t.rich('notice', {
          summary: duplicate.summary,
          link: (chunks) => (
            <Link href={`/dashboard/claims/${encodeURIComponent(duplicate.id)}`} lang={duplicate.language}>
              {chunks}
            </Link>
          ),
        })}
      </p>
      {/* The submitter's name and value go with the form: this save confirms that very claim. */}
      <button type="submit" name="confirmDuplicateOf" value={duplicate.id} disabled={pending}>
        {t('saveAnyway')}
      </button>
    </div>
  );
}

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
  pendingAppearance = null,
  speakers = [],
}: {
  initial: ClaimFormInitial;
  review?: ClaimFormReview | null;
  /** Changes when what the form edits changes under it (the author's revision withdrawn or decided): the inputs then show `initial` again. */
  resetKey?: string;
  /** New claim opened from a suggested quote: saved with it as its first appearance. */
  pendingAppearance?: PendingAppearanceDraft | null;
  /** The claimants a pending appearance's speaker is chosen from. */
  speakers?: { id: string; name: string }[];
}) {
  const t = useTranslations('claimEditor.claimForm');
  const form = useActionForm(initial.id ? updateClaimAction : createClaimAction);
  const newClaimant = useActionForm(createClaimantAction);
  const { state, formAction, formRef, pending, failure, errorsOf, valueOf } = form;
  const formKey = `${form.formKey}:${resetKey}`;
  const values = failure?.values;

  // Controlled: claim matching reads them as they are typed.
  const [text, setText] = useState(values?.text ?? initial.text);
  const [summary, setSummary] = useState(values?.summary ?? initial.summary);
  const [claimant, setClaimant] = useState<PickedClaimant>(values ? { id: values.claimantId ?? '', name: values.claimant ?? '' } : initial.claimant);
  const [sameAsClaimId, setSameAsClaimId] = useState(values?.sameAsClaimId ?? '');
  // Controlled too: "Add this appearance to it instead" carries the speaker and stance as the editor set them.
  const appearanceChoiceOf = (): AppearanceChoice => ({
    speakerId: valueOf('appearanceSpeakerId', pendingAppearance?.speakerId ?? ''),
    stance: valueOf('appearanceStance', pendingAppearance?.stance ?? 'ASSERTS'),
  });
  const [appearanceChoice, setAppearanceChoice] = useState(appearanceChoiceOf);

  // After each save, show what the server has (success) or what was typed (failure).
  const [syncedKey, setSyncedKey] = useState(formKey);
  if (syncedKey !== formKey) {
    setSyncedKey(formKey);
    setText(values?.text ?? initial.text);
    setSummary(values?.summary ?? initial.summary);
    setClaimant(values ? { id: values.claimantId ?? '', name: values.claimant ?? '' } : initial.claimant);
    setSameAsClaimId(values?.sameAsClaimId ?? '');
    setAppearanceChoice(appearanceChoiceOf());
  }
  const nearDuplicate = state && !state.ok && 'nearDuplicate' in state ? state.nearDuplicate : undefined;

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
          {(control) => <textarea {...control} lang={initial.language} value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
        {nearDuplicate && <DuplicateConfirmation duplicate={nearDuplicate} pending={pending} />}
        <Field id="claim-summary" name="summary" label={t('summary.label')} errors={errorsOf('summary')} describedBy={['claim-summary-count']}>
          {(control) => (
            <>
              <input {...control} type="text" lang={initial.language} value={summary} onChange={(event) => setSummary(event.target.value)} />
              <SummaryCounter value={summary} />
            </>
          )}
        </Field>
        <ClaimantPicker value={claimant} onChange={pickClaimant} errors={errorsOf('claimant')} />
        <NewClaimantFields formId={NEW_CLAIMANT_FORM_ID} form={newClaimant} suggestedName={pendingAppearance && !initial.claimant.id ? initial.claimant.name : ''} />
        {pendingAppearance && <PendingAppearanceFields pending={pendingAppearance} speakers={speakers} errorsOf={errorsOf} choice={appearanceChoice} onChoiceChange={setAppearanceChoice} />}
        {!initial.id && <input type="hidden" name="sameAsClaimId" value={sameAsClaimId} />}
        {/* A new claim only, as it is typed: a saved claim's editor page has its own "Possible duplicates" section. */}
        {!initial.id && (
          <ClaimMatches
            text={text}
            summary={summary}
            claimant={claimant}
            pendingAppearance={
              pendingAppearance && {
                sourceId: pendingAppearance.sourceId,
                start: pendingAppearance.start,
                end: pendingAppearance.end,
                stance: appearanceChoice.stance,
                // "The claimant of this claim" is, on the other claim's form, this one's claimant by name.
                speakerId: appearanceChoice.speakerId || claimant.id,
              }
            }
            sameAsClaimId={sameAsClaimId}
            onSameAsChange={setSameAsClaimId}
          />
        )}
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
