'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '@/app/components/form-feedback';
import type { ActionResult } from '@/lib/actions/result';
import { changeUserRoleAction, deactivateUserAction, reactivateUserAction, unlockSignInAction } from '@/lib/users/actions';
import type { ManagedUser, UnlockedAccount } from '@/lib/users/mutations';
import type { ManagedUserListItem } from '@/lib/users/queries';

type State = ActionResult<ManagedUser> | null;
type UnlockState = ActionResult<UnlockedAccount> | null;
type Which = 'role' | 'deactivate' | 'reactivate' | 'unlock';

const roleOptions = [
  { value: 'EDITOR', label: 'Editor' },
  { value: 'MODERATOR', label: 'Moderator' },
  { value: 'ADMIN', label: 'Admin' },
] as const;

/**
 * Role change, (de)activation and sign-in unlock for one account; the role
 * and activation forms carry the version they were rendered with.
 */
export function UserRowControls({
  user,
}: {
  user: Pick<ManagedUserListItem, 'id' | 'name' | 'role' | 'active' | 'version' | 'signInLockedUntil'>;
}) {
  const [roleState, roleAction, rolePending] = useActionState<State, FormData>(changeUserRoleAction, null);
  const [deactivateState, deactivateAction, deactivatePending] = useActionState<State, FormData>(deactivateUserAction, null);
  const [reactivateState, reactivateAction, reactivatePending] = useActionState<State, FormData>(reactivateUserAction, null);
  const [unlockState, unlockAction, unlockPending] = useActionState<UnlockState, FormData>(unlockSignInAction, null);
  const states = { role: roleState, deactivate: deactivateState, reactivate: reactivateState, unlock: unlockState };

  // Only the answer to the last submission is shown; a new answer also remounts the role form.
  const [seen, setSeen] = useState(states);
  const [latest, setLatest] = useState<Which | null>(null);
  const [submission, setSubmission] = useState(0);
  const changed = (Object.keys(states) as Which[]).find((which) => seen[which] !== states[which]);
  if (changed) {
    setLatest(changed);
    setSeen(states);
    setSubmission(submission + 1);
  }
  const latestState = latest ? states[latest] : null;
  const pending = rolePending || deactivatePending || reactivatePending || unlockPending;
  const chosenRole = roleState && !roleState.ok ? roleState.values?.role : undefined;
  const selectId = `role-${user.id}`;

  return (
    <div style={{ display: 'grid', gap: '0.5rem' }}>
      <form key={`role-${user.version}-${submission}`} action={roleAction} className="inline-form" style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <select id={selectId} name="role" aria-label={`Role for ${user.name}`} defaultValue={chosenRole ?? user.role}>
          {roleOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary" disabled={pending}>
          Change role
        </button>
      </form>
      {user.active ? (
        <form action={deactivateAction} className="inline-form">
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
          <button type="submit" className="danger" disabled={pending}>
            Deactivate
          </button>
        </form>
      ) : (
        <form action={reactivateAction} className="inline-form">
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
          <button type="submit" className="secondary" disabled={pending}>
            Reactivate
          </button>
        </form>
      )}
      {user.signInLockedUntil && (
        <form action={unlockAction} className="inline-form">
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" className="secondary" disabled={pending}>
            Unlock sign-in
          </button>
        </form>
      )}
      <FormMessage state={latestState} />
    </div>
  );
}
