'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import { addRelationAction } from '@/lib/relations/actions';
import { relationTypeOptionLabel, relationTypes } from '@/lib/relations/schema';
import { invalidProps } from './field-props';
import { useFormKey } from './use-form-key';

/** Links this claim to another one, given by slug (suggestions), id or page address. */
export function RelationForm({ claimId, candidates }: { claimId: string; candidates: { slug: string; summary: string }[] }) {
  const [state, formAction, pending] = useActionState(addRelationAction, null);
  const formKey = useFormKey(state);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values;
  const errors = failed?.fieldErrors;
  return (
    <form key={formKey} action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="claimId" value={claimId} />
      <div className="field">
        <label htmlFor="relation-target">Related claim</label>
        <input
          id="relation-target"
          name="target"
          type="text"
          autoComplete="off"
          list="relation-candidates"
          defaultValue={values?.target ?? ''}
          {...invalidProps('relation-target', errors, 'target', 'relation-target-hint')}
        />
        <datalist id="relation-candidates">
          {candidates.map((candidate) => (
            <option key={candidate.slug} value={candidate.slug}>
              {candidate.summary}
            </option>
          ))}
        </datalist>
        <p id="relation-target-hint" className="hint">
          Its slug (suggestions as you type), or the address of its page.
        </p>
        <FieldError id="relation-target-error" errors={errors?.target} />
      </div>
      <div className="field">
        <label htmlFor="relation-type">Relation type</label>
        <select id="relation-type" name="type" defaultValue={values?.type ?? 'RELATED'} {...invalidProps('relation-type', errors, 'type')}>
          {relationTypes.map((type) => (
            <option key={type} value={type}>
              {relationTypeOptionLabel[type]}
            </option>
          ))}
        </select>
        <FieldError id="relation-type-error" errors={errors?.type} />
      </div>
      <div className="field">
        <label htmlFor="relation-note">Note</label>
        <input id="relation-note" name="note" type="text" lang="fr" defaultValue={values?.note ?? ''} {...invalidProps('relation-note', errors, 'note')} />
        <FieldError id="relation-note-error" errors={errors?.note} />
      </div>
      <button type="submit" disabled={pending}>
        Add relation
      </button>
    </form>
  );
}
