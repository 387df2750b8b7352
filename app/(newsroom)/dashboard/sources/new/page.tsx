import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { pickMessages } from '@/lib/i18n/client-messages';
import { SourceForm } from './source-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sourcesDashboard.new');
  return { title: t('title') };
}

export default async function NewSourcePage() {
  const { allowed } = await requirePageActor('source.create', '/dashboard/sources/new');
  if (!allowed) return <NotAllowed />;
  const t = await getTranslations('sourcesDashboard');
  const messages = await getMessages();
  return (
    <>
      <p className="muted">
        <Link href="/dashboard/sources">{t('list.title')}</Link> › {t('new.breadcrumb')}
      </p>
      <h1>{t('new.title')}</h1>
      <p className="muted">{t('new.intro')}</p>
      <NextIntlClientProvider messages={pickMessages(messages, ['sourcesDashboard.new', 'sourcesDashboard.fields'])}>
        <SourceForm />
      </NextIntlClientProvider>
    </>
  );
}
