'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { changeOwnPasswordAction } from '@/lib/users/actions';

/**
 * The user's own new password. The fields never come back filled in after a
 * refusal (no password is sent back to the page); the browser's password
 * manager gets the autocomplete hints it needs.
 */
export function PasswordForm({ email, minLength }: { email: string; minLength: number }) {
  const t = useTranslations('account.password');
  const form = useActionForm(changeOwnPasswordAction);
  return (
    <form key={form.formKey} ref={form.formRef} action={form.formAction} className="form" noValidate aria-labelledby="password-heading">
      <FormMessage state={form.failure} />
      {/* For password managers: which account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="current-password" name="currentPassword" label={t('current')} errors={form.errorsOf('currentPassword')}>
        {(control) => <input {...control} type="password" autoComplete="current-password" required />}
      </Field>
      <Field id="new-password" name="newPassword" label={t('new')} hint={t('newHint', { min: minLength })} errors={form.errorsOf('newPassword')}>
        {(control) => <input {...control} type="password" autoComplete="new-password" required minLength={minLength} />}
      </Field>
      <Field id="confirm-password" name="confirmPassword" label={t('confirm')} errors={form.errorsOf('confirmPassword')}>
        {(control) => <input {...control} type="password" autoComplete="new-password" required />}
      </Field>
      <button type="submit" disabled={form.pending}>
        {form.pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
