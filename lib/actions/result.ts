import { z } from 'zod';
import { message } from '../i18n/message';
import { type FieldErrors, MutationError, type MutationErrorCode } from '../mutations/errors';

// What every server action returns. Forms show `fieldErrors` next to their
// fields and put `values` back into the inputs (React 19 resets uncontrolled
// inputs after an action), so a rejected submission loses nothing. Messages
// are catalogue messages until runAction translates them (translate.ts).

export type { FieldErrors };

export type ActionFailure = {
  ok: false;
  code: 'VALIDATION' | 'UNAUTHENTICATED' | MutationErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
};

export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | ActionFailure;

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
    message: formErrors[0] ?? message('validation.formHasErrors'),
    fieldErrors: fieldErrors as FieldErrors,
    values: formData ? formValues(formData) : undefined,
  };
}

export const unauthenticated: ActionFailure = {
  ok: false,
  code: 'UNAUTHENTICATED',
  message: message('errors.unauthenticated'),
};

/**
 * Converts the error a mutation throws on purpose (MutationError, of which
 * ForbiddenError is one) into a failure the form can show; anything else is a
 * bug and is rethrown (Next.js logs it and the error page shows a reference,
 * never a stack trace).
 */
export function failureFrom(error: unknown, formData?: FormData): ActionFailure {
  const values = formData ? formValues(formData) : undefined;
  if (error instanceof MutationError) {
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, values };
  }
  throw error;
}
