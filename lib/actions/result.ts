import { z } from 'zod';
import { ForbiddenError } from '../permissions';

// What every server action returns. Forms show `fieldErrors` next to their
// fields and put `values` back into the inputs (React 19 resets uncontrolled
// inputs after an action), so a rejected submission loses nothing.

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionFailure = {
  ok: false;
  code: 'VALIDATION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_STATE';
  message: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
};

export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | ActionFailure;

/** A mutation's refusal that the user can act on; the action turns it into an ActionFailure. */
export class MutationError extends Error {
  constructor(
    readonly code: Exclude<ActionFailure['code'], 'VALIDATION' | 'UNAUTHENTICATED'>,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = 'MutationError';
  }
}

/** The submitted text fields, to put back into the form. Files are left out. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

export function validationFailure(error: z.ZodError, formData?: FormData): ActionFailure {
  const { fieldErrors, formErrors } = z.flattenError(error);
  return {
    ok: false,
    code: 'VALIDATION',
    message: formErrors[0] ?? 'Some fields need your attention.',
    fieldErrors: fieldErrors as FieldErrors,
    values: formData ? formValues(formData) : undefined,
  };
}

export const unauthenticated: ActionFailure = {
  ok: false,
  code: 'UNAUTHENTICATED',
  message: 'Your session has ended. Sign in again to continue.',
};

/**
 * Converts the errors a mutation may throw on purpose into a failure the form
 * can show; anything else is a bug and is rethrown (Next.js logs it and the
 * error page shows a reference, never a stack trace).
 */
export function failureFrom(error: unknown, formData?: FormData): ActionFailure {
  const values = formData ? formValues(formData) : undefined;
  if (error instanceof MutationError) {
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, values };
  }
  if (error instanceof ForbiddenError) {
    return { ok: false, code: 'FORBIDDEN', message: 'Your role does not allow this.', values };
  }
  throw error;
}
