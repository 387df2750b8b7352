import type { z } from 'zod';

// Keyset-pagination cursors as the query string carries them: the position
// (a JSON object) in base64url. Decoding checks it against the list's schema,
// so a hand-edited or foreign cursor is "no cursor", never a query error.

export function encodeCursor<T>(position: T): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position a cursor holds, or null when it is not one of this list's. */
export function decodeCursor<T>(value: string | undefined | null, schema: z.ZodType<T>): T | null {
  if (!value) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
