import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getActor } from '@/lib/auth/actor';
import { signOutAction } from '@/lib/auth/actions';
import { can } from '@/lib/permissions';

const roleLabel = { EDITOR: 'Editor', MODERATOR: 'Moderator', ADMIN: 'Admin' } as const;

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect('/login?callbackUrl=/dashboard');
  return (
    <>
      <nav className="dashboard-nav" aria-label="Dashboard">
        <Link href="/dashboard">Overview</Link>
        <Link href="/dashboard/claims">Claims</Link>
        {can(actor, 'verdict.review') && <Link href="/dashboard/review">Review</Link>}
        <Link href="/dashboard/sources">Sources</Link>
        <Link href="/dashboard/claimants">Claimants</Link>
        {can(actor, 'user.manage') && <Link href="/dashboard/users">Users</Link>}
        <span className="muted" style={{ marginLeft: 'auto' }}>
          {actor.name} · {roleLabel[actor.role]}
        </span>
        <form action={signOutAction} className="inline-form">
          <button type="submit" className="secondary">
            Sign out
          </button>
        </form>
      </nav>
      {children}
    </>
  );
}
