'use client';

import { useTranslations } from 'next-intl';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { deleteRatingAction, moveRatingAction } from '@/lib/ratings/actions';
import type { RatingScaleItem } from '@/lib/ratings/queries';

type Props = { rating: Pick<RatingScaleItem, 'id' | 'version'>; label: string };

/** "Move up" and "Move down": one form, the button pressed names the direction. */
export function MoveRatingForm({ rating, label, first, last }: Props & { first: boolean; last: boolean }) {
  const t = useTranslations('ratingsAdmin.item');
  const { state, formAction, pending, formRef } = useActionForm(moveRatingAction);
  return (
    <form ref={formRef} action={formAction} className="button-row">
      <input type="hidden" name="id" value={rating.id} />
      <input type="hidden" name="version" value={rating.version} />
      {!first && (
        <button type="submit" name="direction" value="up" className="secondary" disabled={pending}>
          {t('moveUp')}
          <span className="visually-hidden"> {label}</span>
        </button>
      )}
      {!last && (
        <button type="submit" name="direction" value="down" className="secondary" disabled={pending}>
          {t('moveDown')}
          <span className="visually-hidden"> {label}</span>
        </button>
      )}
      <FormMessage state={state} />
    </form>
  );
}

/**
 * Deleting a rating no verdict uses. The confirmation is a second, explicit
 * step that works without JavaScript: "Delete…" opens a disclosure holding
 * the warning and the "Confirm: delete …" button that submits.
 */
export function DeleteRatingForm({ rating, label }: Props) {
  const t = useTranslations('ratingsAdmin.item');
  const { failure, formAction, pending, formRef } = useActionForm(deleteRatingAction);
  return (
    <details className="confirm" open={failure ? true : undefined}>
      <summary>{t('delete')}</summary>
      <form ref={formRef} action={formAction} className="form">
        <input type="hidden" name="id" value={rating.id} />
        <input type="hidden" name="version" value={rating.version} />
        <FormMessage state={failure} />
        <p className="small">{t('deleteWarning')}</p>
        <button type="submit" className="danger" disabled={pending}>
          {t('confirmDelete', { name: label })}
        </button>
      </form>
    </details>
  );
}
