import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { can } from '@/lib/permissions';
import { DASHBOARD_SOURCE_LIST_LIMIT, listDashboardSources } from '@/lib/sources/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sourcesDashboard.list');
  return { title: t('title') };
}

export default async function DashboardSourcesPage() {
  const { actor, allowed } = await requirePageActor('dashboard.read', '/dashboard/sources');
  if (!allowed) return <NotAllowed />;
  const { items, total } = await listDashboardSources(actor);
  const t = await getTranslations('sourcesDashboard.list');
  const format = await getFormatter();
  const columns = { title: t('columns.title'), publisher: t('columns.publisher'), publishedOn: t('columns.publishedOn'), archivedAt: t('columns.archivedAt'), quotes: t('columns.quotes') };
  const notStated = <span className="muted">{t('notStated')}</span>;

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {can(actor, 'source.create') && (
        <p>
          <Link href="/dashboard/sources/new" className="button">
            {t('add')}
          </Link>
        </p>
      )}
      {items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table className="data stacked">
          <thead>
            <tr>
              {Object.values(columns).map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
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
                        {t('untitled')}{' '}
                        <span className="muted" lang={source.opening ? source.language : undefined}>
                          — {source.opening ?? t('noText')}
                        </span>
                      </>
                    )}
                  </Link>
                </td>
                <td data-label={columns.publisher}>{source.publisher ?? notStated}</td>
                <td data-label={columns.publishedOn}>{source.publishedAt ? <FormattedDate value={source.publishedAt} /> : notStated}</td>
                <td data-label={columns.archivedAt}>
                  <FormattedDate value={source.retrievedAt} withTime />
                </td>
                <td data-label={columns.quotes}>{format.number(source.quoteCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > DASHBOARD_SOURCE_LIST_LIMIT && <p className="small muted">{t('truncated', { shown: DASHBOARD_SOURCE_LIST_LIMIT, total })}</p>}
    </>
  );
}
