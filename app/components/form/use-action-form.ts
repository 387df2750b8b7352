'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import type { ActionFailure, FieldErrors } from '@/lib/actions/result';

type AnyActionState = { ok: true } | ActionFailure | null;

/**
 * A form bound to a server action (React 19 `useActionState`), with what every
 * Attest form needs: the pending flag, the failure's field errors, the values
 * the user typed (React resets uncontrolled inputs after an action, so a failed
 * form would otherwise come back empty), a key that remounts the inputs after
 * each result so their defaultValue applies again, and focus moved to the
 * first field in error — or to the form's message — after a failed submit.
 */
export function useActionForm<State extends AnyActionState>(
  action: (state: Awaited<State> | null, formData: FormData) => Promise<State>,
  initialState: Awaited<State> | null = null,
) {
  const [state, formAction, pending] = useActionState<State | null, FormData>(action, initialState);
  const formRef = useRef<HTMLFormElement>(null);
  const formKey = useResultKey(state);
  const failure: ActionFailure | null = state && !state.ok ? (state as ActionFailure) : null;

  useEffect(() => {
    if (!failure) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[data-form-message]');
    target?.focus();
  }, [failure]);

  const fieldErrors: FieldErrors = failure?.fieldErrors ?? {};
  return {
    state,
    formAction,
    pending,
    formRef,
    formKey,
    failure,
    /** The field's errors from the last failed submit. */
    errorsOf: (name: string): string[] | undefined => fieldErrors[name],
    /** What the user typed in the last failed submit, else `fallback` (the saved record). */
    valueOf: (name: string, fallback: string): string => failure?.values?.[name] ?? fallback,
  };
}

/** A number that changes with every action result (see useActionForm). */
export function useResultKey(state: unknown): number {
  const [seen, setSeen] = useState(state);
  const [key, setKey] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setKey(key + 1);
  }
  return key;
}
