import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { oauthProviderButtons } from '@/lib/auth/oauth-providers';
import { safeCallbackPath } from '@/lib/auth/schema';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  // Anything but one same-site path (a repeated parameter, another host, a
  // value with CR or LF) becomes /dashboard, here and in the hidden field.
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if (await getActor()) redirect(callbackPath);
  return (
    <div className="narrow">
      <h1>Sign in to Attest</h1>
      <p className="muted">For the newsroom: editors, moderators and administrators.</p>
      <SignInForm callbackUrl={callbackPath} providers={oauthProviderButtons()} />
    </div>
  );
}
