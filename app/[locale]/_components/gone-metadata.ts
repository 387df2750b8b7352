import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { publicPageMetadata } from '@/lib/seo/metadata';

/** The <meta> that makes scripts/public-cache-headers.mjs answer a page with a 404 (NOT_FOUND_MARKER there). */
const NOT_FOUND_MARKER = { 'attest-status': '404' };

/** The <head> of a page whose record is unknown or not public (it renders PageGone): a 404, kept out of search engines. */
export async function goneMetadata(locale: Locale, path: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'notFound' });
  return { ...publicPageMetadata({ locale, path, title: t('title'), description: t('public.body'), noIndex: true }), other: NOT_FOUND_MARKER };
}
