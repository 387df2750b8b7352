import { decodeMessage, type MessageValues } from '../i18n/message';
import type { ActionFailure, FieldErrors } from './result';

// The pure half of translateFailure (translate-failure.ts): given a
// translator for the user's language, a failure's catalogue messages
// (lib/i18n/message.ts) become words. No request scope here, so that tests
// translate a real failure with the catalogues themselves.

/** A next-intl translator over the whole catalogue (getTranslations() / createTranslator without a namespace). */
export type Translate = (key: string, values?: MessageValues) => string;

/** The text in the translator's language: a catalogue message is translated, anything else is kept. */
export function translateText(t: Translate, text: string): string {
  const descriptor = decodeMessage(text);
  return descriptor ? t(descriptor.key, descriptor.values) : text;
}

export function translateFieldErrors(t: Translate, fieldErrors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, errors]) => [field, errors?.map((text) => translateText(t, text))]));
}

/** The failure with its message and field errors translated; whatever else it carries (occurrences, values) is kept. */
export function translateFailureWith<Failure extends ActionFailure>(t: Translate, failure: Failure): Failure {
  return {
    ...failure,
    message: translateText(t, failure.message),
    ...(failure.fieldErrors ? { fieldErrors: translateFieldErrors(t, failure.fieldErrors) } : {}),
  };
}
