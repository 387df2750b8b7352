'use client';

import { useActionState, useState } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import type { ActionResult } from '@/lib/actions/result';
import { createUserAction, type CreatedUserData } from '@/lib/users/actions';

const roleOptions = [
  { value: 'EDITOR', label: 'Editor' },
  { value: 'MODERATOR', label: 'Moderator' },
  { value: 'ADMIN', label: 'Admin' },
] as const;

export function CreateUserForm() {
  const [state, formAction, pending] = useActionState<ActionResult<CreatedUserData> | null, FormData>(createUserAction, null);
  // A new result remounts the form: empty after a success, what was typed after a failure.
  const [shownState, setShownState] = useState(state);
  const [submission, setSubmission] = useState(0);
  if (state !== shownState) {
    setShownState(state);
    setSubmission(submission + 1);
  }
  const failure = state && !state.ok ? state : null;
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};

  return (
    <>
      {state?.ok && (
        <div className="form-success" role="status" style={{ marginBottom: '1rem' }}>
          <p style={{ marginTop: 0 }}>{state.message}</p>
          <div className="field">
            <label htmlFor="one-time-password">One-time password for {state.data.email}</label>
            <input id="one-time-password" className="hash" readOnly value={state.data.oneTimePassword} onFocus={(event) => event.currentTarget.select()} />
          </div>
          <p style={{ marginBottom: 0 }}>
            <strong>Copy this password now: it will not be shown again.</strong> Give it to {state.data.name} in person or over a channel you trust.
          </p>
        </div>
      )}
      <form key={submission} action={formAction} className="form" noValidate aria-labelledby="create-user-heading">
        <FormMessage state={failure} />
        <div className="field">
          <label htmlFor="new-user-email">Email</label>
          <input
            id="new-user-email"
            name="email"
            type="email"
            autoComplete="off"
            defaultValue={values.email ?? ''}
            aria-invalid={!!errors.email}
            aria-describedby={errors.email ? 'new-user-email-error' : undefined}
          />
          <FieldError id="new-user-email-error" errors={errors.email} />
        </div>
        <div className="field">
          <label htmlFor="new-user-name">Name</label>
          <input
            id="new-user-name"
            name="name"
            type="text"
            autoComplete="off"
            defaultValue={values.name ?? ''}
            aria-invalid={!!errors.name}
            aria-describedby={errors.name ? 'new-user-name-error' : undefined}
          />
          <FieldError id="new-user-name-error" errors={errors.name} />
        </div>
        <div className="field">
          <label htmlFor="new-user-role">Role</label>
          <select
            id="new-user-role"
            name="role"
            defaultValue={values.role ?? 'EDITOR'}
            aria-invalid={!!errors.role}
            aria-describedby={errors.role ? 'new-user-role-error' : undefined}
          >
            {roleOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <FieldError id="new-user-role-error" errors={errors.role} />
        </div>
        <button type="submit" disabled={pending}>
          Create user
        </button>
      </form>
    </>
  );
}
