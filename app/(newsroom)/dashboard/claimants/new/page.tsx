import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/require';
import { ClaimantForm } from '../claimant-form';

export const metadata: Metadata = { title: 'New claimant' };

export default async function NewClaimantPage() {
  const { allowed } = await requirePageActor('claimant.create', '/dashboard/claimants/new');
  if (!allowed) return <p>Your role does not allow this.</p>;
  return (
    <>
      <p className="muted small">
        <Link href="/dashboard/claimants">Claimants</Link>
      </p>
      <h1>New claimant</h1>
      <ClaimantForm initial={{ id: null, version: null, name: '', kind: 'PERSON', aliases: '', country: '', description: '' }} />
    </>
  );
}
