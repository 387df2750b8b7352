// Keyset pages of lists ordered newest first on (published_at DESC, id DESC):
// the rows after a cursor, as a Prisma where clause any model with those two
// columns accepts (claims, corrections).

export type PublishedCursor = { publishedAt: string; id: string };

/**
 * The rows after `after` in (publishedAt DESC, id DESC) order. The redundant
 * `lte` gives PostgreSQL a range on the published_at index: without it the OR
 * makes a filtered page (a tag's, a rating's) scan the index from the newest
 * row down.
 */
export function publishedAfterCursor(after: PublishedCursor | null) {
  if (!after) return {};
  const at = new Date(after.publishedAt);
  return {
    publishedAt: { lte: at },
    OR: [{ publishedAt: { lt: at } }, { publishedAt: at, id: { lt: after.id } }],
  };
}
