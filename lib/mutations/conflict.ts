import { findLastChange } from '../audit/queries';
import { MutationError, type StaleRecord } from './errors';

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * The optimistic-lock refusal as the user reads it: someone saved the record
 * after the editor opened it. Names who and when; the form keeps what the
 * editor typed. Called by runMutation after the transaction has rolled back.
 */
export async function conflictError(stale: StaleRecord): Promise<MutationError> {
  const last = await findLastChange(stale.entityType, stale.entityId);
  const by = last?.actorName ?? 'another editor';
  const when = last ? ` at ${timeFormat.format(last.at)} UTC` : '';
  return new MutationError(
    'CONFLICT',
    `This ${stale.what} was changed by ${by}${when} — reload to see their changes. What you typed is still in the form.`,
    undefined,
    stale,
  );
}
