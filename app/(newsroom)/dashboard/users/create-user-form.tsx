'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { roleLabelKey } from '@/lib/users/labels';
import { createUserAction } from '@/lib/users/actions';
import { roles } from '@/lib/users/schema';
import { OneTimePasswordNotice } from './one-time-password';

export function CreateUserForm() {
  const t = useTranslations('users.create');
  const tLabels = useTranslations();
  // A new result remounts the form: empty after a success, what was typed after a failure.
  const form = useActionForm(createUserAction);
  const created = form.state?.ok ? form.state : null;
  return (
    <>
      {created && (
        <OneTimePasswordNotice
          id="one-time-password"
          message={created.message}
          email={created.data.email}
          name={created.data.name}
          password={created.data.oneTimePassword}
        />
      )}
      <form key={form.formKey} ref={form.formRef} action={form.formAction} className="form" noValidate aria-labelledby="create-user-heading">
        <FormMessage state={form.failure} />
        <Field id="new-user-email" name="email" label={t('email')} errors={form.errorsOf('email')}>
          {(control) => <input {...control} type="email" autoComplete="off" defaultValue={form.valueOf('email', '')} />}
        </Field>
        <Field id="new-user-name" name="name" label={t('name')} errors={form.errorsOf('name')}>
          {(control) => <input {...control} type="text" autoComplete="off" defaultValue={form.valueOf('name', '')} />}
        </Field>
        <Field id="new-user-role" name="role" label={t('role')} errors={form.errorsOf('role')}>
          {(control) => (
            <select {...control} defaultValue={form.valueOf('role', 'EDITOR')}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {tLabels(roleLabelKey(role))}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={form.pending}>
          {t('submit')}
        </button>
      </form>
    </>
  );
}
