'use client';

import { useTranslations } from 'next-intl';

// Shown instead of a stack trace when something fails on the server; the
// digest lets an operator find the matching line in the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('error');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      {error.digest && <p className="small muted">{t('reference', { digest: error.digest })}</p>}
      <button type="button" onClick={reset}>
        {t('retry')}
      </button>
    </>
  );
}
