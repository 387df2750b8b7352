import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getSignedInAccount } from '@/lib/auth/actor';
import { signOutAction } from '@/lib/auth/actions';
import { ACCOUNT_PATH } from '@/lib/auth/require';
import { pickMessages } from '@/lib/i18n/client-messages';
import { isLocale } from '@/lib/i18n/locales';
import { countDisputesAwaitingModerator } from '@/lib/disputes/dashboard-queries';
import { can } from '@/lib/permissions';
import { roleLabelKey } from '@/lib/users/labels';
import styles from './_nav/dashboard-nav.module.css';
import { DashboardLocaleSwitch } from './_nav/locale-switch';
import { type DashboardNavLink, DashboardNavLinks } from './_nav/nav-links';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // An account that must still replace its one-time password sees only its
  // account page (every other page sends it there: lib/auth/require.ts).
  const account = await getSignedInAccount();
  if (!account) redirect('/login?callbackUrl=/dashboard');
  const t = await getTranslations('dashboardNav');
  const tLabels = await getTranslations();
  const locale = await getLocale();
  const messages = await getMessages();
  // Moderators' entry, with the number of disputes waiting for one (null for those who do not moderate).
  const disputesWaiting = account.mustChangePassword ? null : await countDisputesAwaitingModerator(account);
  const tDisputes = await getTranslations('disputes.nav');
  const links: DashboardNavLink[] = account.mustChangePassword
    ? []
    : [
        { href: '/dashboard', label: t('overview') },
        { href: '/dashboard/claims', label: t('claims') },
        ...(can(account, 'verdict.review') ? [{ href: '/dashboard/review', label: t('review') }] : []),
        ...(disputesWaiting !== null ? [{ href: '/dashboard/disputes', label: `${tDisputes('label')} (${disputesWaiting})` }] : []),
        { href: '/dashboard/sources', label: t('sources') },
        { href: '/dashboard/claimants', label: t('claimants') },
        ...(can(account, 'user.manage') ? [{ href: '/dashboard/users', label: t('users') }] : []),
        ...(can(account, 'rating.manage') ? [{ href: '/dashboard/ratings', label: t('ratings') }] : []),
      ];
  return (
    <NextIntlClientProvider messages={pickMessages(messages, ['dashboardNav.language', 'error'])}>
      <nav className={styles.nav} aria-label={t('label')}>
        <DashboardNavLinks links={links} />
        <div className={styles.account}>
          <span className="muted">
            {account.name} · {tLabels(roleLabelKey(account.role))}
          </span>
          <DashboardNavLinks links={[{ href: ACCOUNT_PATH, label: t('account') }]} />
          {/* The language is a setting like any other: not while the one-time password is still to be replaced. */}
          {!account.mustChangePassword && isLocale(locale) && <DashboardLocaleSwitch current={locale} />}
          <form action={signOutAction}>
            <button type="submit" className="secondary">
              {t('signOut')}
            </button>
          </form>
        </div>
      </nav>
      {children}
    </NextIntlClientProvider>
  );
}
