import { createHash, randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { createContestableClaim, createDispute } from '../seed/factories/disputes';
import { prisma, sql } from './fixtures/database';
import { expect, test, type APIRequestContext, type Page } from './fixtures/test';

// What search engines, social networks and researchers read: robots.txt,
// the sitemap, every public page's cards and canonical link, the share image
// of a fact check, and the exports.
test.use({ javaScriptEnabled: false });

const KREMLIN = 'kremlin-soldats-nord-coreens-fausses-nouvelles';
const ABSOLUTE = /^https?:\/\/[^/]+(\/|$)/;

async function publicSlugs(): Promise<string[]> {
  const rows = await sql<{ slug: string }[]>`
    SELECT slug FROM claims WHERE status = 'PUBLISHED' OR (status = 'ARCHIVED' AND published_at IS NOT NULL) ORDER BY slug`;
  return rows.map((row) => row.slug);
}

/** The path and query of an absolute URL on this site (the site's configured address may name another host). */
function local(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** An XML answer parsed by the browser's strict parser: the locs it lists, or the parser's complaint. */
async function parseXml(page: Page, xml: string): Promise<{ error: string | null; root: string; locs: { loc: string; lastmod: string | null; hreflangs: string[] }[] }> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const entries = [...doc.documentElement.children].map((entry) => ({
      loc: entry.getElementsByTagName('loc')[0]?.textContent ?? '',
      lastmod: entry.getElementsByTagName('lastmod')[0]?.textContent ?? null,
      hreflangs: [...entry.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')].map((link) => link.getAttribute('hreflang') ?? ''),
    }));
    return { error, root: doc.documentElement.localName, locs: entries };
  }, xml);
}

type Cards = Record<string, string | null>;

async function cards(page: Page): Promise<Cards> {
  const selectors: Record<string, [string, 'content' | 'href']> = {
    description: ['meta[name="description"]', 'content'],
    canonical: ['link[rel="canonical"]', 'href'],
    hreflangFr: ['link[rel="alternate"][hreflang="fr"]', 'href'],
    hreflangEn: ['link[rel="alternate"][hreflang="en"]', 'href'],
    hreflangDefault: ['link[rel="alternate"][hreflang="x-default"]', 'href'],
    ogTitle: ['meta[property="og:title"]', 'content'],
    ogDescription: ['meta[property="og:description"]', 'content'],
    ogUrl: ['meta[property="og:url"]', 'content'],
    ogType: ['meta[property="og:type"]', 'content'],
    ogLocale: ['meta[property="og:locale"]', 'content'],
    ogSiteName: ['meta[property="og:site_name"]', 'content'],
    ogImage: ['meta[property="og:image"]', 'content'],
    ogImageAlt: ['meta[property="og:image:alt"]', 'content'],
    publishedTime: ['meta[property="article:published_time"]', 'content'],
    twitterCard: ['meta[name="twitter:card"]', 'content'],
    twitterTitle: ['meta[name="twitter:title"]', 'content'],
    twitterImage: ['meta[name="twitter:image"]', 'content'],
    robots: ['meta[name="robots"]', 'content'],
  };
  // The whole document, not only <head>: Next.js streams a dynamic page's metadata after its
  // head to browsers (to the crawlers it knows, it sends it in <head>: checked below).
  const found = await page.evaluate(
    (wanted) => Object.fromEntries(Object.entries(wanted).map(([name, [selector, attribute]]) => [name, document.querySelector(selector)?.getAttribute(attribute) ?? null])),
    selectors,
  );
  return { title: await page.title(), ...found };
}

/** The cards every public page carries, in its language, pointing at itself. */
function expectCommonCards(found: Cards, path: string, prefix: '' | '/en') {
  const here = `${prefix}${path === '/' && prefix ? '' : path}`;
  expect(found.canonical).toMatch(ABSOLUTE);
  expect(local(found.canonical ?? '')).toBe(here || '/');
  expect(found.ogUrl).toBe(found.canonical);
  expect(local(found.hreflangFr ?? '')).toBe(path);
  expect(local(found.hreflangEn ?? '')).toBe(path === '/' ? '/en' : `/en${path}`);
  expect(found.hreflangDefault).toBe(found.hreflangFr);
  expect(found.ogLocale).toBe(prefix ? 'en_GB' : 'fr_FR');
  expect(found.ogSiteName).toBeTruthy();
  expect(found.ogTitle).toBeTruthy();
  expect(found.description).toBeTruthy();
  expect(found.ogDescription).toBe(found.description);
  expect(found.twitterTitle).toBe(found.ogTitle);
  expect(found.twitterCard).toMatch(/^summary(_large_image)?$/);
}

async function pngSize(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  const body = await response.body();
  return {
    status: response.status(),
    type: response.headers()['content-type'],
    cacheControl: response.headers()['cache-control'] ?? '',
    bytes: body.length,
    signature: body.subarray(0, 8).toString('hex'),
    width: body.length > 24 ? body.readUInt32BE(16) : 0,
    height: body.length > 24 ? body.readUInt32BE(20) : 0,
    hash: createHash('sha256').update(body).digest('hex'),
  };
}

