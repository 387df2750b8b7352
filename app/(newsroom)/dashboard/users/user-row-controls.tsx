'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import {
  changeUserRoleAction,
  deactivateUserAction,
  reactivateUserAction,
  resetUserPasswordAction,
  unlockSignInAction,
} from '@/lib/users/actions';
import { roleLabelKey } from '@/lib/users/labels';
import type { ManagedUserListItem } from '@/lib/users/queries';
import { roles } from '@/lib/users/schema';
import { ConfirmSubmit } from '@/app/components/confirm-dialog';
import { OneTimePasswordNotice } from './one-time-password';

type Which = 'role' | 'deactivate' | 'reactivate' | 'unlock' | 'reset';

/**
 * Role change, (de)activation, sign-in unlock and password reset for one
 * account; every form but the unlock carries the version it was rendered
 * with. The forms' hooks live here, above the forms, so that the answer to
 * the last submission stays on screen when the row changes underneath it
 * (after "Deactivate" the row shows "Reactivate"). Deactivating and
 * resetting a password ask for confirmation in a dialog first.
 */
export function UserRowControls({
  user,
  isSelf,
}: {
  user: Pick<ManagedUserListItem, 'id' | 'name' | 'email' | 'role' | 'active' | 'version' | 'signInLockedUntil'>;
  /** One's own password is changed on the account page (knowing the current one), never reset here. */
  isSelf: boolean;
}) {
  const t = useTranslations('users.row');
  const tLabels = useTranslations();
  const forms = {
    role: useActionForm(changeUserRoleAction),
    deactivate: useActionForm(deactivateUserAction),
    reactivate: useActionForm(reactivateUserAction),
    unlock: useActionForm(unlockSignInAction),
    reset: useActionForm(resetUserPasswordAction),
  };

  // Only the answer to the last submission is shown.
  const [seen, setSeen] = useState(() => Object.fromEntries(Object.entries(forms).map(([which, form]) => [which, form.state])));
  const [latest, setLatest] = useState<Which | null>(null);
  const changed = (Object.keys(forms) as Which[]).find((which) => seen[which] !== forms[which].state);
  if (changed) {
    setLatest(changed);
    setSeen(Object.fromEntries(Object.entries(forms).map(([which, form]) => [which, form.state])));
  }
  const latestState = latest ? forms[latest].state : null;
  const pending = Object.values(forms).some((form) => form.pending);
  const reset = latest === 'reset' && forms.reset.state?.ok ? forms.reset.state : null;
  const idField = <input type="hidden" name="userId" value={user.id} />;
  const versionFields = (
    <>
      {idField}
      <input type="hidden" name="version" value={user.version} />
    </>
  );

  return (
    <div style={{ display: 'grid', gap: '0.5rem', justifyItems: 'start' }}>
      <form
        key={`role-${user.version}-${forms.role.formKey}`}
        ref={forms.role.formRef}
        action={forms.role.formAction}
        className="inline-form"
        style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}
      >
        {versionFields}
        <select name="role" aria-label={t('roleFor', { name: user.name })} defaultValue={forms.role.valueOf('role', user.role)}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {tLabels(roleLabelKey(role))}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary" disabled={pending}>
          {t('changeRole')}
        </button>
      </form>
      {user.active ? (
        <form ref={forms.deactivate.formRef} action={forms.deactivate.formAction} className="inline-form">
          {versionFields}
          <ConfirmSubmit
            label={t('deactivate.button')}
            question={t('deactivate.question', { name: user.name })}
            confirmLabel={t('deactivate.confirm')}
            cancelLabel={t('cancel')}
            pending={pending}
            triggerClassName="danger"
          >
            <p>{t('deactivate.consequence')}</p>
          </ConfirmSubmit>
        </form>
      ) : (
        <form ref={forms.reactivate.formRef} action={forms.reactivate.formAction} className="inline-form">
          {versionFields}
          <button type="submit" className="secondary" disabled={pending}>
            {t('reactivate')}
          </button>
        </form>
      )}
      {!isSelf && (
        <form ref={forms.reset.formRef} action={forms.reset.formAction} className="inline-form">
          {versionFields}
          <ConfirmSubmit
            label={t('reset.button')}
            question={t('reset.question', { name: user.name })}
            confirmLabel={t('reset.confirm')}
            cancelLabel={t('cancel')}
            pending={pending}
          >
            <p>{t('reset.consequence')}</p>
          </ConfirmSubmit>
        </form>
      )}
      {user.signInLockedUntil && (
        <form ref={forms.unlock.formRef} action={forms.unlock.formAction} className="inline-form">
          {idField}
          <button type="submit" className="secondary" disabled={pending}>
            {t('unlock')}
          </button>
        </form>
      )}
      {reset ? (
        <OneTimePasswordNotice id={`one-time-password-${user.id}`} message={reset.message} email={reset.data.email} name={reset.data.name} password={reset.data.oneTimePassword} />
      ) : (
        <FormMessage state={latestState} />
      )}
    </div>
  );
}
