'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '@/app/components/form-feedback';
import type { ActionResult } from '@/lib/actions/result';
import { changeUserRoleAction, deactivateUserAction, reactivateUserAction } from '@/lib/users/actions';
import type { ManagedUser } from '@/lib/users/mutations';
import type { ManagedUserListItem } from '@/lib/users/queries';

type State = ActionResult<ManagedUser> | null;
type Which = 'role' | 'deactivate' | 'reactivate';

const roleOptions = [
  { value: 'EDITOR', label: 'Editor' },
  { value: 'MODERATOR', label: 'Moderator' },
  { value: 'ADMIN', label: 'Admin' },
] as const;

/** Role change and (de)activation for one account; each form carries the version it was rendered with. */
export function UserRowControls({ user }: { user: Pick<ManagedUserListItem, 'id' | 'name' | 'role' | 'active' | 'version'> }) {
  const [roleState, roleAction, rolePending] = useActionState<State, FormData>(changeUserRoleAction, null);
  const [deactivateState, deactivateAction, deactivatePending] = useActionState<State, FormData>(deactivateUserAction, null);
  const [reactivateState, reactivateAction, reactivatePending] = useActionState<State, FormData>(reactivateUserAction, null);

  // Only the answer to the last submission is shown; a new answer also remounts the role form.
  const [seen, setSeen] = useState({ roleState, deactivateState, reactivateState });
  const [latest, setLatest] = useState<Which | null>(null);
  const [submission, setSubmission] = useState(0);
  if (seen.roleState !== roleState || seen.deactivateState !== deactivateState || seen.reactivateState !== reactivateState) {
    setLatest(seen.roleState !== roleState ? 'role' : seen.deactivateState !== deactivateState ? 'deactivate' : 'reactivate');
    setSeen({ roleState, deactivateState, reactivateState });
    setSubmission(submission + 1);
  }
  const latestState = latest === 'role' ? roleState : latest === 'deactivate' ? deactivateState : latest === 'reactivate' ? reactivateState : null;
  const pending = rolePending || deactivatePending || reactivatePending;
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
      <FormMessage state={latestState} />
    </div>
  );
}
