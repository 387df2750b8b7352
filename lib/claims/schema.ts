import { z } from 'zod';

/** Position after which the next page of published claims starts. */
export const claimListCursorSchema = z.object({
  publishedAt: z.iso.datetime(),
  id: z.string().min(1).max(64),
});
export type ClaimListCursor = z.infer<typeof claimListCursorSchema>;

export function encodeClaimListCursor(cursor: ClaimListCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Parses an opaque cursor from a query string; null when it is not one of ours. */
export function decodeClaimListCursor(value: string): ClaimListCursor | null {
  try {
    const parsed = claimListCursorSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const claimListQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(100, 'limit must be at most 100')
    .default(20),
  cursor: z
    .string()
    .max(512)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return null;
      const cursor = decodeClaimListCursor(value);
      if (!cursor) {
        ctx.addIssue({ code: 'custom', message: 'cursor is not valid: use the nextCursor of a previous page' });
        return z.NEVER;
      }
      return cursor;
    }),
});

export const claimSlugSchema = z.string().min(1).max(200);
