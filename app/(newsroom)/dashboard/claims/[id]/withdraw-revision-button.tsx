'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/components/form-feedback';
import { withdrawClaimRevisionAction } from '@/lib/claims/actions';

/** "Withdraw revision", for its author: the claim is then free for another proposal. */
export function WithdrawRevisionButton({ revisionId, version }: { revisionId: string; version: number }) {
  const [state, formAction, pending] = useActionState(withdrawClaimRevisionAction, null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="secondary" disabled={pending}>
        Withdraw revision
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
