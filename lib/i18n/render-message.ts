import { readFileSync } from 'node:fs';
import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import { decodeMessage } from './message';

// A message written in lib/ (lib/i18n/message.ts) in words, outside a
// request: for the operator's command-line scripts, which speak English, and
// for tests that check what a user reads. Pages and actions translate through
// next-intl (lib/actions/translate-failure.ts) instead.

const catalogues = new Map<Locale, Record<string, unknown>>();

function catalogue(locale: Locale): Record<string, unknown> {
  let messages = catalogues.get(locale);
  if (!messages) {
    messages = JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
    catalogues.set(locale, messages);
  }
  return messages;
}

/** The text of a translatable message in `locale`; a string that is not one is returned as it is. */
export function renderMessage(text: string, locale: Locale = 'en'): string {
  const descriptor = decodeMessage(text);
  if (!descriptor) return text;
  const t = createTranslator({ locale, messages: catalogue(locale), timeZone: 'UTC' });
  return t(descriptor.key as never, descriptor.values as never);
}
