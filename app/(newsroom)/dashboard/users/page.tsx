import type { Metadata } from 'next';
import { FormattedDate } from '@/app/components/formatted-date';
import { requirePageActor } from '@/lib/auth/require';
import { waitText } from '@/lib/auth/throttle';
import { listManagedUsers } from '@/lib/users/queries';
import { roleLabel } from '@/lib/users/schema';
import { CreateUserForm } from './create-user-form';
import { UserRowControls } from './user-row-controls';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const { actor, allowed } = await requirePageActor('user.manage', '/dashboard/users');
  if (!allowed) return <p>Your role does not allow this.</p>;
  const users = await listManagedUsers(actor);

  return (
    <>
      <h1>Users</h1>
      <p className="muted">
        Editors write and review fact checks, moderators handle readers’ disputes, admins also manage accounts and the rating scale. A
        deactivated account loses access on its next request. Five failed sign-ins within 15 minutes lock an account (anyone who knows
        the email can cause that): unlock it here once you know the person is not being impersonated.
      </p>

      <section aria-labelledby="create-user-heading">
        <h2 id="create-user-heading">Create user</h2>
        <CreateUserForm />
      </section>

      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Accounts ({users.length})</h2>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Active</th>
              <th scope="col">Created</th>
              <th scope="col">Manage</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row" style={{ fontWeight: 'normal' }}>
                  {user.name}
                  {user.id === actor.id && <span className="muted"> (you)</span>}
                </th>
                <td>{user.email}</td>
                <td>{roleLabel[user.role]}</td>
                <td>
                  {user.active ? 'Active' : 'Deactivated'}
                  {user.signInLockedUntil && (
                    <p className="muted" style={{ margin: 0 }}>
                      Sign-in locked for {waitText(new Date(user.signInLockedUntil))} after failed attempts
                    </p>
                  )}
                </td>
                <td>
                  <FormattedDate value={user.createdAt} />
                </td>
                <td>
                  <UserRowControls user={user} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