test.describe('robots.txt and the sitemap', () => {
  test('robots.txt lets crawlers read the public site, keeps the newsroom and the API out, and names the sitemap by its absolute URL', async ({ request }) => {
    const response = await request.get('/robots.txt');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^User-Agent: \*$/m);
    expect(text).toMatch(/^Allow: \/$/m);
    for (const path of ['/dashboard', '/login', '/api/']) expect(text).toMatch(new RegExp(`^Disallow: ${path}$`, 'm'));
    expect(text).not.toMatch(/Disallow: \/(feeds|claims|sources|en)\b/);
    expect(text).toMatch(/^Sitemap: https?:\/\/[^/\s]+\/sitemap\.xml$/m);
  });

  test('sitemap.xml is well-formed and lists every published claim in both languages, with lastmod and hreflang, and nothing unpublished', async ({ page, request }) => {
    const response = await request.get('/sitemap.xml');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
    expect(response.headers()['cache-control']).toMatch(/^public/);
    await page.goto('/');
    const { error, root, locs } = await parseXml(page, await response.text());
    expect(error).toBeNull();
    expect(root).toBe('urlset');
    const paths = new Map(locs.map((entry) => [local(entry.loc), entry]));
    for (const slug of await publicSlugs()) {
      for (const path of [`/claims/${slug}`, `/en/claims/${slug}`]) {
        const entry = paths.get(path);
        expect(entry, path).toBeDefined();
        expect(entry?.lastmod).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(entry?.hreflangs.sort()).toEqual(['en', 'fr', 'x-default']);
      }
    }
    const hidden = await sql<{ slug: string }[]>`SELECT slug FROM claims WHERE status IN ('DRAFT', 'IN_REVIEW')`;
    expect(hidden.length).toBeGreaterThan(0);
    for (const { slug } of hidden) expect(paths.has(`/claims/${slug}`), slug).toBe(false);
    expect(paths.has('/')).toBe(true);
    expect(paths.has('/en')).toBe(true);

    // What it lists opens: a claim and a source page, in each language.
    const claim = [...paths.keys()].find((path) => path.startsWith('/en/claims/')) ?? '';
    const source = [...paths.keys()].find((path) => path.startsWith('/sources/')) ?? '';
    for (const path of [claim, claim.replace(/^\/en/, ''), source, `/en${source}`]) expect((await request.get(path)).status(), path).toBe(200);
  });

  test('a sitemap file is served by its name; an unknown one is a 404', async ({ request }) => {
    const file = await request.get('/sitemaps/claims-1.xml');
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain(`/claims/${KREMLIN}</loc>`);
    for (const path of ['/sitemaps/claims-99.xml', '/sitemaps/drafts-1.xml', '/sitemaps/claims-0.xml', '/sitemaps/%E0%A4%A.xml', `/sitemaps/${'x'.repeat(3000)}.xml`]) {
      const missing = await request.get(path);
      expect(missing.status(), path).toBe(404);
    }
  });
});

