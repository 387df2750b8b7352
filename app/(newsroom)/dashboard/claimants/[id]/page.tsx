import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/require';
import { findClaimantForEdit } from '@/lib/claimants/queries';
import { ClaimantForm } from '../claimant-form';

export const metadata: Metadata = { title: 'Edit claimant' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function EditClaimantPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { created } = await searchParams;
  const { actor, allowed } = await requirePageActor('claimant.update', `/dashboard/claimants/${encodeURIComponent(id)}`);
  if (!allowed) return <p>Your role does not allow this.</p>;
  const claimant = await findClaimantForEdit(actor, id);
  if (!claimant) {
    return (
      <>
        <h1>Claimant not found</h1>
        <p>
          There is no claimant with this address. <Link href="/dashboard/claimants">See all claimants</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <p className="muted small">
        <Link href="/dashboard/claimants">Claimants</Link>
      </p>
      <h1>{claimant.name}</h1>
      {created && (
        <p className="form-success" role="status">
          Claimant created.
        </p>
      )}
      <p className="muted">
        Slug <code>{claimant.slug}</code> (kept when the name changes: the public API uses it) ·{' '}
        <Link href={`/dashboard/claims?claimant=${encodeURIComponent(claimant.id)}`}>
          {claimant.claimCount} {claimant.claimCount === 1 ? 'claim' : 'claims'}
        </Link>
      </p>
      <ClaimantForm
        initial={{
          id: claimant.id,
          version: claimant.version,
          name: claimant.name,
          kind: claimant.kind,
          aliases: claimant.aliases.join('\n'),
          country: claimant.country ?? '',
          description: claimant.description ?? '',
        }}
      />
    </>
  );
}
