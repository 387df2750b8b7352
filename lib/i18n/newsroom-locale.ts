import 'server-only';
import { headers } from 'next/headers';
import { getSignedInAccount } from '../auth/actor';
import { isLocale, type Locale, localeFromAcceptLanguage } from './locales';

/**
 * The dashboard's language: the signed-in user's setting, else the browser's.
 * Only dashboard and sign-in requests ask (they are rendered per request).
 */
export async function newsroomLocale(): Promise<Locale | null> {
  // Also for an account that must still replace its one-time password: the password form speaks its language.
  const account = await getSignedInAccount();
  if (isLocale(account?.locale)) return account.locale;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}
