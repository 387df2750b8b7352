import assert from 'node:assert/strict';
import type { FieldErrors } from '../actions/result';
import { MutationError, type MutationErrorCode } from '../mutations/errors';
import { fieldErrorsInEnglish, inEnglish } from './messages';

/** A refusal as an English-speaking user reads it, with the error itself for its other fields (occurrences…). */
export type Refusal<E extends MutationError = MutationError> = {
  error: E;
  code: MutationErrorCode;
  /** The message, translated. */
  message: string;
  /** The field errors, translated ({} when there are none). */
  fieldErrors: FieldErrors;
};

/**
 * Asserts that the promise rejects with a MutationError — of `code`, and
 * whose English message or field errors match `pattern`, when given — and
 * returns it translated, for checks on what the user reads.
 */
export async function rejectsWith(promise: Promise<unknown>, code?: MutationErrorCode, pattern?: RegExp): Promise<Refusal> {
  let caught: unknown;
  await assert.rejects(promise, (error: unknown) => {
    caught = error;
    return error instanceof MutationError;
  });
  const error = caught as MutationError;
  const refusal: Refusal = { error, code: error.code, message: inEnglish(error.message), fieldErrors: fieldErrorsInEnglish(error.fieldErrors) };
  if (code) assert.equal(refusal.code, code, refusal.message);
  if (pattern) {
    const text = Object.keys(refusal.fieldErrors).length > 0 ? `${refusal.message} ${JSON.stringify(refusal.fieldErrors)}` : refusal.message;
    assert.match(text, pattern);
  }
  return refusal;
}

/** The MutationError itself, untranslated: for tests that check its code or its extra fields only. */
export async function rejectsWithMutationError(promise: Promise<unknown>): Promise<MutationError> {
  return (await rejectsWith(promise)).error;
}
