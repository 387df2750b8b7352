'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { type Locale, locales } from '@/lib/i18n/locales';
import { setDashboardLocaleAction } from '@/lib/users/actions';
import styles from './dashboard-nav.module.css';

/**
 * The dashboard language of the signed-in user, and a button for each other
 * language. A plain form: without JavaScript the action redirects back to
 * this page; with it, the page is refreshed, in the new language either way.
 */
export function DashboardLocaleSwitch({ current }: { current: Locale }) {
  const t = useTranslations('dashboardNav.language');
  const pathname = usePathname();
  const router = useRouter();
  const form = useActionForm(setDashboardLocaleAction);
  // Rendered again by a new request: the one that ran the action still speaks the old language.
  const switched = form.state?.ok ? form.state : null;
  useEffect(() => {
    if (switched) router.refresh();
  }, [switched, router]);
  return (
    <form key={form.formKey} ref={form.formRef} action={form.formAction} className={styles.localeSwitch} aria-label={t('label')}>
      <input type="hidden" name="returnTo" value={pathname} />
      <span>
        {t('current')} <strong lang={current}>{t(`name.${current}`)}</strong>
      </span>
      {locales
        .filter((locale) => locale !== current)
        .map((locale) => (
          <button key={locale} type="submit" name="locale" value={locale} className="secondary" lang={locale} disabled={form.pending}>
            {t(`name.${locale}`)}
          </button>
        ))}
      <FormMessage state={form.failure} />
    </form>
  );
}
