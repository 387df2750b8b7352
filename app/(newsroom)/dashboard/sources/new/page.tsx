import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/require';
import { SourceForm } from './source-form';

export const metadata: Metadata = { title: 'Add a source' };

export default async function NewSourcePage() {
  const { allowed } = await requirePageActor('source.create', '/dashboard/sources/new');
  if (!allowed) return <p>Your role does not allow this.</p>;
  return (
    <>
      <p className="muted">
        <Link href="/dashboard/sources">Sources</Link> › New
      </p>
      <h1>Add a source</h1>
      <p className="muted">
        Paste the article as copied from the page, or upload it as a .txt or .html file. Preview the cleaned text first: it is what quotes
        will point into, and it cannot change once something quotes it.
      </p>
      <SourceForm />
    </>
  );
}
