import assert from 'node:assert/strict';
import { MutationError } from '../mutations/errors';

/** Asserts that the promise rejects with a MutationError and returns it, for checks on its code and field errors. */
export async function rejectsWithMutationError(promise: Promise<unknown>): Promise<MutationError> {
  let caught: unknown;
  await assert.rejects(promise, (error: unknown) => {
    caught = error;
    return error instanceof MutationError;
  });
  return caught as MutationError;
}
