'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import type { ActionResult } from '@/lib/actions/result';

type State = ActionResult<undefined> | null;
type ReviewAction = (previous: State, formData: FormData) => Promise<State>;

/**
 * The reviewer's two decisions on a verdict or a claim revision: approve, or
 * send it back with a required comment. Each form carries the record's id
 * and the version the reviewer read: a stale review is refused.
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
  const [approval, approveAction, approving] = useActionState<State, FormData>(approve, null);
  const [declined, declineAction, declining] = useActionState<State, FormData>(decline, null);
  const commentErrors = declined && !declined.ok ? declined.fieldErrors?.comment : undefined;
  const hidden = Object.entries(record).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);

  return (
    <div className="form">
      <form action={approveAction} className="form">
        <FormMessage state={approval} />
        {hidden}
        <p className="hint">{approveHint}</p>
        <button type="submit" disabled={approving || declining}>
          Approve and publish
        </button>
      </form>
      <form action={declineAction} className="form" noValidate>
        <FormMessage state={declined} />
        {hidden}
        <div className="field">
          <label htmlFor="comment">Comment</label>
          <textarea
            id="comment"
            name="comment"
            rows={4}
            required
            defaultValue={declined && !declined.ok ? (declined.values?.comment ?? '') : ''}
            key={declined && !declined.ok ? JSON.stringify(declined.values ?? {}) : 'empty'}
            aria-invalid={!!commentErrors}
            aria-describedby={commentErrors ? 'comment-hint comment-error' : 'comment-hint'}
          />
          <p id="comment-hint" className="hint">
            {commentHint}
          </p>
          <FieldError id="comment-error" errors={commentErrors} />
        </div>
        <button type="submit" className="secondary" disabled={approving || declining}>
          {declineLabel}
        </button>
      </form>
    </div>
  );
}
