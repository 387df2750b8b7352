import fs from 'node:fs';
import { createTranslator } from 'next-intl';
import type { FieldErrors } from '../actions/result';
import { type Translate, translateFieldErrors, translateText } from '../actions/translate';
import type { Locale } from '../i18n/locales';

// What a refusal says to the user, for tests: lib/ writes catalogue messages
// (lib/i18n/message.ts) that the action translates in the user's language.
// Tests compare the translated text, read from the catalogues themselves, so
// that a key missing from a catalogue fails the test instead of passing as
// its raw key.

type Catalogue = { [key: string]: string | Catalogue };

function loadCatalogue(locale: Locale): Catalogue {
  return JSON.parse(fs.readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Catalogue;
}

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

/** Every message of the language's catalogue, by its full key ("errors.claim.notFound"). */
export function catalogueEntries(locale: Locale): Map<string, string> {
  return flatten(loadCatalogue(locale));
}

/** A translator over the whole catalogue, as next-intl builds one for a request (UTC, as lib/i18n/request.ts). */
export function translatorFor(locale: Locale): Translate {
  const t = createTranslator({
    locale,
    messages: loadCatalogue(locale) as Parameters<typeof createTranslator>[0]['messages'],
    timeZone: 'UTC',
    onError(error) {
      throw error;
    },
  });
  return (key, values) => t(key, values);
}

const english = translatorFor('en');
const french = translatorFor('fr');

/** The text as an English-speaking user reads it. */
export function inEnglish(text: string | undefined): string {
  return text === undefined ? '' : translateText(english, text);
}

/** The text as a French-speaking user reads it. */
export function inFrench(text: string | undefined): string {
  return text === undefined ? '' : translateText(french, text);
}

/** Field errors as an English-speaking user reads them. */
export function fieldErrorsInEnglish(fieldErrors: FieldErrors | undefined): FieldErrors {
  return fieldErrors ? translateFieldErrors(english, fieldErrors) : {};
}

/** A list of messages (one field's zod errors, say) as an English-speaking user reads them. */
export function messagesInEnglish(messages: readonly string[] | undefined): string[] {
  return (messages ?? []).map((text) => inEnglish(text));
}
