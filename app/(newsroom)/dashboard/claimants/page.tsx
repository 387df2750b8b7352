import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { claimantKindLabelKey } from '@/lib/claimants/labels';
import { listClaimants } from '@/lib/claimants/queries';
import { can } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('claimants.list');
  return { title: t('title') };
}

export default async function ClaimantsPage() {
  const { actor, allowed } = await requirePageActor('dashboard.read', '/dashboard/claimants');
  if (!allowed) return <NotAllowed />;
  const claimants = await listClaimants(actor);
  const mayEdit = can(actor, 'claimant.update');
  const t = await getTranslations('claimants.list');
  const labels = await getTranslations();
  const format = await getFormatter();
  const column = { name: t('column.name'), kind: t('column.kind'), country: t('column.country'), aliases: t('column.aliases'), claims: t('column.claims') };

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {can(actor, 'claimant.create') && (
        <p>
          <Link href="/dashboard/claimants/new" className="button">
            {t('new')}
          </Link>
        </p>
      )}
      {claimants.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        // On a phone each row stacks its cells under their column's name (globals.css, table.stacked).
        <table className="data stacked">
          <thead>
            <tr>
              <th scope="col">{column.name}</th>
              <th scope="col">{column.kind}</th>
              <th scope="col">{column.country}</th>
              <th scope="col">{column.aliases}</th>
              <th scope="col">{column.claims}</th>
            </tr>
          </thead>
          <tbody>
            {claimants.map((claimant) => (
              <tr key={claimant.id}>
                <td>
                  {mayEdit ? <Link href={`/dashboard/claimants/${encodeURIComponent(claimant.id)}`}>{claimant.name}</Link> : claimant.name}
                </td>
                <td data-label={column.kind}>{labels(claimantKindLabelKey(claimant.kind))}</td>
                <td data-label={column.country}>{claimant.country ?? <span className="muted">—</span>}</td>
                <td data-label={column.aliases} className="small">
                  {claimant.aliases.join(', ')}
                </td>
                <td data-label={column.claims}>
                  {claimant.claimCount > 0 ? (
                    <Link href={`/dashboard/claims?claimant=${encodeURIComponent(claimant.id)}`}>{format.number(claimant.claimCount)}</Link>
                  ) : (
                    format.number(0)
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
