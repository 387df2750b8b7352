'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { signInAction } from '@/lib/auth/actions';

export function SignInForm({ callbackUrl, providers }: { callbackUrl: string; providers: { id: string; name: string | null }[] }) {
  const t = useTranslations('signIn.form');
  const form = useActionForm(signInAction);
  return (
    <>
      <form key={form.formKey} ref={form.formRef} action={form.formAction} className="form" noValidate>
        <FormMessage state={form.failure} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field id="email" name="email" label={t('email')} errors={form.errorsOf('email')}>
          {(control) => <input {...control} type="email" autoComplete="username" required defaultValue={form.valueOf('email', '')} />}
        </Field>
        <Field id="password" name="password" label={t('password')} errors={form.errorsOf('password')}>
          {(control) => <input {...control} type="password" autoComplete="current-password" required />}
        </Field>
        <button type="submit" disabled={form.pending}>
          {form.pending ? t('submitting') : t('submit')}
        </button>
      </form>
      {providers.length > 0 && (
        <section aria-labelledby="sso-heading">
          <h2 id="sso-heading">{t('orSignInWith')}</h2>
          <ul className="plain-list">
            {providers.map((provider) => (
              <li key={provider.id}>
                <a href={`/api/auth/signin/${provider.id}?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{provider.name ?? t('singleSignOn')}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
