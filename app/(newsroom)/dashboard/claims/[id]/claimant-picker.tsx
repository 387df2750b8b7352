'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import type { useActionForm } from '@/app/components/form/use-action-form';
import { type createClaimantAction, searchClaimantsAction } from '@/lib/claimants/actions';
import { claimantKindLabelKey } from '@/lib/claimants/labels';
import type { ClaimantOption } from '@/lib/claimants/schema';
import { ClaimantKindOptions } from '../../claimants/claimant-kind-options';

export type PickedClaimant = { id: string; name: string };

const SEARCH_DELAY_MS = 200;

/**
 * The claim form's "Claimant" field: a text input whose suggestions come from
 * the searchClaimantsAction action as the editor types. Picking a suggestion sets
 * the hidden claimantId; a typed name without a pick is resolved by the server.
 */
export function ClaimantPicker({
  value,
  onChange,
  errors,
}: {
  value: PickedClaimant;
  onChange: (value: PickedClaimant) => void;
  errors: string[] | undefined;
}) {
  const t = useTranslations('claimEditor.claimForm.claimant');
  const labels = useTranslations();
  const [options, setOptions] = useState<ClaimantOption[]>([]);
  const [, startSearch] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const kindLabel = (option: ClaimantOption) => labels(claimantKindLabelKey(option.kind));

  // What the datalist shows: the name, told apart by country or kind when two claimants share it.
  const counts = new Map<string, number>();
  for (const option of options) counts.set(option.name, (counts.get(option.name) ?? 0) + 1);
  const byLabel = new Map<string, ClaimantOption>();
  for (const option of options) {
    byLabel.set((counts.get(option.name) ?? 0) > 1 ? `${option.name} (${option.country ?? kindLabel(option)})` : option.name, option);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  function search(text: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const query = new FormData();
      query.set('q', text);
      startSearch(async () => {
        const result = await searchClaimantsAction(null, query);
        if (result.ok) setOptions(result.data);
      });
    }, SEARCH_DELAY_MS);
  }

  function handleInput(text: string) {
    const picked = byLabel.get(text);
    onChange({ name: text, id: picked?.id ?? '' });
    if (!picked) search(text);
  }

  return (
    <Field id="claim-claimant" name="claimant" label={t('label')} hint={t('hint')} errors={errors}>
      {(control) => (
        <>
          <input
            {...control}
            type="text"
            autoComplete="off"
            list="claimant-options"
            value={value.name}
            onChange={(event) => handleInput(event.target.value)}
            onFocus={() => options.length === 0 && search(value.name)}
          />
          <input type="hidden" name="claimantId" value={value.id} />
          <datalist id="claimant-options">
            {[...byLabel.entries()].map(([label, option]) => (
              <option key={option.id} value={label}>
                {[kindLabel(option), option.country, option.aliases.join(', ')].filter(Boolean).join(' · ')}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

export type NewClaimantForm = ReturnType<typeof useActionForm<Awaited<ReturnType<typeof createClaimantAction>>>>;

/**
 * The small "New claimant" form shown under the Claimant field. Its inputs sit
 * inside the claim form visually but belong to their own <form> (the HTML
 * `form` attribute, see NewClaimantFormElement), because forms cannot be nested.
 */
/** `suggestedName`: a speaker found in a source who is no claimant yet (a suggested quote). */
export function NewClaimantFields({ formId, form, suggestedName = '' }: { formId: string; form: NewClaimantForm; suggestedName?: string }) {
  const t = useTranslations('claimEditor.newClaimant');
  const { state, formKey, failure, pending, errorsOf, valueOf } = form;
  const container = useRef<HTMLDivElement>(null);

  // useActionForm looks for the field in error inside its <form>, which holds
  // none of these inputs: they are in the claim form's markup.
  useEffect(() => {
    if (!failure) return;
    const root = container.current;
    (root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root?.querySelector<HTMLElement>('[data-form-message]'))?.focus();
  }, [failure]);

  return (
    <details className="inline-details" open={failure ? true : undefined}>
      <summary>{t('summary')}</summary>
      <div key={formKey} ref={container} className="form">
        <FormMessage state={state} />
        <Field id="new-claimant-name" name="name" label={t('name.label')} errors={errorsOf('name')}>
          {(control) => <input {...control} form={formId} type="text" autoComplete="off" defaultValue={valueOf('name', suggestedName)} />}
        </Field>
        <Field id="new-claimant-kind" name="kind" label={t('kind.label')} errors={errorsOf('kind')}>
          {(control) => (
            <select {...control} form={formId} defaultValue={valueOf('kind', 'PERSON')}>
              <ClaimantKindOptions />
            </select>
          )}
        </Field>
        <Field id="new-claimant-country" name="country" label={t('country.label')} hint={t('country.hint')} errors={errorsOf('country')}>
          {(control) => <input {...control} form={formId} type="text" autoComplete="off" defaultValue={valueOf('country', '')} />}
        </Field>
        <button type="submit" form={formId} className="secondary" disabled={pending}>
          {t('submit')}
        </button>
      </div>
    </details>
  );
}

/** The <form> element the "New claimant" fields belong to; rendered after the claim form. */
export function NewClaimantFormElement({ formId, form }: { formId: string; form: NewClaimantForm }) {
  return (
    <form id={formId} ref={form.formRef} action={form.formAction}>
      <input type="hidden" name="inline" value="1" />
    </form>
  );
}
