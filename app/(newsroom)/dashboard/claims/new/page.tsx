import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/require';
import { ClaimForm } from '../[id]/claim-form';

export const metadata: Metadata = { title: 'New claim' };

export default async function NewClaimPage() {
  const { allowed } = await requirePageActor('claim.create', '/dashboard/claims/new');
  if (!allowed) return <p>Your role does not allow this.</p>;
  return (
    <>
      <p className="muted small">
        <Link href="/dashboard/claims">Claims</Link>
      </p>
      <h1>New claim</h1>
      <p className="muted">It is saved as a draft; you add where it appears and its verdict next.</p>
      <ClaimForm
        initial={{ id: null, version: null, text: '', summary: '', claimant: { id: '', name: '' }, claimedAt: '', language: 'fr', tags: '' }}
      />
    </>
  );
}
