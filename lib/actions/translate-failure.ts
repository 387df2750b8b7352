import 'server-only';
import { getTranslations } from 'next-intl/server';
import { decodeMessage } from '../i18n/message';
import type { ActionFailure, FieldErrors } from './result';

/**
 * The failure as the user reads it, in their interface language: messages
 * that lib/ wrote as catalogue keys (lib/i18n/message.ts) are translated;
 * anything else (a message already in words) is kept.
 */
export async function translateFailure(failure: ActionFailure): Promise<ActionFailure> {
  const t = await getTranslations();
  const translate = (text: string): string => {
    const descriptor = decodeMessage(text);
    return descriptor ? t(descriptor.key, descriptor.values) : text;
  };
  const fieldErrors: FieldErrors | undefined = failure.fieldErrors
    ? Object.fromEntries(Object.entries(failure.fieldErrors).map(([field, errors]) => [field, errors?.map(translate)]))
    : undefined;
  return { ...failure, message: translate(failure.message), ...(fieldErrors ? { fieldErrors } : {}) };
}
