import { expect, test, type APIRequestContext, type Page } from './fixtures/test';
import { sql } from './fixtures/database';

// The fact-check feeds as a feed reader fetches them: RSS 2.0, Atom and JSON
// Feed of the latest fact checks, one claimant's and one tag's, in French
// (/feeds/…) and English (/en/feeds/…). They must parse, hold the seeded
// published fact checks and nothing unpublished, and the pages they follow
// must point to them.

type Entry = { title: string; link: string; description: string; date: string; categories: string[]; author: string };

const TROOPS = 'troupes nord-coréennes';

/** Parses a feed with the browser's own XML parser (or JSON.parse), into the fields a reader shows. */
async function parseFeed(page: Page, format: 'rss' | 'atom' | 'json', body: string): Promise<{ title: string; entries: Entry[] }> {
  const feed = await parseFeedMarkup(page, format, body);
  // Every format carries the description as HTML: a feed reader shows its text.
  const texts = await page.evaluate(
    (htmls) => htmls.map((html) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? ''),
    feed.entries.map((entry) => entry.description),
  );
  return { ...feed, entries: feed.entries.map((entry, index) => ({ ...entry, description: texts[index] ?? '' })) };
}

async function parseFeedMarkup(page: Page, format: 'rss' | 'atom' | 'json', body: string): Promise<{ title: string; entries: Entry[] }> {
  if (format === 'json') {
    const feed = JSON.parse(body) as {
      version: string;
      title: string;
      items: { title: string; url: string; content_html: string; date_modified: string; tags?: string[]; author?: { name: string } }[];
    };
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    return {
      title: feed.title,
      entries: feed.items.map((item) => ({
        title: item.title,
        link: item.url,
        description: item.content_html,
        date: item.date_modified,
        categories: item.tags ?? [],
        author: item.author?.name ?? '',
      })),
    };
  }
  return page.evaluate(
    ([text, kind]) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) throw new Error(`not well-formed XML: ${doc.querySelector('parsererror')?.textContent}`);
      const read = (parent: Element, name: string) => parent.getElementsByTagName(name)[0]?.textContent ?? '';
      if (kind === 'rss') {
        const channel = doc.getElementsByTagName('channel')[0];
        if (!channel || doc.documentElement.getAttribute('version') !== '2.0') throw new Error('not RSS 2.0');
        return {
          title: read(channel, 'title'),
          entries: [...channel.getElementsByTagName('item')].map((item) => ({
            title: read(item, 'title'),
            link: read(item, 'link'),
            description: read(item, 'description'),
            date: new Date(read(item, 'pubDate')).toISOString(),
            categories: [...item.getElementsByTagName('category')].map((category) => category.textContent ?? ''),
            author: read(item, 'author'),
          })),
        };
      }
      if (doc.documentElement.namespaceURI !== 'http://www.w3.org/2005/Atom') throw new Error('not Atom');
      return {
        title: read(doc.documentElement, 'title'),
        entries: [...doc.getElementsByTagName('entry')].map((entry) => ({
          title: read(entry, 'title'),
          link: entry.getElementsByTagName('link')[0]?.getAttribute('href') ?? '',
          description: read(entry, 'summary'),
          date: new Date(read(entry, 'updated')).toISOString(),
          categories: [...entry.getElementsByTagName('category')].map((category) => category.getAttribute('term') ?? ''),
          author: read(entry.getElementsByTagName('author')[0] ?? entry, 'name'),
        })),
      };
    },
    [body, format] as const,
  );
}

async function fetchFeed(request: APIRequestContext, page: Page, path: string, format: 'rss' | 'atom' | 'json') {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const type = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' }[format];
  expect(response.headers()['content-type']).toBe(`${type}; charset=utf-8`);
  return parseFeed(page, format, await response.text());
}

type Expected = { slug: string; summary: string; headline: string; published: Date; label_fr: string; label_en: string; claimant: string; tags: string[] };

/** The published fact checks (published claim, current published verdict) the condition selects, from the tables. */
async function factChecks(condition: ReturnType<typeof sql>): Promise<Expected[]> {
  return sql<Expected[]>`
    SELECT c.slug, c.summary, v.headline, v.published_at AS published, r.label_fr, r.label_en, ct.name AS claimant, c.tags
    FROM claims c JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED' JOIN ratings r ON r.id = v.rating_id
    JOIN claimants ct ON ct.id = c.claimant_id
    WHERE c.status = 'PUBLISHED' AND ${condition}`;
}

async function unpublishedSlugs(): Promise<string[]> {
  const rows = await sql<{ slug: string }[]>`SELECT slug FROM claims WHERE status <> 'PUBLISHED'`;
  return rows.map((row) => row.slug);
}

const slugOf = (link: string) => decodeURIComponent(new URL(link).pathname.split('/claims/')[1] ?? '');

