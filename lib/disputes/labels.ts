import type { DisputeKindValue, DisputeStatusValue } from './schema';

// Catalogue keys (messages/*.json, namespace "disputes") of a dispute's kinds
// and statuses, one vocabulary for the reader's pages and the dashboard.

export const disputeKindLabelKey = (kind: DisputeKindValue) => `disputes.kind.${kind}` as const;
export const disputeStatusLabelKey = (status: DisputeStatusValue) => `disputes.status.${status}` as const;

/** The statuses a dispute ends in: it is closed, and its contact email is deleted 90 days later. */
export const closedDisputeStatuses = ['UPHELD', 'REJECTED', 'DUPLICATE'] as const satisfies readonly DisputeStatusValue[];

/** Waiting for a moderator: what the nav counts. */
export const openDisputeStatuses = ['OPEN', 'TRIAGED'] as const satisfies readonly DisputeStatusValue[];

/** Decided by a moderator: shown in public (ESCALATED is an uphold waiting for its correction). */
export const decidedDisputeStatuses = ['ESCALATED', 'UPHELD', 'REJECTED', 'DUPLICATE'] as const satisfies readonly DisputeStatusValue[];

export function isClosedStatus(status: DisputeStatusValue): boolean {
  return (closedDisputeStatuses as readonly DisputeStatusValue[]).includes(status);
}
