import 'server-only';
import { headers } from 'next/headers';
import { getActor } from '../auth/actor';
import { isLocale, type Locale, localeFromAcceptLanguage } from './locales';

/**
 * The dashboard's language: the signed-in user's setting, else the browser's.
 * Only dashboard and sign-in requests ask (they are rendered per request).
 */
export async function newsroomLocale(): Promise<Locale | null> {
  const actor = await getActor();
  if (isLocale(actor?.locale)) return actor.locale;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}
