import { message } from '../i18n/message';

// The one error type a mutation throws on purpose. Actions turn it into an
// ActionFailure the form can show (lib/actions/result.ts); anything else a
// mutation throws is a bug. Its message and field errors are catalogue
// messages (`message('errors.…')`), translated where the action answers.

export type MutationErrorCode = 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_STATE' | 'RATE_LIMITED';

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * What the conflict message calls the record ("This claim was changed by…"):
 * a case of the `what` select in errors.conflict.* (messages/*.json).
 */
export type StaleRecordName = 'claim' | 'claimant' | 'proposedRevision' | 'verdict' | 'account' | 'source' | 'rating';

/** The record a failed optimistic lock was about: the conflict message names who changed it, read after rollback. */
export type StaleRecord = { entityType: string; entityId: string; what: StaleRecordName };

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
  static stale(entityType: string, entityId: string, what: StaleRecordName): MutationError {
    return new MutationError('CONFLICT', message('errors.conflict.changedBySomeone', { what }), undefined, { entityType, entityId, what });
  }
}
