// The one error type a mutation throws on purpose. Actions turn it into an
// ActionFailure the form can show (lib/actions/result.ts); anything else a
// mutation throws is a bug.

export type MutationErrorCode = 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_STATE' | 'RATE_LIMITED';

export type FieldErrors = Record<string, string[] | undefined>;

/** The record a failed optimistic lock was about: the conflict message names who changed it, read after rollback. */
export type StaleRecord = { entityType: string; entityId: string; what: string };

export class MutationError extends Error {
  constructor(
    readonly code: MutationErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly staleRecord?: StaleRecord,
  ) {
    super(message);
    this.name = 'MutationError';
  }

  /**
   * Someone saved the record since the form was opened. Throw it inside the
   * transaction; `runMutation` replaces its message with "changed by NAME at
   * TIME" once the transaction has rolled back (reading the audit trail on
   * another connection while the transaction holds one would hang the
   * embedded database).
   */
  static stale(entityType: string, entityId: string, what: string): MutationError {
    return new MutationError('CONFLICT', `This ${what} was changed by someone else — reload to see their changes.`, undefined, { entityType, entityId, what });
  }
}
