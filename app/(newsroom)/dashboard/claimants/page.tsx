import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/require';
import { listClaimants } from '@/lib/claimants/queries';
import { claimantKindLabel } from '@/lib/claimants/schema';
import { can } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Claimants' };

export default async function ClaimantsPage() {
  const { actor, allowed } = await requirePageActor('dashboard.read', '/dashboard/claimants');
  if (!allowed) return <p>Your role does not allow this.</p>;
  const claimants = await listClaimants(actor);
  const mayEdit = can(actor, 'claimant.update');

  return (
    <>
      <h1>Claimants</h1>
      <p className="muted">The people, organisations, governments and media whose claims Attest checks.</p>
      {can(actor, 'claimant.create') && (
        <p>
          <Link href="/dashboard/claimants/new" className="button">
            New claimant
          </Link>
        </p>
      )}
      {claimants.length === 0 ? (
        <p>No claimants yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Country</th>
              <th scope="col">Also known as</th>
              <th scope="col">Claims</th>
            </tr>
          </thead>
          <tbody>
            {claimants.map((claimant) => (
              <tr key={claimant.id}>
                <td>
                  {mayEdit ? <Link href={`/dashboard/claimants/${encodeURIComponent(claimant.id)}`}>{claimant.name}</Link> : claimant.name}
                </td>
                <td>{claimantKindLabel[claimant.kind]}</td>
                <td>{claimant.country ?? <span className="muted">—</span>}</td>
                <td className="small">{claimant.aliases.join(', ')}</td>
                <td>
                  {claimant.claimCount > 0 ? (
                    <Link href={`/dashboard/claims?claimant=${encodeURIComponent(claimant.id)}`}>{claimant.claimCount}</Link>
                  ) : (
                    0
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
