import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getSignedInAccount } from '@/lib/auth/actor';
import { oauthProviderButtons } from '@/lib/auth/oauth-providers';
import { safeCallbackPath } from '@/lib/auth/schema';
import { pickMessages } from '@/lib/i18n/client-messages';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  // Anything but one same-site path (a repeated parameter, another host, a
  // value with CR or LF) becomes /dashboard, here and in the hidden field.
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  // Signed in already (an account that must still set its password too: the dashboard sends it on).
  if (await getSignedInAccount()) redirect(callbackPath);
  const t = await getTranslations('signIn');
  const messages = await getMessages();
  return (
    <div className="narrow">
      <h1>{t('heading')}</h1>
      <p className="muted">{t('intro')}</p>
      <NextIntlClientProvider messages={pickMessages(messages, ['signIn.form'])}>
        <SignInForm callbackUrl={callbackPath} providers={oauthProviderButtons()} />
      </NextIntlClientProvider>
    </div>
  );
}
