import { conflictError } from '../actions/conflict';
import { MutationError } from '../actions/result';
import { isUniqueViolation } from '../actions/unique-violation';
import { Prisma, prisma } from '../db';

// What the verdict mutations share: the audit snapshot of a verdict, and a
// transaction runner that turns a failed optimistic lock into a CONFLICT once
// the transaction has rolled back.

export type Tx = Prisma.TransactionClient;

/** A verdict as the audit trail records it: every field a reader or a reviewer could care about, evidence included. */
export const verdictAuditSelect = {
  id: true,
  claimId: true,
  number: true,
  state: true,
  ratingId: true,
  rating: { select: { key: true } },
  headline: true,
  explanation: true,
  asOf: true,
  authorId: true,
  reviewerId: true,
  submittedAt: true,
  publishedAt: true,
  supersededAt: true,
  supersedesId: true,
  correctionNote: true,
  version: true,
  evidence: {
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { sourceId: true, stance: true, note: true, exact: true, prefix: true, suffix: true, start: true, end: true, position: true },
  },
} satisfies Prisma.VerdictSelect;

export type VerdictAuditRow = Prisma.VerdictGetPayload<{ select: typeof verdictAuditSelect }>;

export const VERDICT_IN_PROGRESS = 'This claim already has a verdict in progress';

/**
 * Thrown inside a transaction when a conditional update matched no row
 * because the record changed since the form was opened. The CONFLICT message
 * (who changed it, when) is read after the rollback, on its own connection.
 */
export class StaleVersionError extends Error {
  constructor(
    readonly entityType: string,
    readonly entityId: string,
    readonly what: string,
  ) {
    super(`${entityType} ${entityId} changed since it was read`);
    this.name = 'StaleVersionError';
  }
}

/** Runs one transaction: the change and its audit rows commit together or not at all. */
export async function runVerdictTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  onUniqueViolation: () => MutationError,
): Promise<T> {
  try {
    return await prisma.$transaction(work);
  } catch (error) {
    if (error instanceof StaleVersionError) throw await conflictError(error.entityType, error.entityId, error.what);
    if (isUniqueViolation(error)) throw onUniqueViolation();
    throw error;
  }
}

/** UTC midnight of a YYYY-MM-DD form date. */
export function dateFromIso(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

export function stateRefusal(state: string): MutationError {
  switch (state) {
    case 'SUBMITTED':
      return new MutationError('INVALID_STATE', 'This verdict is submitted for review: it cannot be edited unless a reviewer requests changes.');
    case 'PUBLISHED':
      return new MutationError('INVALID_STATE', 'This verdict is published and is never edited: write a new verdict to correct it.');
    case 'SUPERSEDED':
      return new MutationError('INVALID_STATE', 'This verdict was superseded by a later version and is never edited.');
    default:
      return new MutationError('INVALID_STATE', 'This verdict cannot be changed in its current state.');
  }
}
