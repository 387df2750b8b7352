/** A claim's fields as its audit rows record them, before and after a change. */
export const claimAuditSelect = {
  id: true,
  slug: true,
  text: true,
  summary: true,
  language: true,
  claimantId: true,
  claimedAt: true,
  tags: true,
  status: true,
  publishedAt: true,
  archivedAt: true,
  archiveReason: true,
  version: true,
} as const;
