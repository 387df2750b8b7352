/**
 * True when `error` is Prisma's unique-constraint refusal (P2002), on the named
 * index if one is given. Checked structurally so that this file needs no Prisma
 * import; the driver adapter reports the index in
 * `meta.driverAdapterError.cause.constraint`.
 */
export function isUniqueViolation(error: unknown, indexName?: string): boolean {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== 'P2002') return false;
  if (!indexName) return true;
  const meta = (error as { meta?: unknown }).meta;
  const text = JSON.stringify(meta ?? {}) + String((error as { message?: unknown }).message ?? '');
  return text.includes(indexName);
}
