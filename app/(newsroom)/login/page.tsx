import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { oauthProviderButtons } from '@/lib/auth/oauth-providers';
import { safeCallbackPath } from '@/lib/auth/schema';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getActor()) redirect(safeCallbackPath(callbackUrl));
  return (
    <div className="narrow">
      <h1>Sign in to Attest</h1>
      <p className="muted">For the newsroom: editors, moderators and administrators.</p>
      <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} providers={oauthProviderButtons()} />
    </div>
  );
}
