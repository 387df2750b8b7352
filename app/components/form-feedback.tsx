import type { ActionFailure } from '@/lib/actions/result';

/** The form-level message of a failed action, announced to screen readers. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | ActionFailure | null | undefined }) {
  if (!state || !state.message) return null;
  return (
    <p className={state.ok ? 'form-success' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
      {state.message}
    </p>
  );
}

/** A field's own error, placed next to it and referenced by aria-describedby. */
export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {errors.join(' ')}
    </p>
  );
}
