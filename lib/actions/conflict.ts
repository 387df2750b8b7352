import { findLastChange } from '../audit/queries';
import { MutationError } from './result';

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * The optimistic-lock refusal: someone saved the record after the editor
 * opened it. The message names who and when, and the form keeps what the
 * editor typed.
 */
export async function conflictError(
  entityType: string,
  entityId: string,
  what: string,
  client?: Parameters<typeof findLastChange>[2],
): Promise<MutationError> {
  const last = await findLastChange(entityType, entityId, client);
  const by = last?.actorName ?? 'another editor';
  const when = last ? ` at ${timeFormat.format(last.at)} UTC` : '';
  return new MutationError('CONFLICT', `This ${what} was changed by ${by}${when} — reload to see their changes. What you typed is still in the form.`);
}
