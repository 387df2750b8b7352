'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/components/form-feedback';
import { removeAppearanceAction } from '@/lib/appearances/actions';
import { removeRelationAction } from '@/lib/relations/actions';

/** "Remove" next to an appearance; the server refuses once the claim has been published. */
export function RemoveAppearanceButton({ appearanceId }: { appearanceId: string }) {
  const [state, formAction, pending] = useActionState(removeAppearanceAction, null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="appearanceId" value={appearanceId} />
      <button type="submit" className="secondary" disabled={pending}>
        Remove
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}

/** "Remove" next to a link between two claims. */
export function RemoveRelationButton({ relationId }: { relationId: string }) {
  const [state, formAction, pending] = useActionState(removeRelationAction, null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="relationId" value={relationId} />
      <button type="submit" className="secondary" disabled={pending}>
        Remove
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
