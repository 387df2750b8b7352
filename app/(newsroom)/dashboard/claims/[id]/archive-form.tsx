'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { archiveClaimAction } from '@/lib/claims/actions';
import { ConfirmSubmit } from '@/app/components/confirm-dialog';

/** ADMIN only: archives the claim, once confirmed; a published claim stays readable with a banner and the reason. */
export function ArchiveForm({ claimId, version, isPublic }: { claimId: string; version: number; isPublic: boolean }) {
  const t = useTranslations('claimEditor.archive');
  const { state, formAction, formRef, formKey, pending, errorsOf, valueOf } = useActionForm(archiveClaimAction);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={claimId} />
      <input type="hidden" name="version" value={valueOf('version', String(version))} />
      <Field id="archive-reason" name="reason" label={t('reason.label')} hint={t('reason.hint')} errors={errorsOf('reason')}>
        {(control) => <textarea {...control} required defaultValue={valueOf('reason', '')} />}
      </Field>
      <div>
        <ConfirmSubmit
          label={t('button')}
          question={t('question')}
          confirmLabel={t('confirm')}
          cancelLabel={t('cancel')}
          pending={pending}
          triggerClassName="danger"
        >
          <p>{isPublic ? t('consequencePublic') : t('consequenceDraft')}</p>
        </ConfirmSubmit>
      </div>
    </form>
  );
}
