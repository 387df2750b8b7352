'use client';

import { useTranslations } from 'next-intl';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { withdrawClaimRevisionAction } from '@/lib/claims/actions';
import { ConfirmSubmit } from '@/app/components/confirm-dialog';

/** "Withdraw revision", for its author, confirmed first: the claim is then free for another proposal. */
export function WithdrawRevisionButton({ revisionId, version }: { revisionId: string; version: number }) {
  const t = useTranslations('claimEditor.withdrawRevision');
  const { formAction, formRef, pending, failure } = useActionForm(withdrawClaimRevisionAction);
  return (
    <form ref={formRef} action={formAction} className="inline-form">
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <ConfirmSubmit label={t('button')} question={t('question')} confirmLabel={t('confirm')} cancelLabel={t('cancel')} pending={pending}>
        <p>{t('consequence')}</p>
      </ConfirmSubmit>
      <FormMessage state={failure} />
    </form>
  );
}
