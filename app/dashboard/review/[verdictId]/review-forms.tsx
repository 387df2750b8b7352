'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import type { ActionResult } from '@/lib/actions/result';
import { approveVerdictAction, requestVerdictChangesAction } from '@/lib/verdicts/actions';

type State = ActionResult<undefined> | null;

/** The reviewer's two decisions. Each form carries the version the reviewer read: a stale review is refused. */
export function ReviewForms({ verdictId, version }: { verdictId: string; version: number }) {
  const [approval, approve, approving] = useActionState<State, FormData>(approveVerdictAction, null);
  const [changes, requestChanges, requesting] = useActionState<State, FormData>(requestVerdictChangesAction, null);
  const commentErrors = changes && !changes.ok ? changes.fieldErrors?.comment : undefined;

  return (
    <div className="form">
      <form action={approve} className="form">
        <FormMessage state={approval} />
        <input type="hidden" name="verdictId" value={verdictId} />
        <input type="hidden" name="version" value={version} />
        <p className="hint">Publishing makes this verdict public at once, on the claim&apos;s page and in the API.</p>
        <button type="submit" disabled={approving || requesting}>
          Approve and publish
        </button>
      </form>
      <form action={requestChanges} className="form" noValidate>
        <FormMessage state={changes} />
        <input type="hidden" name="verdictId" value={verdictId} />
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor="comment">Comment</label>
          <textarea
            id="comment"
            name="comment"
            rows={4}
            required
            defaultValue={changes && !changes.ok ? (changes.values?.comment ?? '') : ''}
            key={changes && !changes.ok ? JSON.stringify(changes.values ?? {}) : 'empty'}
            aria-invalid={!!commentErrors}
            aria-describedby={commentErrors ? 'comment-hint comment-error' : 'comment-hint'}
          />
          <p id="comment-hint" className="hint">
            Required: tell the author what to change. They see it on their verdict and on their dashboard.
          </p>
          <FieldError id="comment-error" errors={commentErrors} />
        </div>
        <button type="submit" className="secondary" disabled={approving || requesting}>
          Request changes
        </button>
      </form>
    </div>
  );
}
