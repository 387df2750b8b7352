import { z } from 'zod';

export const signInFormSchema = z.object({
  email: z.email('Enter the email address of your Attest account.').max(320),
  password: z.string().min(1, 'Enter your password.').max(200),
  callbackUrl: z.string().max(2000).optional(),
});

/** Only same-site paths: never send a signed-in editor to another origin. */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/dashboard';
  return value;
}
