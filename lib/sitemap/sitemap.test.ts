import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { siteSettings } from '../site/settings';
import { parseSitemapFileName, planSitemap, sitemapFilePath } from './plan';
import { rootSitemap, sitemapFile, type SitemapOptions } from './sitemap';

// The sitemap on the seeded corpus: every public page in both languages and
// nothing else, each with the date of the latest change a reader can see,
// and the same URLs once split into an index of small files.

let db: SeededDatabase;
const base = siteSettings().publicUrl;

type Url = { loc: string; lastmod: string | null; alternates: Record<string, string> };

function parseUrlset(xml: string): Url[] {
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"/);
  assert.ok(xml.endsWith('</urlset>\n'));
  return [...xml.matchAll(/<url>(.*?)<\/url>/g)].map(([, body = '']) => ({
    loc: /<loc>(.*?)<\/loc>/.exec(body)?.[1] ?? assert.fail(`no <loc> in ${body}`),
    lastmod: /<lastmod>(.*?)<\/lastmod>/.exec(body)?.[1] ?? null,
    alternates: Object.fromEntries([...body.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map(([, lang = '', href = '']) => [lang, href])),
  }));
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function unsplitXml(): Promise<string> {
  const sitemap = await rootSitemap();
  return sitemap.kind === 'urlset' ? text(sitemap.stream) : assert.fail('the seeded corpus fits in one file');
}

async function unsplit(): Promise<Url[]> {
  return parseUrlset(await unsplitXml());
}

/** The oracle, in SQL: what readers can open. */
async function publicClaims() {
  return db.sql<{ slug: string; status: string; lastmod: Date }[]>`
    SELECT c.slug, c.status, GREATEST(c.published_at, c.archived_at, max(v.published_at), max(k.published_at), max(r.closed_at)) AS lastmod
    FROM claims c
    LEFT JOIN verdicts v ON v.claim_id = c.id AND v.state IN ('PUBLISHED', 'SUPERSEDED')
    LEFT JOIN corrections k ON k.claim_id = c.id
    LEFT JOIN claim_revisions r ON r.claim_id = c.id AND r.state = 'APPROVED'
    WHERE c.status = 'PUBLISHED' OR (c.status = 'ARCHIVED' AND c.published_at IS NOT NULL)
    GROUP BY c.id`;
}

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

describe('sitemap.xml', () => {
  test('lists every public claim in both languages, with hreflang alternates and the latest visible change as lastmod', async () => {
    // Archived after publication: still readable at its URL, so still listed, dated by its archiving.
    const archivedAt = new Date('2026-03-04T05:06:07.000Z');
    await db.sql`UPDATE claims SET status = 'ARCHIVED', archived_at = ${archivedAt}, archive_reason = 'test' WHERE slug = 'rutte-unites-nord-coreennes-koursk'`;
    const urls = await unsplit();
    const byLoc = new Map(urls.map((url) => [url.loc, url]));
    const claims = await publicClaims();
    assert.ok(claims.length >= 10, 'the seed publishes most of its claims');
    for (const claim of claims) {
      const fr = byLoc.get(`${base}/claims/${claim.slug}`);
      const en = byLoc.get(`${base}/en/claims/${claim.slug}`);
      assert.ok(fr && en, `${claim.slug} is listed in both languages`);
      assert.equal(fr.lastmod, claim.lastmod.toISOString(), `${claim.slug}'s lastmod`);
      assert.equal(en.lastmod, fr.lastmod);
      const alternates = { fr: fr.loc, en: en.loc, 'x-default': fr.loc };
      assert.deepEqual(fr.alternates, alternates);
      assert.deepEqual(en.alternates, alternates);
    }
    assert.equal(byLoc.get(`${base}/claims/rutte-unites-nord-coreennes-koursk`)?.lastmod, archivedAt.toISOString());
    const claimLocs = urls.filter((url) => url.loc.includes('/claims/'));
    assert.equal(claimLocs.length, claims.length * 2, 'nothing else under /claims/');
    assert.equal(new Set(urls.map((url) => url.loc)).size, urls.length, 'no URL twice');
  });

  test('lists no draft and no claim in review', async () => {
    const hidden = await db.sql<{ slug: string }[]>`SELECT slug FROM claims WHERE status IN ('DRAFT', 'IN_REVIEW') OR published_at IS NULL`;
    assert.ok(hidden.length >= 3, 'the seed keeps drafts and claims in review');
    const xml = await unsplitXml();
    for (const { slug } of hidden) assert.equal(xml.includes(`/claims/${slug}<`), false, `${slug} is not listed`);
  });

  test('a corrected claim is dated by its correction', async () => {
    const [corrected] = await db.sql<{ slug: string; published_at: Date }[]>`
      SELECT c.slug, k.published_at FROM corrections k JOIN claims c ON c.id = k.claim_id ORDER BY k.published_at DESC LIMIT 1`;
    assert.ok(corrected, 'the seed has a correction');
    const url = (await unsplit()).find((entry) => entry.loc === `${base}/claims/${corrected.slug}`);
    assert.ok(url?.lastmod && url.lastmod >= corrected.published_at.toISOString());
  });

  test('lists the claimants who have a public claim and the sources public content quotes or cites, nothing more', async () => {
    const urls = await unsplit();
    const claimants = await db.sql<{ slug: string }[]>`
      SELECT DISTINCT p.slug FROM claimants p JOIN claims c ON c.claimant_id = p.id
      WHERE c.status = 'PUBLISHED' OR (c.status = 'ARCHIVED' AND c.published_at IS NOT NULL)`;
    const sources = await db.sql<{ id: string }[]>`
      SELECT DISTINCT s.id FROM sources s
      LEFT JOIN appearances a ON a.source_id = s.id LEFT JOIN claims c ON c.id = a.claim_id
      LEFT JOIN evidence e ON e.source_id = s.id LEFT JOIN verdicts v ON v.id = e.verdict_id AND v.state IN ('PUBLISHED', 'SUPERSEDED')
      LEFT JOIN claims vc ON vc.id = v.claim_id
      WHERE c.status = 'PUBLISHED' OR (c.status = 'ARCHIVED' AND c.published_at IS NOT NULL)
         OR vc.status = 'PUBLISHED' OR (vc.status = 'ARCHIVED' AND vc.published_at IS NOT NULL)`;
    const listed = (prefix: string) => urls.filter((url) => url.loc.startsWith(`${base}${prefix}`)).map((url) => url.loc.slice(base.length + prefix.length)).sort();
    assert.deepEqual(listed('/claimants/'), claimants.map((row) => row.slug).sort());
    assert.deepEqual(listed('/sources/'), sources.map((row) => row.id).sort());
    const unquoted = await db.sql<{ slug: string }[]>`SELECT slug FROM claimants p WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.claimant_id = p.id AND c.status IN ('PUBLISHED', 'ARCHIVED'))`;
    for (const { slug } of unquoted) assert.ok(!listed('/claimants/').includes(slug));
    for (const url of urls.filter((entry) => /\/(claimants|sources)\//.test(entry.loc))) assert.ok(url.lastmod, `${url.loc} has a lastmod`);
  });

  test('a source is dated by its metadata correction once that is its latest change', async () => {
    const [source] = await db.sql<{ id: string }[]>`SELECT source_id AS id FROM appearances LIMIT 1`;
    assert.ok(source);
    const corrected = new Date('2027-01-02T03:04:05.000Z');
    await db.sql`UPDATE sources SET updated_at = ${corrected} WHERE id = ${source.id}`;
    const url = (await unsplit()).find((entry) => entry.loc === `${base}/sources/${source.id}`);
    assert.equal(url?.lastmod, corrected.toISOString());
  });

  test('the home page and the static pages are listed in both languages', async () => {
    const locs = new Set((await unsplit()).map((url) => url.loc));
    for (const path of ['', '/claimants', '/corrections', '/methodology']) {
      assert.ok(locs.has(`${base}${path || '/'}`), `${path || '/'} in French`);
      assert.ok(locs.has(`${base}/en${path}`), `${path || '/'} in English`);
    }
  });
});

describe('split into a sitemap index', () => {
  // Ten URLs (five records) per file, read two rows at a time: the seeded
  // corpus splits the way 100,000 claims split at 50,000 URLs.
  const small: SitemapOptions = { urlsPerFile: 10, batchSize: 2 };

  test('below the limit /sitemap.xml is a urlset; past it, an index whose files hold every URL exactly once', async () => {
    const all = await unsplit();
    const index = await rootSitemap(small);
    assert.equal(index.kind, 'index');
    if (index.kind !== 'index') return;
    assert.match(index.xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const files = [...index.xml.matchAll(/<sitemap><loc>(.*?)<\/loc><\/sitemap>/g)].map(([, loc = '']) => loc);
    assert.ok(files.length > 3, `several files: ${files.join(' ')}`);
    const seen: Url[] = [];
    for (const loc of files) {
      assert.ok(loc.startsWith(`${base}/sitemaps/`), loc);
      const file = parseSitemapFileName(loc.slice(`${base}/sitemaps/`.length));
      assert.ok(file, loc);
      const stream = await sitemapFile(file, small);
      assert.ok(stream, `${loc} is served`);
      const urls = parseUrlset(await text(stream));
      assert.ok(urls.length > 0 && urls.length <= 10, `${loc} holds ${urls.length} URLs`);
      seen.push(...urls);
    }
    assert.deepEqual(seen.map((url) => url.loc).sort(), all.map((url) => url.loc).sort());
    assert.deepEqual(Object.fromEntries(seen.map((url) => [url.loc, url.lastmod])), Object.fromEntries(all.map((url) => [url.loc, url.lastmod])));
  });

  test('a file past the last one, or a name that is not a sitemap file, is not found', async () => {
    assert.equal(await sitemapFile({ section: 'claims', number: 99 }, small), null);
    assert.equal(await sitemapFile({ section: 'pages', number: 2 }, small), null);
    for (const name of ['claims-0.xml', 'claims-1', 'claims-01.xml', 'drafts-1.xml', '../claims-1.xml', 'claims-1.xml.gz', 'claims-99999999.xml']) {
      assert.equal(parseSitemapFileName(name), null, name);
    }
    assert.deepEqual(parseSitemapFileName('sources-12.xml'), { section: 'sources', number: 12 });
  });

  test('the plan: one file per 25,000 records of a section at the protocol limit', () => {
    assert.deepEqual(planSitemap({ pages: 4, claims: 24_000, claimants: 900, sources: 96 }), { kind: 'urlset' });
    const plan = planSitemap({ pages: 4, claims: 100_000, claimants: 3_000, sources: 20_000 });
    assert.equal(plan.kind, 'index');
    if (plan.kind !== 'index') return;
    assert.deepEqual(plan.files.map(sitemapFilePath), [
      '/sitemaps/pages-1.xml',
      '/sitemaps/claims-1.xml',
      '/sitemaps/claims-2.xml',
      '/sitemaps/claims-3.xml',
      '/sitemaps/claims-4.xml',
      '/sitemaps/claimants-1.xml',
      '/sitemaps/sources-1.xml',
    ]);
  });
});
