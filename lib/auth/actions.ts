'use server';

import { CredentialsSignin } from 'next-auth';
import { type ActionFailure, validationFailure } from '../actions/result';
import { translateFailure } from '../actions/translate-failure';
import { message } from '../i18n/message';
import { signIn, signOut, SignInThrottled } from './index';
import { safeCallbackPath, signInFormSchema } from './schema';
import { signInLockMessage } from './throttle';

export type SignInState = ActionFailure | null;

/** Public by design: signing in is what an anonymous visitor may do. */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const failure = await signInFailure(formData);
  // In the user's language, as runAction's failures are (lib/actions/translate-failure.ts).
  return failure ? translateFailure(failure) : null;
}

/** Signs in and redirects (thrown, so outside any catch), or says why not. */
async function signInFailure(formData: FormData): Promise<ActionFailure | null> {
  const parsed = signInFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const failure = validationFailure(parsed.error, formData);
    // Never send a password back to the page.
    return { ...failure, values: { email: failure.values?.email ?? '' } };
  }
  const values = { email: parsed.data.email };
  try {
    // Redirects on success; the redirect is thrown, so it must stay outside the catch below.
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof SignInThrottled) return { ok: false, code: 'RATE_LIMITED', message: signInLockMessage(error.lock), values };
    if (error instanceof CredentialsSignin) return { ok: false, code: 'VALIDATION', message: message('signIn.errors.wrongCredentials'), values };
    // Anything else (the database is down, ATTEST_TRUSTED_PROXIES is malformed) is
    // not the user's doing: the error page, and the log, say so.
    throw error;
  }
  return null;
}

/** Ends the caller's own session (and every copy of it: see events.signOut); needs no permission. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
