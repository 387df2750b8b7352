import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { RecordNotFound } from '@/app/components/record-states';
import { ACCOUNT_PATH, requireSignedInAccount } from '@/lib/auth/require';
import { pickMessages } from '@/lib/i18n/client-messages';
import { roleLabelKey } from '@/lib/users/labels';
import { findOwnAccount } from '@/lib/users/queries';
import { MIN_PASSWORD_LENGTH } from '@/lib/users/schema';
import { PasswordForm } from './password-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

/**
 * Every signed-in user's own account, whatever their role — and the only page
 * an account given a one-time password can open until it has set its own.
 */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const signedIn = await requireSignedInAccount(ACCOUNT_PATH);
  const account = await findOwnAccount(signedIn);
  if (!account) return <RecordNotFound kind="user" />;
  const { changed } = await searchParams;
  const t = await getTranslations('account');
  const tLabels = await getTranslations();
  const messages = await getMessages();

  return (
    <>
      <h1>{t('title')}</h1>
      {changed === '1' && !account.mustChangePassword && (
        <div className="form-success" role="status">
          <p style={{ margin: 0 }}>
            {t('changed')} <Link href="/dashboard">{t('toOverview')}</Link>
          </p>
        </div>
      )}
      {account.mustChangePassword && (
        <div className="banner" role="status">
          <p style={{ margin: 0 }}>
            <strong>{t('mustChange.title')}</strong> {t('mustChange.body')}
          </p>
        </div>
      )}
      <dl className="meta">
        <dt>{t('name')}</dt>
        <dd>{account.name}</dd>
        <dt>{t('email')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('role')}</dt>
        <dd>{tLabels(roleLabelKey(account.role))}</dd>
      </dl>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t('password.title')}</h2>
        {account.hasPassword ? (
          <>
            <p className="small muted">{t('password.intro')}</p>
            <NextIntlClientProvider messages={pickMessages(messages, ['account.password'])}>
              <PasswordForm email={account.email} minLength={MIN_PASSWORD_LENGTH} />
            </NextIntlClientProvider>
          </>
        ) : (
          <p>{t('password.none')}</p>
        )}
      </section>
    </>
  );
}
