// Dates are shown in UTC so that a date-only value (2024-12-04) never shifts a
// day with the server's time zone.
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

export function FormattedDate({ value, withTime = false }: { value: string; withTime?: boolean }) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return <time dateTime={value}>{(withTime ? dateTimeFormat : dateFormat).format(date)}{withTime ? ' UTC' : ''}</time>;
}
