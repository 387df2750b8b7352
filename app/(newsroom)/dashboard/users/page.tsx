import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { FormattedDate } from '@/app/components/formatted-date';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { MAX_FAILED_SIGN_INS, minutesUntil, SIGN_IN_WINDOW_MINUTES } from '@/lib/auth/throttle';
import { pickMessages } from '@/lib/i18n/client-messages';
import { roleLabelKey } from '@/lib/users/labels';
import { listManagedUsers } from '@/lib/users/queries';
import { CreateUserForm } from './create-user-form';
import { UserRowControls } from './user-row-controls';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('users');
  return { title: t('title') };
}

export default async function UsersPage() {
  const { actor, allowed } = await requirePageActor('user.manage', '/dashboard/users');
  if (!allowed) return <NotAllowed />;
  const users = await listManagedUsers(actor);
  const t = await getTranslations('users');
  const tLabels = await getTranslations();
  const messages = await getMessages();
  const columns = { name: t('columns.name'), email: t('columns.email'), role: t('columns.role'), status: t('columns.status'), created: t('columns.created'), manage: t('columns.manage') };

  return (
    <NextIntlClientProvider messages={pickMessages(messages, ['users.create', 'users.row', 'users.oneTimePassword', 'labels.role'])}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { failures: MAX_FAILED_SIGN_INS, minutes: SIGN_IN_WINDOW_MINUTES })}</p>

      <section aria-labelledby="create-user-heading">
        <h2 id="create-user-heading">{t('create.title')}</h2>
        <CreateUserForm />
      </section>

      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('accounts', { count: users.length })}</h2>
        <table className="data stacked">
          <thead>
            <tr>
              {Object.values(columns).map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.name}
                  {user.id === actor.id && <span className="muted"> {t('you')}</span>}
                </td>
                <td data-label={columns.email}>
                  {user.email}
                </td>
                <td data-label={columns.role}>{tLabels(roleLabelKey(user.role))}</td>
                <td data-label={columns.status}>
                  {user.active ? t('status.active') : t('status.deactivated')}
                  {user.signInLockedUntil && (
                    <p className="muted" style={{ margin: 0 }}>
                      {t('status.locked', { minutes: minutesUntil(new Date(user.signInLockedUntil)) })}
                    </p>
                  )}
                  {user.mustChangePassword && (
                    <p className="muted" style={{ margin: 0 }}>
                      {t('status.mustChangePassword')}
                    </p>
                  )}
                </td>
                <td data-label={columns.created}>
                  <FormattedDate value={user.createdAt} />
                </td>
                <td data-label={columns.manage}>
                  <UserRowControls user={user} isSelf={user.id === actor.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </NextIntlClientProvider>
  );
}
