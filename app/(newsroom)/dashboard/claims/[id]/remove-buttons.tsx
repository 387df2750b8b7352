'use client';

import { useTranslations } from 'next-intl';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { removeAppearanceAction } from '@/lib/appearances/actions';
import { removeRelationAction } from '@/lib/relations/actions';
import { ConfirmSubmit } from '@/app/components/confirm-dialog';

// The dialogs do not repeat the quote or the summary: a test looking for that
// text on the page would find the closed dialog's copy too.

/** "Remove" next to an appearance, confirmed first; the server refuses once the claim has been published. */
export function RemoveAppearanceButton({ appearanceId }: { appearanceId: string }) {
  const t = useTranslations('claimEditor.removeAppearance');
  const { formAction, formRef, pending, failure } = useActionForm(removeAppearanceAction);
  return (
    <form ref={formRef} action={formAction} className="inline-form">
      <input type="hidden" name="appearanceId" value={appearanceId} />
      <ConfirmSubmit label={t('button')} question={t('question')} confirmLabel={t('confirm')} cancelLabel={t('cancel')} pending={pending}>
        <p>{t('consequence')}</p>
      </ConfirmSubmit>
      <FormMessage state={failure} />
    </form>
  );
}

/** "Remove" next to a link between two claims, confirmed first. */
export function RemoveRelationButton({ relationId }: { relationId: string }) {
  const t = useTranslations('claimEditor.removeRelation');
  const { formAction, formRef, pending, failure } = useActionForm(removeRelationAction);
  return (
    <form ref={formRef} action={formAction} className="inline-form">
      <input type="hidden" name="relationId" value={relationId} />
      <ConfirmSubmit label={t('button')} question={t('question')} confirmLabel={t('confirm')} cancelLabel={t('cancel')} pending={pending}>
        <p>{t('consequence')}</p>
      </ConfirmSubmit>
      <FormMessage state={failure} />
    </form>
  );
}
