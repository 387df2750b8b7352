'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import { archiveClaimAction } from '@/lib/claims/actions';
import { invalidProps } from './field-props';
import { useFormKey } from './use-form-key';

/** ADMIN only: archives the claim; a published claim stays readable with a banner and the reason. */
export function ArchiveForm({ claimId, version }: { claimId: string; version: number }) {
  const [state, formAction, pending] = useActionState(archiveClaimAction, null);
  const formKey = useFormKey(state);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  return (
    <form key={formKey} action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={claimId} />
      <input type="hidden" name="version" value={failed?.values?.version ?? version} />
      <div className="field">
        <label htmlFor="archive-reason">Reason</label>
        <textarea
          id="archive-reason"
          name="reason"
          required
          defaultValue={failed?.values?.reason ?? ''}
          {...invalidProps('archive-reason', errors, 'reason', 'archive-reason-hint')}
        />
        <p id="archive-reason-hint" className="hint">
          Shown to readers on the claim’s public page, which keeps working.
        </p>
        <FieldError id="archive-reason-error" errors={errors?.reason} />
      </div>
      <button type="submit" className="danger" disabled={pending}>
        Archive claim
      </button>
    </form>
  );
}
