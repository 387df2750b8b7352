import type { Prisma } from '../db';

// A dispute as its audit rows record it. The audit trail is append-only, so
// what it holds can never be purged: the contact email must never enter it.
// It is read (to email the reader after the commit) but the snapshot keeps
// only whether one was given; the follow-up token's hash is not read at all.

export const disputeAuditSelect = {
  id: true,
  claimId: true,
  verdictId: true,
  kind: true,
  message: true,
  evidenceUrl: true,
  publishConsent: true,
  locale: true,
  status: true,
  moderatorId: true,
  resolutionNote: true,
  duplicateOfId: true,
  closedAt: true,
  correctionId: true,
  pendingStatus: true,
  pendingNote: true,
  pendingById: true,
  pendingAt: true,
  version: true,
  createdAt: true,
  contactEmail: true,
} satisfies Prisma.DisputeSelect;

export type DisputeAuditRow = Prisma.DisputeGetPayload<{ select: typeof disputeAuditSelect }>;

const snapshotKeys = (Object.keys(disputeAuditSelect) as (keyof DisputeAuditRow)[]).filter((key) => key !== 'contactEmail');

/**
 * The audited fields of a row (whatever else was read with it), the email
 * replaced by whether there is one.
 */
export function disputeAuditSnapshot(row: DisputeAuditRow): Record<string, unknown> {
  const snapshot: Record<string, unknown> = Object.fromEntries(snapshotKeys.map((key) => [key, row[key]]));
  snapshot.hasContactEmail = row.contactEmail !== null;
  return snapshot;
}
