'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import type { FieldErrors } from '@/lib/actions/result';
import { createClaimantAction, searchClaimantsAction } from '@/lib/claimants/actions';
import { claimantKindLabel, claimantKinds, type ClaimantOption } from '@/lib/claimants/schema';
import { invalidProps } from './field-props';
import { useFormKey } from './use-form-key';

export type PickedClaimant = { id: string; name: string };

const SEARCH_DELAY_MS = 200;

/** What the datalist shows: the name, disambiguated when two claimants share it. */
function optionLabels(options: ClaimantOption[]): Map<string, ClaimantOption> {
  const counts = new Map<string, number>();
  for (const option of options) counts.set(option.name, (counts.get(option.name) ?? 0) + 1);
  const labels = new Map<string, ClaimantOption>();
  for (const option of options) {
    const label = (counts.get(option.name) ?? 0) > 1 ? `${option.name} (${option.country ?? claimantKindLabel[option.kind]})` : option.name;
    labels.set(label, option);
  }
  return labels;
}

/**
 * The claim form's "Claimant" field: a text input whose suggestions come from
 * the searchClaimantsAction action as the editor types. Picking a suggestion sets
 * the hidden claimantId; a typed name without a pick is resolved by the server.
 */
export function ClaimantPicker({
  value,
  onChange,
  fieldErrors,
}: {
  value: PickedClaimant;
  onChange: (value: PickedClaimant) => void;
  fieldErrors: FieldErrors | undefined;
}) {
  const [options, setOptions] = useState<ClaimantOption[]>([]);
  const [, startSearch] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const labels = optionLabels(options);

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
    const picked = labels.get(text);
    onChange({ name: text, id: picked?.id ?? '' });
    if (!picked) search(text);
  }

  return (
    <div className="field">
      <label htmlFor="claim-claimant">Claimant</label>
      <input
        id="claim-claimant"
        name="claimant"
        type="text"
        autoComplete="off"
        list="claimant-options"
        value={value.name}
        onChange={(event) => handleInput(event.target.value)}
        onFocus={() => options.length === 0 && search(value.name)}
        {...invalidProps('claim-claimant', fieldErrors, 'claimant', 'claim-claimant-hint')}
      />
      <input type="hidden" name="claimantId" value={value.id} />
      <datalist id="claimant-options">
        {[...labels.entries()].map(([label, option]) => (
          <option key={option.id} value={label}>
            {[claimantKindLabel[option.kind], option.country, option.aliases.join(', ')].filter(Boolean).join(' · ')}
          </option>
        ))}
      </datalist>
      <p id="claim-claimant-hint" className="hint">
        Who made the claim. Type a name or an alias and pick a suggestion.
      </p>
      <FieldError id="claim-claimant-error" errors={fieldErrors?.claimant} />
    </div>
  );
}

export type NewClaimantState = Awaited<ReturnType<typeof createClaimantAction>> | null;

/**
 * The small "New claimant" form shown under the Claimant field. Its inputs sit
 * inside the claim form visually but belong to their own <form> (the HTML
 * `form` attribute, see NewClaimantForm), because forms cannot be nested.
 */
export function NewClaimantFields({ formId, state }: { formId: string; state: NewClaimantState }) {
  const formKey = useFormKey(state);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values;
  const errors = failed?.fieldErrors;
  return (
    <details className="inline-details" open={failed ? true : undefined}>
      <summary>New claimant</summary>
      <div key={formKey} className="form">
        <FormMessage state={state} />
        <div className="field">
          <label htmlFor="new-claimant-name">Name</label>
          <input
            id="new-claimant-name"
            name="name"
            form={formId}
            type="text"
            autoComplete="off"
            defaultValue={values?.name ?? ''}
            {...invalidProps('new-claimant-name', errors, 'name')}
          />
          <FieldError id="new-claimant-name-error" errors={errors?.name} />
        </div>
        <div className="field">
          <label htmlFor="new-claimant-kind">Kind</label>
          <select
            id="new-claimant-kind"
            name="kind"
            form={formId}
            defaultValue={values?.kind ?? 'PERSON'}
            {...invalidProps('new-claimant-kind', errors, 'kind')}
          >
            {claimantKinds.map((kind) => (
              <option key={kind} value={kind}>
                {claimantKindLabel[kind]}
              </option>
            ))}
          </select>
          <FieldError id="new-claimant-kind-error" errors={errors?.kind} />
        </div>
        <div className="field">
          <label htmlFor="new-claimant-country">Country (optional)</label>
          <input
            id="new-claimant-country"
            name="country"
            form={formId}
            type="text"
            autoComplete="off"
            defaultValue={values?.country ?? ''}
            {...invalidProps('new-claimant-country', errors, 'country', 'new-claimant-country-hint')}
          />
          <p id="new-claimant-country-hint" className="hint">
            Two-letter ISO code, such as FR, KP or RU.
          </p>
          <FieldError id="new-claimant-country-error" errors={errors?.country} />
        </div>
        <button type="submit" form={formId} className="secondary">
          Create claimant
        </button>
      </div>
    </details>
  );
}

/** The <form> element the "New claimant" fields belong to; rendered after the claim form. */
export function NewClaimantForm({ formId, action }: { formId: string; action: (formData: FormData) => void }) {
  return (
    <form id={formId} action={action}>
      <input type="hidden" name="inline" value="1" />
    </form>
  );
}
