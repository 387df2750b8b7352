import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { publicPageMetadata } from '@/lib/seo/metadata';

/** The <head> of a page whose record stopped being public since the proxy checked it (it renders PageGone): kept out of search engines. */
export async function goneMetadata(locale: Locale, path: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'notFound' });
  return publicPageMetadata({ locale, path, title: t('title'), description: t('public.body'), noIndex: true });
}
