import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { NotAllowed, RecordNotFound } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { findClaimantForEdit } from '@/lib/claimants/queries';
import { pickMessages } from '@/lib/i18n/client-messages';
import { ClaimantForm } from '../claimant-form';
import { claimantFormMessages } from '../client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('claimants.edit');
  return { title: t('title') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function EditClaimantPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { created } = await searchParams;
  const { actor, allowed } = await requirePageActor('claimant.update', `/dashboard/claimants/${encodeURIComponent(id)}`);
  if (!allowed) return <NotAllowed />;
  const claimant = await findClaimantForEdit(actor, id);
  if (!claimant) return <RecordNotFound kind="claimant" />;
  const t = await getTranslations('claimants');
  return (
    <>
      <p className="muted small">
        <Link href="/dashboard/claimants">{t('breadcrumb')}</Link>
      </p>
      <h1>{claimant.name}</h1>
      {created && (
        <p className="form-success" role="status">
          {t('edit.created')}
        </p>
      )}
      <p className="muted">
        {t.rich('edit.slug', { slug: () => <code>{claimant.slug}</code> })} ·{' '}
        <Link href={`/dashboard/claims?claimant=${encodeURIComponent(claimant.id)}`}>{t('edit.claimCount', { count: claimant.claimCount })}</Link>
      </p>
      <NextIntlClientProvider messages={pickMessages(await getMessages(), claimantFormMessages)}>
        <ClaimantForm
          initial={{
            id: claimant.id,
            version: claimant.version,
            name: claimant.name,
            kind: claimant.kind,
            aliases: claimant.aliases.join('\n'),
            country: claimant.country ?? '',
            description: claimant.description ?? '',
            sameAs: claimant.sameAs.join('\n'),
          }}
        />
      </NextIntlClientProvider>
    </>
  );
}