test.describe('cards and canonical links', () => {
  for (const prefix of ['', '/en'] as const) {
    test(`the home page, a fact check and a source page, ${prefix ? 'in English' : 'in French'}`, async ({ page, request }) => {
      const [source] = await sql<{ id: string }[]>`SELECT a.source_id AS id FROM appearances a JOIN claims c ON c.id = a.claim_id WHERE c.slug = ${KREMLIN} LIMIT 1`;
      await page.goto(prefix || '/');
      expectCommonCards(await cards(page), '/', prefix);

      await page.goto(`${prefix}/claims/${KREMLIN}`);
      const claim = await cards(page);
      expectCommonCards(claim, `/claims/${KREMLIN}`, prefix);
      expect(claim.ogType).toBe('article');
      expect(claim.ogTitle).toBe('Le Kremlin qualifie de « fausses nouvelles » la présence nord-coréenne');
      // The description is the rating and the verdict's headline, the rating in the page's language.
      expect(claim.description).toMatch(prefix ? /^Mostly false: / : /^Plutôt faux\u00a0: /);
      expect(claim.twitterCard).toBe('summary_large_image');
      expect(claim.ogImage).toMatch(ABSOLUTE);
      expect(claim.twitterImage).toBe(claim.ogImage);
      expect(claim.ogImageAlt).toContain(prefix ? 'Mostly false' : 'Plutôt faux');
      expect(local(claim.ogImage ?? '')).toMatch(new RegExp(`^${prefix}/claims/${KREMLIN}/share-image\\?v=[0-9a-f]{12}$`));
      expect(claim.publishedTime).toMatch(/^\d{4}-/);

      const image = await pngSize(request, local(claim.ogImage ?? ''));
      expect(image).toMatchObject({ status: 200, type: 'image/png', signature: '89504e470d0a1a0a', width: 1200, height: 630 });
      expect(image.bytes).toBeGreaterThan(15_000);
      expect(image.bytes).toBeLessThan(1_000_000);
      expect(image.cacheControl).toMatch(/^public, max-age=\d+/);

      await page.goto(`${prefix}/sources/${source?.id ?? ''}`);
      const sourceCards = await cards(page);
      expectCommonCards(sourceCards, `/sources/${source?.id ?? ''}`, prefix);
      expect(sourceCards.robots).toBeNull();
    });
  }

  test('social networks’ crawlers get the cards in <head>', async ({ request }) => {
    for (const agent of ['facebookexternalhit/1.1', 'Twitterbot/1.0', 'LinkedInBot/1.0']) {
      const html = await (await request.get(`/claims/${KREMLIN}`, { headers: { 'User-Agent': agent } })).text();
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head, agent).toMatch(/<meta property="og:image" content="https?:\/\/[^"]+\/share-image\?v=[0-9a-f]{12}"/);
      expect(head, agent).toContain('<meta name="twitter:card" content="summary_large_image"/>');
      expect(head, agent).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/claims\/kremlin-/);
    }
  });

  test('the share image is drawn in the page’s language, and a claim readers cannot open has none', async ({ request }) => {
    const french = await pngSize(request, `/claims/${KREMLIN}/share-image`);
    const english = await pngSize(request, `/en/claims/${KREMLIN}/share-image`);
    expect(french.status).toBe(200);
    expect(english.status).toBe(200);
    expect(english.hash).not.toBe(french.hash);
    const [draft] = await sql<{ slug: string }[]>`SELECT slug FROM claims WHERE status = 'DRAFT' LIMIT 1`;
    for (const path of [`/claims/${draft?.slug ?? ''}/share-image`, '/claims/pas-une-affirmation/share-image', '/en/claims/pas-une-affirmation/share-image']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
    }
  });

  test('the contest form and a reader’s follow-up page carry cards but stay out of search engines', async ({ page }) => {
    const token = randomBytes(32).toString('base64url');
    const [author] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = 'seed-author@attest.local'`;
    const [reviewer] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = 'seed-reviewer@attest.local'`;
    const claim = await createContestableClaim(prisma, { authorId: author?.id ?? '', reviewerId: reviewer?.id ?? '' });
    const dispute = await createDispute(prisma, { claimId: claim.id, verdictId: claim.verdictId });
    await sql`UPDATE disputes SET follow_up_token_hash = ${createHash('sha256').update(token).digest('hex')} WHERE id = ${dispute.id}`;
    for (const prefix of ['', '/en'] as const) {
      for (const path of [`/claims/${claim.slug}/contest`, `/disputes/${token}`]) {
        await page.goto(`${prefix}${path}`);
        const found = await cards(page);
        expectCommonCards(found, path, prefix);
        expect(found.robots).toBe('noindex, nofollow');
      }
    }
  });

  test('an address that names nothing is a 404 that search engines do not index', async ({ page }) => {
    for (const path of ['/claims/pas-une-affirmation', '/en/sources/pas-une-source']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      // (Next.js adds its own noindex to a 404 besides the page's: both say the same.)
      expect(await page.locator('meta[name="robots"]').evaluateAll((tags) => [...new Set(tags.map((tag) => tag.getAttribute('content')))])).toEqual(['noindex']);
    }
  });
});

test.describe('exports for researchers', () => {
  test('claims.csv is a UTF-8 download with a byte-order mark, one row per published claim', async ({ request }) => {
    const response = await request.get('/api/exports/claims.csv');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="attest-claims-\d{4}-\d\d-\d\d\.csv"$/);
    const body = await response.body();
    expect(body.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const rows = parse(body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.slug).sort()).toEqual(await publicSlugs());
    const kremlin = rows.find((row) => row.slug === KREMLIN);
    expect(kremlin?.summary).toBe('Le Kremlin qualifie de « fausses nouvelles » la présence nord-coréenne');
    expect(kremlin?.rating_key).toBeTruthy();

    const semicolon = await request.get('/api/exports/claims.csv?separator=semicolon');
    expect((await semicolon.text()).split('\r\n')[0]).toMatch(/^\uFEFF?slug;url;status;/);
    const refused = await request.get('/api/exports/claims.csv?separator=tab');
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.message).toBe('separator: The separator must be “comma” or “semicolon”.');
  });

  test('claims.jsonl is one JSON object per published claim, a line each', async ({ request }) => {
    const response = await request.get('/api/exports/claims.jsonl');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/jsonl; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="attest-claims-\d{4}-\d\d-\d\d\.jsonl"$/);
    const lines = (await response.text()).split('\n').filter(Boolean);
    const records = lines.map((line) => JSON.parse(line) as { slug: string; appearances: { source: { sha256: string } }[] });
    expect(records.map((record) => record.slug).sort()).toEqual(await publicSlugs());
    expect(records.every((record) => record.appearances.every((appearance) => /^[0-9a-f]{64}$/.test(appearance.source.sha256)))).toBe(true);
  });
});
