'use client';

import { useTranslations } from 'next-intl';

/**
 * A one-time password, shown once (after creating an account or resetting its
 * password): selected on focus for copying, with what to do with it.
 */
export function OneTimePasswordNotice({ id, message, email, name, password }: { id: string; message?: string; email: string; name: string; password: string }) {
  const t = useTranslations('users.oneTimePassword');
  return (
    <div className="form-success" role="status">
      {message && <p style={{ marginTop: 0 }}>{message}</p>}
      <div className="field">
        <label htmlFor={id}>{t('label', { email })}</label>
        <input id={id} className="hash" readOnly value={password} onFocus={(event) => event.currentTarget.select()} />
      </div>
      <p style={{ marginBottom: 0 }}>
        <strong>{t('copyNow')}</strong> {t('handOver', { name })}
      </p>
    </div>
  );
}
