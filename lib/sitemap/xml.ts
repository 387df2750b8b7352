import { hreflangPaths } from '../i18n/metadata';
import { locales, localizedPath } from '../i18n/locales';
import { absoluteUrl, type SiteSettings, siteSettings } from '../site/settings';

// The sitemaps protocol's XML, written batch by batch as rows are read (the
// file convention app/sitemap.ts builds the whole file as one string, and
// Next.js writes no sitemap index). Only URLs and dates go in, escaped.

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
export const URLSET_OPEN = `${DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n`;
export const URLSET_CLOSE = '</urlset>\n';

export type SitemapEntry = { path: string; lastModified: Date | null };

/**
 * A page in every interface language: one <url> per language, each naming
 * all of them (and x-default) as hreflang alternates, as Google asks; the
 * same links the page's <head> carries (lib/i18n/metadata.ts).
 */
export function urlElements(entry: SitemapEntry, settings: SiteSettings = siteSettings()): string {
  const links = Object.entries(hreflangPaths(entry.path))
    .map(([language, path]) => `<xhtml:link rel="alternate" hreflang="${language}" href="${escapeXml(absoluteUrl(path, settings))}"/>`)
    .join('');
  const lastmod = entry.lastModified ? `<lastmod>${entry.lastModified.toISOString()}</lastmod>` : '';
  return locales
    .map((locale) => `<url><loc>${escapeXml(absoluteUrl(localizedPath(entry.path, locale), settings))}</loc>${lastmod}${links}</url>\n`)
    .join('');
}

export function sitemapIndexXml(paths: string[], settings: SiteSettings = siteSettings()): string {
  const entries = paths.map((path) => `<sitemap><loc>${escapeXml(absoluteUrl(path, settings))}</loc></sitemap>\n`).join('');
  return `${DECLARATION}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</sitemapindex>\n`;
}
