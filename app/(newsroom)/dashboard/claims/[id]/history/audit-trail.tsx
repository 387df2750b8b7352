import { getTranslations } from 'next-intl/server';
import { FormattedDate } from '@/app/components/formatted-date';
import type { AuditEventDto, AuditRecord } from '@/lib/audit/queries';

type Translator = Awaited<ReturnType<typeof getTranslations<'auditTrail'>>>;

/**
 * An audit action in words (`auditTrail.actions.<action>`, e.g.
 * actions.verdict.submit). An action the catalogue does not know yet (a
 * future domain's) still reads as plain language: a change to the record.
 */
function actionText(t: Translator, event: AuditEventDto): string {
  const key = `actions.${event.action}`;
  if (/^[a-z_]+(\.[a-z_]+)+$/.test(event.action) && t.has(key)) return t(key);
  const entity = t.has(`entities.${event.entityType}`) ? t(`entities.${event.entityType}`) : t('entities.other');
  return t('unknownAction', { entity });
}

function RecordName({ t, record }: { t: Translator; record: AuditRecord }) {
  switch (record.kind) {
    case 'claim':
      return record.summary ? (
        <>{t.rich('records.claim', { summary: () => <span lang={record.language ?? undefined}>{record.summary}</span> })}</>
      ) : (
        <>{t('records.claimUnknown')}</>
      );
    case 'verdict':
      return <>{record.number === null ? t('records.verdictUnknown') : t('records.verdict', { number: record.number })}</>;
    case 'review':
      return <>{record.verdictNumber === null ? t('records.reviewUnknown') : t('records.review', { number: record.verdictNumber })}</>;
    case 'correction':
      return (
        <>
          {record.fromNumber === null || record.toNumber === null
            ? t('records.correctionUnknown')
            : t('records.correction', { from: record.fromNumber, to: record.toNumber })}
        </>
      );
    case 'quote': {
      const key = record.proposed ? 'records.proposedQuote' : 'records.quote';
      return <>{record.sourceTitle ? t(key, { source: record.sourceTitle }) : t(`${key}Untitled`)}</>;
    }
    case 'relation':
      return record.otherSummary ? (
        <>{t.rich('records.relation', { summary: () => <span lang={record.language ?? undefined}>{record.otherSummary}</span> })}</>
      ) : (
        <>{t('records.relationUnknown')}</>
      );
    case 'revision':
      return <>{t('records.revision')}</>;
    default:
      return <>{t.has(`entities.${record.entityType}`) ? t(`entities.${record.entityType}`) : t('entities.other')}</>;
  }
}

/** Who did what to which record of the claim, newest first: people by name, records by title, actions in words. */
export async function AuditTrail({ events }: { events: AuditEventDto[] }) {
  const t = await getTranslations('auditTrail');
  if (events.length === 0) return <p>{t('empty')}</p>;
  return (
    <table className="data stacked">
      <thead>
        <tr>
          <th scope="col">{t('columns.when')}</th>
          <th scope="col">{t('columns.who')}</th>
          <th scope="col">{t('columns.what')}</th>
          <th scope="col">{t('columns.record')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>
              <FormattedDate value={event.at} withTime />
            </td>
            <td data-label={t('columns.who')}>{event.actorName ?? t('system')}</td>
            <td data-label={t('columns.what')}>{actionText(t, event)}</td>
            <td data-label={t('columns.record')} className="small">
              <RecordName t={t} record={event.record} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
