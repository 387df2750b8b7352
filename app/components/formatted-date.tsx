import { useFormatter } from 'next-intl';

// Dates are shown in UTC (lib/i18n/request.ts sets the time zone) so that a
// date-only value (2024-12-04) never shifts a day with the server's zone, in
// the interface language's own format ("4 décembre 2024", "4 December 2024").
export function FormattedDate({ value, withTime = false }: { value: string; withTime?: boolean }) {
  const format = useFormatter();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return (
    <time dateTime={value}>
      {format.dateTime(date, withTime ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' })}
      {withTime ? ' UTC' : ''}
    </time>
  );
}
