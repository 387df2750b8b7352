import { message } from '../i18n/message';

// Why a quote cannot be anchored in its source: the same two refusals for an
// appearance's quote and an evidence quote (both located with locateQuote).

export const QUOTE_NOT_IN_SOURCE = message('errors.quote.notInSource');

/** The quote occurs `count` times: the editor must say which occurrence. */
export function ambiguousQuoteMessage(count: number): string {
  return message('errors.quote.ambiguous', { count });
}
