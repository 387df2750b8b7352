import type { Metadata } from 'next';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { requirePageActor } from '@/lib/auth/require';
import { can } from '@/lib/permissions';
import { DASHBOARD_SOURCE_LIST_LIMIT, listDashboardSources } from '@/lib/sources/queries';

export const metadata: Metadata = { title: 'Sources' };

export default async function DashboardSourcesPage() {
  const { actor, allowed } = await requirePageActor('dashboard.read', '/dashboard/sources');
  if (!allowed) return <p>Your role does not allow this.</p>;
  const { items, total } = await listDashboardSources(actor);

  return (
    <>
      <h1>Sources</h1>
      <p className="muted">The archive: every article claims and verdicts can quote, newest first.</p>
      {can(actor, 'source.create') && (
        <p>
          <Link href="/dashboard/sources/new" className="button">
            Add a source
          </Link>
        </p>
      )}
      {items.length === 0 ? (
        <p>The archive is empty.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Publisher</th>
              <th scope="col">Published on</th>
              <th scope="col">Archived at</th>
              <th scope="col">Quotes</th>
            </tr>
          </thead>
          <tbody>
            {items.map((source) => (
              <tr key={source.id}>
                <td>
                  <Link href={`/dashboard/sources/${encodeURIComponent(source.id)}`}>
                    {source.title ? (
                      <span lang={source.language}>{source.title}</span>
                    ) : (
                      <>
                        Untitled <span className="muted" lang={source.language}>— {source.opening ?? 'no text'}</span>
                      </>
                    )}
                  </Link>
                </td>
                <td>{source.publisher ?? <span className="muted">Not stated</span>}</td>
                <td>{source.publishedAt ? <FormattedDate value={source.publishedAt} /> : <span className="muted">Not stated</span>}</td>
                <td>
                  <FormattedDate value={source.retrievedAt} withTime />
                </td>
                <td>{source.quoteCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > DASHBOARD_SOURCE_LIST_LIMIT && (
        <p className="small muted">
          Showing the {DASHBOARD_SOURCE_LIST_LIMIT} newest of {total} sources.
        </p>
      )}
    </>
  );
}
