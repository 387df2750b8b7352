'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import type { ActionResult } from '@/lib/actions/result';

type State = ActionResult<undefined> | null;
type ReviewAction = (previous: State, formData: FormData) => Promise<State>;

/**
 * The reviewer's two decisions on a verdict or a claim revision: approve, or
 * send it back with a required comment. Each form carries the record's id
 * and the version the reviewer read: a stale review is refused. The server
 * actions are the forms' own actions, so both work before the page's script
 * has loaded.
 */
export function ReviewForms({
  record,
  approve,
  decline,
  approveHint,
  declineLabel,
  commentHint,
}: {
  /** Hidden fields naming the record and the version read, e.g. { verdictId, version }. */
  record: Record<string, string | number>;
  approve: ReviewAction;
  decline: ReviewAction;
  approveHint: string;
  declineLabel: string;
  commentHint: string;
}) {
  const t = useTranslations('review.forms');
  const approval = useActionForm(approve);
  const declined = useActionForm(decline);
  const busy = approval.pending || declined.pending;
  const hidden = Object.entries(record).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);

  return (
    <div className="form">
      <form ref={approval.formRef} action={approval.formAction} className="form">
        <FormMessage state={approval.state} />
        {hidden}
        <p className="hint">{approveHint}</p>
        <button type="submit" disabled={busy}>
          {t('approve')}
        </button>
      </form>
      <form ref={declined.formRef} action={declined.formAction} className="form" noValidate>
        <FormMessage state={declined.state} />
        {hidden}
        <Field key={declined.formKey} id="comment" name="comment" label={t('comment')} hint={commentHint} errors={declined.errorsOf('comment')}>
          {(control) => <textarea {...control} rows={4} required defaultValue={declined.valueOf('comment', '')} />}
        </Field>
        <button type="submit" className="secondary" disabled={busy}>
          {declineLabel}
        </button>
      </form>
    </div>
  );
}
