import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { pickMessages } from '@/lib/i18n/client-messages';
import { ClaimForm } from '../[id]/claim-form';
import { claimEditorClientMessages } from '../[id]/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('claimEditor.new');
  return { title: t('title') };
}

export default async function NewClaimPage() {
  const { allowed } = await requirePageActor('claim.create', '/dashboard/claims/new');
  if (!allowed) return <NotAllowed />;
  const t = await getTranslations('claimEditor');
  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), claimEditorClientMessages)}>
      <p className="muted small">
        <Link href="/dashboard/claims">{t('breadcrumb')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p className="muted">{t('new.intro')}</p>
      <ClaimForm
        initial={{ id: null, version: null, text: '', summary: '', claimant: { id: '', name: '' }, claimedAt: '', language: 'fr', tags: '' }}
      />
    </NextIntlClientProvider>
  );
}
