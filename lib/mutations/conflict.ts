import { findLastChange } from '../audit/queries';
import { message } from '../i18n/message';
import { MutationError, type StaleRecord } from './errors';

/**
 * The optimistic-lock refusal as the user reads it: someone saved the record
 * after the editor opened it. Names who and when (the time is formatted, in
 * UTC, by the catalogue's ICU message in the reader's language); the form
 * keeps what the editor typed. Called by runMutation after the transaction
 * has rolled back.
 */
export async function conflictError(stale: StaleRecord): Promise<MutationError> {
  const last = await findLastChange(stale.entityType, stale.entityId);
  const text = !last
    ? message('errors.conflict.changedBySomeone', { what: stale.what })
    : last.actorName
      ? message('errors.conflict.changedBy', { what: stale.what, by: last.actorName, at: last.at })
      : message('errors.conflict.changedByAnotherEditor', { what: stale.what, at: last.at });
  return new MutationError('CONFLICT', text, undefined, stale);
}
