'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { confirmDisputeDecisionAction, decideDisputeAction, takeDisputeAction } from '@/lib/disputes/actions';

type DisputeRef = { disputeId: string; version: number };

function Hidden({ disputeId, version }: DisputeRef) {
  return (
    <>
      <input type="hidden" name="disputeId" value={disputeId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/** Take this dispute: OPEN → TRIAGED, with an optional note. */
export function TakeDisputeForm(props: DisputeRef) {
  const t = useTranslations('disputePage');
  const { state, formAction, pending, formRef, formKey, errorsOf, valueOf } = useActionForm(takeDisputeAction);
  return (
    <form ref={formRef} key={formKey} action={formAction} className="form dispute-form action-box" aria-label={t('take.button')} noValidate>
      <FormMessage state={state} />
      <Hidden {...props} />
      <Field id="take-note" name="reason" label={t('note.label')} hint={t('note.hint')} errors={errorsOf('reason')}>
        {(control) => <textarea {...control} rows={2} defaultValue={valueOf('reason', '')} />}
      </Field>
      <p>
        <button type="submit" disabled={pending}>
          {t('take.button')}
        </button>
      </p>
    </form>
  );
}

type DecisionProps = DisputeRef & {
  /** The claim's other disputes this one may repeat, labelled for the select. */
  duplicateOptions: { id: string; label: string }[];
};

/** Reject, Mark as duplicate, Uphold: one Reason for the reader, one button per decision. */
export function DecideDisputeForm({ duplicateOptions, ...ref }: DecisionProps) {
  const t = useTranslations('disputePage');
  const { state, formAction, pending, formRef, formKey, errorsOf, valueOf } = useActionForm(decideDisputeAction);
  return (
    <form ref={formRef} key={formKey} action={formAction} className="form dispute-form action-box" aria-label={t('actions.heading')} noValidate>
      <FormMessage state={state} />
      <Hidden {...ref} />
      <Field id="decide-reason" name="reason" label={t('reason.label')} hint={t('reason.hint')} errors={errorsOf('reason')}>
        {(control) => <textarea {...control} rows={4} defaultValue={valueOf('reason', '')} />}
      </Field>
      <p className="decision-buttons">
        <button type="submit" name="intent" value="reject" disabled={pending}>
          {t('reject.button')}
        </button>
        <button type="submit" name="intent" value="uphold" disabled={pending}>
          {t('uphold.button')}
        </button>
      </p>
      {duplicateOptions.length === 0 ? (
        <p className="muted small">{t('duplicate.none')}</p>
      ) : (
        <>
          <Field id="decide-duplicate-of" name="duplicateOfId" label={t('duplicate.label')} errors={errorsOf('duplicateOfId')}>
            {(control) => (
              <select {...control} defaultValue={valueOf('duplicateOfId', '')}>
                <option value="">{t('duplicate.choose')}</option>
                {duplicateOptions.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p>
            <button type="submit" name="intent" value="duplicate" className="secondary" disabled={pending}>
              {t('duplicate.button')}
            </button>
          </p>
        </>
      )}
    </form>
  );
}

/** Confirm decision: the second moderator applies the decision another proposed. */
export function ConfirmDecisionForm(props: DisputeRef) {
  const t = useTranslations('disputePage');
  const { state, formAction, pending, formRef, formKey } = useActionForm(confirmDisputeDecisionAction);
  return (
    <form ref={formRef} key={formKey} action={formAction} className="form dispute-form action-box" aria-label={t('quorum.confirm')} noValidate>
      <FormMessage state={state} />
      <Hidden {...props} />
      <p>
        <button type="submit" disabled={pending}>
          {t('quorum.confirm')}
        </button>
      </p>
    </form>
  );
}
