import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { pickMessages } from '@/lib/i18n/client-messages';
import { ClaimantForm } from '../claimant-form';
import { claimantFormMessages } from '../client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('claimants.new');
  return { title: t('title') };
}

export default async function NewClaimantPage() {
  const { allowed } = await requirePageActor('claimant.create', '/dashboard/claimants/new');
  if (!allowed) return <NotAllowed />;
  const t = await getTranslations('claimants');
  return (
    <>
      <p className="muted small">
        <Link href="/dashboard/claimants">{t('breadcrumb')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <NextIntlClientProvider messages={pickMessages(await getMessages(), claimantFormMessages)}>
        <ClaimantForm initial={{ id: null, version: null, name: '', kind: 'PERSON', aliases: '', country: '', description: '', sameAs: '' }} />
      </NextIntlClientProvider>
    </>
  );
}
