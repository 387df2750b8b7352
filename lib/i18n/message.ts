// Messages written in lib/ — a mutation's refusal, a schema's field error —
// are shown in the user's interface language, which lib/ does not know. They
// travel as their catalogue key and values, encoded in the string that zod
// and MutationError carry, and are translated where the action answers the
// form (lib/actions/translate.ts). A string without the marker is shown as
// it is.

const MARKER = '@i18n:';

export type MessageValue = string | number | Date;
export type MessageValues = Record<string, MessageValue>;
export type MessageDescriptor = { key: string; values: MessageValues };

/** A translatable message: its key in messages/*.json and its ICU values. */
export function message(key: string, values?: MessageValues): string {
  if (!values || Object.keys(values).length === 0) return `${MARKER}${key}`;
  const encoded = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, value instanceof Date ? { $date: value.toISOString() } : value]),
  );
  return `${MARKER}${key} ${JSON.stringify(encoded)}`;
}

export function decodeMessage(text: string): MessageDescriptor | null {
  if (!text.startsWith(MARKER)) return null;
  const body = text.slice(MARKER.length);
  const space = body.indexOf(' ');
  if (space === -1) return { key: body, values: {} };
  const raw = JSON.parse(body.slice(space + 1)) as Record<string, string | number | { $date: string }>;
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(raw)) {
    values[name] = typeof value === 'object' && value !== null && '$date' in value ? new Date(value.$date) : value;
  }
  return { key: body.slice(0, space), values };
}
