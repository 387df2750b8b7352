'use server';

import { AuthError } from 'next-auth';
import { type ActionFailure, validationFailure } from '../actions/result';
import { signIn, signOut } from './index';
import { safeCallbackPath, signInFormSchema } from './schema';
import { MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW_MINUTES } from './throttle';

export type SignInState = ActionFailure | null;

/** Public by design: signing in is what an anonymous visitor may do. */
export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const failure = validationFailure(parsed.error, formData);
    return { ...failure, values: { email: failure.values?.email ?? '' } };
  }
  try {
    // Redirects on success; the redirect is thrown, so it must stay outside the catch below.
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const throttled = 'code' in error && error.code === 'throttled';
      return {
        ok: false,
        code: 'VALIDATION',
        message: throttled
          ? `Too many failed sign-ins (${MAX_FAILED_SIGN_INS} in ${SIGN_IN_WINDOW_MINUTES} minutes). Wait ${SIGN_IN_WINDOW_MINUTES} minutes and try again.`
          : 'The email or password is incorrect, or the account is deactivated.',
        values: { email: parsed.data.email },
      };
    }
    throw error;
  }
  return null;
}

/** Ends the caller's own session; needs no permission. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
