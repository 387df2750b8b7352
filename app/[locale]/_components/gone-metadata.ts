import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { localeAlternates } from '@/lib/i18n/metadata';

/** The <meta> that makes scripts/public-cache-headers.mjs answer a page with a 404 (NOT_FOUND_MARKER there). */
const NOT_FOUND_MARKER = { 'attest-status': '404' };

/**
 * The <head> of a page whose record is unknown or not public (it renders
 * PageGone): the same as app/global-not-found.tsx's, kept out of search
 * engines, plus the marker that makes it a 404.
 */
export async function goneMetadata(locale: Locale, path: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'notFound' });
  return { title: t('title'), robots: { index: false }, alternates: localeAlternates(path, locale), other: NOT_FOUND_MARKER };
}
