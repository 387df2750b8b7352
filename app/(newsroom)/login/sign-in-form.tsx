'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import { type SignInState, signInAction } from '@/lib/auth/actions';

export function SignInForm({ callbackUrl, providers }: { callbackUrl: string; providers: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, null);
  return (
    <>
      <form action={formAction} className="form" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state?.values?.email ?? ''}
            aria-invalid={!!state?.fieldErrors?.email}
            aria-describedby={state?.fieldErrors?.email ? 'email-error' : undefined}
          />
          <FieldError id="email-error" errors={state?.fieldErrors?.email} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={!!state?.fieldErrors?.password}
            aria-describedby={state?.fieldErrors?.password ? 'password-error' : undefined}
          />
          <FieldError id="password-error" errors={state?.fieldErrors?.password} />
        </div>
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {providers.length > 0 && (
        <section aria-labelledby="sso-heading">
          <h2 id="sso-heading">Or sign in with</h2>
          <ul className="plain-list">
            {providers.map((provider) => (
              <li key={provider.id}>
                <a href={`/api/auth/signin/${provider.id}?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{provider.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
