import { concatBatches, keysetBatches, streamBatches } from '../streaming/keyset-stream';
import { fileCount, fileRange, MAX_URLS_PER_SITEMAP, planSitemap, type SitemapCounts, type SitemapFile, type SitemapSection, sitemapFilePath, sitemapSections } from './plan';
import { countSitemapRecords, readSitemapRecords, readStaticPages, type RecordSection, type SitemapRecord, sitemapKeyAt } from './queries';
import { sitemapIndexXml, urlElements, URLSET_CLOSE, URLSET_OPEN } from './xml';

// /sitemap.xml and /sitemaps/{section}-{n}.xml (app/sitemap.xml, app/sitemaps).
// The file size and the batch size are options so that the tests can split
// a small corpus the way 100,000 claims would be.

export type SitemapOptions = {
  /** URLs per sitemap file (the protocol's 50,000). */
  urlsPerFile?: number;
  /** Rows read per query. */
  batchSize?: number;
};

const BATCH_SIZE = 1_000;

export type SitemapBody = { kind: 'urlset'; stream: ReadableStream<Uint8Array> } | { kind: 'index'; xml: string };

export async function countSitemap(): Promise<SitemapCounts> {
  const counts = await Promise.all(sitemapSections.map((section) => countSitemapRecords(section)));
  return Object.fromEntries(sitemapSections.map((section, index) => [section, counts[index] ?? 0])) as SitemapCounts;
}

/** /sitemap.xml: every URL while they fit in one file, else the index of the files. */
export async function rootSitemap(options: SitemapOptions = {}): Promise<SitemapBody> {
  const plan = planSitemap(await countSitemap(), options.urlsPerFile);
  if (plan.kind === 'index') return { kind: 'index', xml: sitemapIndexXml(plan.files.map(sitemapFilePath)) };
  return { kind: 'urlset', stream: urlsetStream(sitemapSections.map((section) => () => sectionBatches(section, 0, Infinity, options))) };
}

/** One file of the split sitemap, or null when the section has no such file. */
export async function sitemapFile(file: SitemapFile, options: SitemapOptions = {}): Promise<ReadableStream<Uint8Array> | null> {
  const urlsPerFile = options.urlsPerFile ?? MAX_URLS_PER_SITEMAP;
  if (file.number > fileCount(await countSitemapRecords(file.section), urlsPerFile)) return null;
  const { skip, take } = fileRange(file, urlsPerFile);
  return urlsetStream([() => sectionBatches(file.section, skip, take, options)]);
}

function urlsetStream(sections: (() => AsyncIterable<SitemapRecord[]>)[]): ReadableStream<Uint8Array> {
  return streamBatches({
    head: URLSET_OPEN,
    batches: concatBatches(sections),
    serialize: (records) => records.map((record) => urlElements(record)).join(''),
    tail: URLSET_CLOSE,
  });
}

async function* sectionBatches(section: SitemapSection, skip: number, take: number, options: SitemapOptions): AsyncGenerator<SitemapRecord[]> {
  if (section === 'pages') {
    // A handful of rows: one batch, never split.
    if (skip === 0) yield await readStaticPages();
    return;
  }
  const recordSection: RecordSection = section;
  const after = skip > 0 ? await sitemapKeyAt(recordSection, skip - 1) : null;
  if (skip > 0 && after === null) return;
  yield* keysetBatches({
    read: (key, count) => readSitemapRecords(recordSection, key, count),
    keyOf: (record) => record.key,
    batchSize: options.batchSize ?? BATCH_SIZE,
    after,
    limit: take,
  });
}

/** Crawlers read a sitemap about daily; shared caches may keep it as long as the public pages' cache. */
export const SITEMAP_HEADERS = {
  'Content-Type': 'application/xml; charset=utf-8',
  'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600',
} as const;
