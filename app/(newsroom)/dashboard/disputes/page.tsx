import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Field } from '@/app/components/form/field';
import { FormattedDate } from '@/app/components/formatted-date';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { listDisputeQueue } from '@/lib/disputes/dashboard-queries';
import { disputeKindLabelKey, disputeStatusLabelKey } from '@/lib/disputes/labels';
import { disputeAges, disputeKinds, disputeQueueFiltersSchema, disputeStatuses, type DisputeQueueFilters } from '@/lib/disputes/schema';
import '@/app/components/disputes/disputes.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('disputeQueue');
  return { title: t('metaTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The queue's address with these filters (and no cursor unless given). */
function queuePath(filters: Partial<DisputeQueueFilters>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value && !(name === 'status' && value === 'WAITING')) query.set(name, value);
  const text = query.toString();
  return text ? `/dashboard/disputes?${text}` : '/dashboard/disputes';
}

export default async function DisputeQueuePage({ searchParams }: Props) {
  const { actor, allowed } = await requirePageActor('dispute.read', '/dashboard/disputes');
  if (!allowed) return <NotAllowed />;
  const raw = await searchParams;
  const filters = disputeQueueFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value])));
  const queue = await listDisputeQueue(actor, filters);
  const t = await getTranslations('disputeQueue');
  const label = await getTranslations();
  const { cursor: _cursor, ...kept } = filters;
  const any = { value: '', label: t('filters.any') };
  const filterFields: { name: string; label: string; value: string; options: { value: string; label: string; lang?: string }[] }[] = [
    {
      name: 'status',
      label: t('filters.status'),
      value: filters.status,
      options: [
        { value: 'WAITING', label: t('filters.waiting') },
        ...disputeStatuses.map((status) => ({ value: status, label: label(disputeStatusLabelKey(status)) })),
        { value: 'ALL', label: t('filters.any') },
      ],
    },
    { name: 'kind', label: t('filters.kind'), value: filters.kind ?? '', options: [any, ...disputeKinds.map((kind) => ({ value: kind, label: label(disputeKindLabelKey(kind)) }))] },
    {
      name: 'claim',
      label: t('filters.claim'),
      value: filters.claim ?? '',
      options: [any, ...queue.claims.map((claim) => ({ value: claim.id, label: claim.summary, lang: claim.language }))],
    },
    { name: 'age', label: t('filters.age'), value: filters.age ?? '', options: [any, ...disputeAges.map((age) => ({ value: age, label: t(`filters.ages.${age}`) }))] },
  ];

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{queue.canModerate ? t('intro') : t('editorIntro')}</p>

      <h2 id="counts-heading">{t('counts')}</h2>
      <ul className="status-counts" aria-labelledby="counts-heading">
        {disputeStatuses.map((status) => (
          <li key={status}>
            <Link href={queuePath({ status })} aria-current={filters.status === status ? 'true' : undefined}>
              {t('count', { status: label(disputeStatusLabelKey(status)), count: queue.counts[status] })}
            </Link>
          </li>
        ))}
      </ul>

      <form method="get" action="/dashboard/disputes" className="queue-filters" aria-label={t('filters.legend')}>
        {filterFields.map((filter) => (
          <Field key={filter.name} id={`queue-${filter.name}`} name={filter.name} label={filter.label}>
            {(control) => (
              <select {...control} defaultValue={filter.value}>
                {filter.options.map((option) => (
                  <option key={option.value} value={option.value} lang={option.lang}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
        <p className="decision-buttons">
          <button type="submit">{t('filters.apply')}</button>
          <Link href="/dashboard/disputes" className="button secondary">
            {t('filters.clear')}
          </Link>
        </p>
      </form>

      {queue.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ol className="dispute-queue" aria-label={t('list')}>
          {queue.items.map((item) => (
            <li key={item.id}>
              <p>
                <Link href={`/dashboard/disputes/${encodeURIComponent(item.id)}`}>
                  <span lang={item.claim.language}>{item.claim.summary}</span>
                </Link>
              </p>
              <p className="small">
                <strong>{label(disputeStatusLabelKey(item.status))}</strong> · {label(disputeKindLabelKey(item.kind))} ·{' '}
                {t.rich('received', { date: () => <FormattedDate value={item.receivedAt} withTime /> })} ·{' '}
                {item.moderatorName ? t('takenBy', { name: item.moderatorName }) : t('notTaken')}
                {item.awaitingConfirmation && <> · {t('pending')}</>}
              </p>
              <p className="reader-text muted small">{item.excerpt}</p>
            </li>
          ))}
        </ol>
      )}
      {(queue.nextCursor || filters.cursor) && (
        <p className="decision-buttons">
          {filters.cursor && <Link href={queuePath(kept)}>{t('first')}</Link>}
          {queue.nextCursor && <Link href={queuePath({ ...kept, cursor: queue.nextCursor })}>{t('next')}</Link>}
        </p>
      )}
    </>
  );
}
