'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import { createClaimantAction, updateClaimantAction } from '@/lib/claimants/actions';
import { claimantKindLabel, claimantKinds } from '@/lib/claimants/schema';
import { invalidProps } from '../claims/[id]/field-props';
import { useFormKey } from '../claims/[id]/use-form-key';

export type ClaimantFormInitial = {
  id: string | null;
  version: number | null;
  name: string;
  kind: string;
  aliases: string;
  country: string;
  description: string;
};

/** Creates a claimant (then opens it) or edits one, with optimistic locking on `version`. */
export function ClaimantForm({ initial }: { initial: ClaimantFormInitial }) {
  const [state, formAction, pending] = useActionState<Awaited<ReturnType<typeof updateClaimantAction>> | Awaited<ReturnType<typeof createClaimantAction>> | null, FormData>(
    initial.id ? updateClaimantAction : createClaimantAction,
    null,
  );
  const formKey = useFormKey(state);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values;
  const errors = failed?.fieldErrors;
  const version = state?.ok && 'version' in state.data ? state.data.version : (values?.version ?? initial.version);

  return (
    <form key={formKey} action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {version !== null && <input type="hidden" name="version" value={version} />}
      <div className="field">
        <label htmlFor="claimant-name">Name</label>
        <input id="claimant-name" name="name" type="text" autoComplete="off" defaultValue={values?.name ?? initial.name} {...invalidProps('claimant-name', errors, 'name')} />
        <FieldError id="claimant-name-error" errors={errors?.name} />
      </div>
      <div className="field">
        <label htmlFor="claimant-kind">Kind</label>
        <select id="claimant-kind" name="kind" defaultValue={values?.kind ?? initial.kind} {...invalidProps('claimant-kind', errors, 'kind')}>
          {claimantKinds.map((kind) => (
            <option key={kind} value={kind}>
              {claimantKindLabel[kind]}
            </option>
          ))}
        </select>
        <FieldError id="claimant-kind-error" errors={errors?.kind} />
      </div>
      <div className="field">
        <label htmlFor="claimant-aliases">Aliases</label>
        <textarea
          id="claimant-aliases"
          name="aliases"
          rows={3}
          style={{ minHeight: '5rem' }}
          defaultValue={values?.aliases ?? initial.aliases}
          {...invalidProps('claimant-aliases', errors, 'aliases', 'claimant-aliases-hint')}
        />
        <p id="claimant-aliases-hint" className="hint">
          Other spellings and names, one per line or separated by commas. Search finds them.
        </p>
        <FieldError id="claimant-aliases-error" errors={errors?.aliases} />
      </div>
      <div className="field">
        <label htmlFor="claimant-country">Country</label>
        <input
          id="claimant-country"
          name="country"
          type="text"
          autoComplete="off"
          defaultValue={values?.country ?? initial.country}
          {...invalidProps('claimant-country', errors, 'country', 'claimant-country-hint')}
        />
        <p id="claimant-country-hint" className="hint">
          Optional. Two-letter ISO 3166-1 code, such as FR, KP or RU.
        </p>
        <FieldError id="claimant-country-error" errors={errors?.country} />
      </div>
      <div className="field">
        <label htmlFor="claimant-description">Description</label>
        <textarea
          id="claimant-description"
          name="description"
          lang="fr"
          rows={3}
          style={{ minHeight: '5rem' }}
          defaultValue={values?.description ?? initial.description}
          {...invalidProps('claimant-description', errors, 'description')}
        />
        <FieldError id="claimant-description-error" errors={errors?.description} />
      </div>
      <button type="submit" disabled={pending}>
        Save claimant
      </button>
    </form>
  );
}