test.describe('fact-check feeds', () => {
  for (const format of ['rss', 'atom', 'json'] as const) {
    test(`the latest fact checks as ${format}: every seeded published fact check, as a reader sees it, and nothing unpublished`, async ({ page, request }) => {
      const expected = await factChecks(sql`true`);
      expect(expected.length).toBeGreaterThan(5);
      expect(expected.length).toBeLessThanOrEqual(50);
      const unpublished = await unpublishedSlugs();
      expect(unpublished.length).toBeGreaterThan(0);

      for (const locale of ['fr', 'en'] as const) {
        const prefix = locale === 'en' ? '/en' : '';
        const feed = await fetchFeed(request, page, `${prefix}/feeds/fact-checks/${format}`, format);
        expect(feed.title).toMatch(locale === 'fr' ? /dernières vérifications/ : /latest fact checks/);
        expect(feed.entries.map((entry) => slugOf(entry.link)).sort()).toEqual(expected.map((e) => e.slug).sort());
        expect(feed.entries.some((entry) => unpublished.includes(slugOf(entry.link)))).toBe(false);
        for (const entry of feed.entries) {
          const claim = expected.find((e) => e.slug === slugOf(entry.link));
          if (!claim) throw new Error(`unexpected entry ${entry.link}`);
          expect(new URL(entry.link).pathname).toBe(`${prefix}/claims/${claim.slug}`);
          expect(entry.title).toBe(claim.summary);
          const label = locale === 'fr' ? claim.label_fr : claim.label_en;
          expect(entry.description).toBe(`${label}${locale === 'fr' ? '\u00a0:' : ':'} ${claim.headline}`);
          // RSS dates have whole seconds.
          expect(entry.date.slice(0, 19)).toBe(claim.published.toISOString().slice(0, 19));
          expect(entry.author).toBe(claim.claimant);
          expect(entry.categories).toEqual(claim.tags);
        }
        // Newest verdict first.
        expect(feed.entries.map((entry) => entry.date)).toEqual([...feed.entries.map((entry) => entry.date)].sort().reverse());
      }
    });
  }

  test('a claimant’s feed and a tag’s feed hold exactly theirs', async ({ page, request }) => {
    const blinken = await fetchFeed(request, page, '/en/feeds/claimants/antony-blinken/atom', 'atom');
    expect(blinken.title).toMatch(/Antony Blinken/);
    const his = await factChecks(sql`c.claimant_id = (SELECT id FROM claimants WHERE slug = 'antony-blinken')`);
    expect(blinken.entries.map((entry) => slugOf(entry.link)).sort()).toEqual(his.map((e) => e.slug).sort());
    // The corrected claim is dated by its correction, and says its current rating.
    const corrected = blinken.entries.find((entry) => entry.link.endsWith('/claims/blinken-10-000-soldats-nord-coreens-en-russie'));
    expect(corrected?.description).toMatch(/^Mostly true: /);

    const tag = await fetchFeed(request, page, `/feeds/tags/${encodeURIComponent(TROOPS)}/rss`, 'rss');
    const tagged = await factChecks(sql`${TROOPS} = ANY(c.tags)`);
    expect(tag.entries.map((entry) => slugOf(entry.link)).sort()).toEqual(tagged.map((e) => e.slug).sort());
    expect(tag.entries.every((entry) => entry.categories.includes(TROOPS))).toBe(true);
    const json = await fetchFeed(request, page, `/en/feeds/tags/${encodeURIComponent(TROOPS)}/json`, 'json');
    expect(json.entries.length).toBe(tagged.length);
  });

  test('an unknown claimant, tag or format is a plain 404, not a page and not a 500', async ({ request }) => {
    const paths = [
      '/feeds/claimants/personne-inconnue/rss',
      '/en/feeds/claimants/volodymyr-zelensky/atom', // only drafts
      '/feeds/tags/koursk/json',
      '/feeds/tags/%00/rss',
      `/feeds/tags/${'x'.repeat(300)}/rss`,
      '/feeds/fact-checks/xml',
      '/en/feeds/fact-checks/rss2',
      '/feeds/claimants/kremlin/html',
    ];
    for (const path of paths) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()['content-type'], path).toBe('text/plain; charset=utf-8');
      expect(await response.text(), path).toMatch(/^(Aucun flux à cette adresse\.|No feed at this address\.)$/);
    }
  });
});

test.describe('pages name the feeds that follow them', () => {
  test.use({ javaScriptEnabled: false });

  const pages = [
    { path: '/', feed: '/feeds/fact-checks' },
    { path: '/en', feed: '/en/feeds/fact-checks' },
    { path: '/claimants/kremlin', feed: '/feeds/claimants/kremlin' },
    { path: '/en/claimants/kremlin', feed: '/en/feeds/claimants/kremlin' },
    { path: '/tags/Koursk', feed: '/feeds/tags/Koursk' },
    { path: '/en/tags/Koursk', feed: '/en/feeds/tags/Koursk' },
  ];
  for (const { path, feed } of pages) {
    test(`${path} links its feeds in <head> and on the page`, async ({ page, request }) => {
      await page.goto(path);
      for (const [format, type] of [['rss', 'application/rss+xml'], ['atom', 'application/atom+xml'], ['json', 'application/feed+json']] as const) {
        const link = page.locator(`head link[rel="alternate"][type="${type}"]`);
        await expect(link).toHaveCount(1);
        // Absolute on ATTEST_PUBLIC_URL (metadataBase), which is not this test server's address: fetch its path.
        const href = new URL((await link.getAttribute('href')) ?? '', page.url()).pathname;
        expect(href).toBe(`${feed}/${format}`);
        expect((await request.get(href)).status()).toBe(200);
        await expect(page.locator(`main a[href="${feed}/${format}"]`)).toBeVisible();
      }
    });
  }
});
