import type { ActionFailure } from '@/lib/actions/result';

/**
 * The form-level message of an action's result, announced to screen readers.
 * Focusable, so that a failed submit with no field to point at can move the
 * focus here (useActionForm).
 */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | ActionFailure | null | undefined }) {
  if (!state || !state.message) return null;
  return (
    <p className={state.ok ? 'form-success' : 'form-error'} role={state.ok ? 'status' : 'alert'} tabIndex={-1} data-form-message="">
      {state.message}
    </p>
  );
}
