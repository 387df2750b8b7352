import { locales } from '../i18n/locales';

// How the sitemap is cut into files. The sitemaps protocol caps a file at
// 50,000 URLs: below that, /sitemap.xml lists every URL itself; past it,
// /sitemap.xml becomes a sitemap index of /sitemaps/{section}-{n}.xml files.
// Each record (a claim, a claimant, a source, a static page) is one URL per
// interface language, so a file holds 50,000 / 2 records. Sections are cut
// apart so that a file's rows come from one table, read by keyset on its id.

export const sitemapSections = ['pages', 'claims', 'claimants', 'sources'] as const;
export type SitemapSection = (typeof sitemapSections)[number];

export const MAX_URLS_PER_SITEMAP = 50_000;

export type SitemapCounts = Record<SitemapSection, number>;

/** One file of a split sitemap: the section's `number`th slice (1-based). */
export type SitemapFile = { section: SitemapSection; number: number };

export type SitemapPlan = { kind: 'urlset' } | { kind: 'index'; files: SitemapFile[] };

/** Records per file, given that each record is one URL per interface language. */
export function recordsPerFile(urlsPerFile: number = MAX_URLS_PER_SITEMAP): number {
  return Math.max(1, Math.floor(urlsPerFile / locales.length));
}

export function planSitemap(counts: SitemapCounts, urlsPerFile: number = MAX_URLS_PER_SITEMAP): SitemapPlan {
  const records = sitemapSections.reduce((sum, section) => sum + counts[section], 0);
  if (records <= recordsPerFile(urlsPerFile)) return { kind: 'urlset' };
  return {
    kind: 'index',
    files: sitemapSections.flatMap((section) =>
      Array.from({ length: fileCount(counts[section], urlsPerFile) }, (_, index) => ({ section, number: index + 1 })),
    ),
  };
}

export function fileCount(records: number, urlsPerFile: number = MAX_URLS_PER_SITEMAP): number {
  return Math.ceil(records / recordsPerFile(urlsPerFile));
}

/** The records of a file: skip this many in id order, then take up to this many. */
export function fileRange(file: SitemapFile, urlsPerFile: number = MAX_URLS_PER_SITEMAP): { skip: number; take: number } {
  const take = recordsPerFile(urlsPerFile);
  return { skip: (file.number - 1) * take, take };
}

export function sitemapFilePath(file: SitemapFile): string {
  return `/sitemaps/${file.section}-${file.number}.xml`;
}

const FILE_NAME = new RegExp(`^(${sitemapSections.join('|')})-([1-9][0-9]{0,6})\\.xml$`);

/** The file a /sitemaps/{name} address names, or null (then: 404). */
export function parseSitemapFileName(name: string): SitemapFile | null {
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  return { section: match[1] as SitemapSection, number: Number(match[2]) };
}
