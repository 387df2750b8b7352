import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { ActionFailure } from './result';
import { translateFailureWith } from './translate';

/**
 * The failure as the user reads it, in their interface language: messages
 * that lib/ wrote as catalogue keys (lib/i18n/message.ts) are translated;
 * anything else (a message already in words) is kept. Needs Next's request
 * scope (a server action): next-intl reads the user's language there.
 */
export async function translateFailure<Failure extends ActionFailure>(failure: Failure): Promise<Failure> {
  return translateFailureWith(await getTranslations(), failure);
}
