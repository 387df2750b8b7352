import { expect, test, type Page, expectFitsAndPassesAxeAtBothWidths } from './fixtures/test';

// /corrections and its feeds, on the seed's correction (the Blinken claim:
// "Invérifiable" became "Plutôt vrai" once NATO, Seoul and Kyiv concurred).
// What a reader reads is checked without JavaScript; axe and the layout are
// checked on the hydrated page (axe cannot run where scripts are off).

type Locale = 'fr' | 'en';
const localized = (path: string, locale: Locale) => (locale === 'fr' ? path : `/en${path}`);
const SUMMARY = 'Blinken : 10 000 soldats nord-coréens sont entrés en Russie';
const CLAIM_PATH = '/claims/blinken-10-000-soldats-nord-coreens-en-russie';
const NOTE = /la note passe de « Invérifiable » à « Plutôt vrai »/;
const text = {
  fr: { title: 'Correctifs', from: 'Invérifiable', to: 'Plutôt vrai', date: /corrigé le 6 décembre 2024/ },
  en: { title: 'Corrections', from: 'Unproven', to: 'Mostly true', date: /corrected on December 6, 2024/ },
} as const;

/** The feeds the page announces in <head>, by type, as paths on this server. */
async function announcedFeeds(page: Page): Promise<Record<string, string>> {
  const links = await page.locator('head link[rel="alternate"][type]').evaluateAll((elements) =>
    elements.map((element) => [element.getAttribute('type') ?? '', element.getAttribute('href') ?? '']),
  );
  return Object.fromEntries(links.map(([type, href]) => [type, new URL(href ?? '', 'http://any').pathname]));
}

test.describe('the corrections log', () => {
  test.use({ javaScriptEnabled: false });

  for (const locale of ['fr', 'en'] as const) {
    test(`lists the seeded correction with its claim, ratings, date and note, in ${locale}`, async ({ page }) => {
      const response = await page.goto(localized('/corrections', locale));
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text[locale].title);

      const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: SUMMARY }) });
      await expect(entry).toHaveCount(1);
      await expect(entry.getByRole('heading', { level: 2 })).toHaveAttribute('lang', 'fr');
      await expect(entry.getByText(text[locale].from, { exact: true })).toBeVisible();
      await expect(entry.getByText(text[locale].to, { exact: true })).toBeVisible();
      await expect(entry.getByText(text[locale].date)).toBeVisible();
      await expect(entry.getByText(NOTE)).toHaveAttribute('lang', 'fr');
      // The ratings, before then after, each leading to its definition.
      const badges = await entry.locator('a.rating').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(badges).toEqual([localized('/methodology#rating-unproven', locale), localized('/methodology#rating-mostly-true', locale)]);

      await entry.getByRole('link', { name: SUMMARY }).click();
      expect(new URL(page.url()).pathname).toBe(localized(CLAIM_PATH, locale));
    });
  }

  test('its RSS, Atom and JSON feeds, announced in <head>, carry the seeded correction', async ({ page, request }) => {
    await page.goto('/corrections');
    const feeds = await announcedFeeds(page);
    expect(feeds).toEqual({
      'application/rss+xml': '/feeds/corrections/rss',
      'application/atom+xml': '/feeds/corrections/atom',
      'application/feed+json': '/feeds/corrections/json',
    });

    const rss = await request.get(feeds['application/rss+xml'] ?? '');
    expect(rss.status()).toBe(200);
    expect(rss.headers()['content-type']).toContain('application/rss+xml');
    const rssText = await rss.text();
    expect(rssText).toContain(`<title><![CDATA[Correctif\u00a0: ${SUMMARY} (Invérifiable → Plutôt vrai)]]></title>`);
    expect(rssText).toMatch(NOTE);
    expect(rssText).toContain(`${CLAIM_PATH}</link>`);

    const atom = await request.get(feeds['application/atom+xml'] ?? '');
    expect(atom.headers()['content-type']).toContain('application/atom+xml');
    const atomText = await atom.text();
    expect(atomText).toContain(`Correctif\u00a0: ${SUMMARY} (Invérifiable → Plutôt vrai)`);
    expect(atomText).toMatch(NOTE);

    const json = await request.get(feeds['application/feed+json'] ?? '');
    expect(json.headers()['content-type']).toContain('application/feed+json');
    const feed = (await json.json()) as { version: string; items: { id: string; url: string; title: string; content_html?: string; summary?: string; date_modified?: string }[] };
    expect(feed.version).toMatch(/jsonfeed\.org\/version\/1/);
    const item = feed.items.find((candidate) => candidate.title.includes(SUMMARY));
    expect(item?.title).toBe(`Correctif\u00a0: ${SUMMARY} (Invérifiable → Plutôt vrai)`);
    expect(new URL(item?.url ?? '').pathname).toBe(CLAIM_PATH);
    expect(item?.id).toMatch(/\/corrections#correction-/);
    expect(JSON.stringify(item)).toMatch(NOTE);
  });

  test('the English feed names the ratings in English; an unknown format is a 404', async ({ request }) => {
    const json = (await (await request.get('/en/feeds/corrections/json')).json()) as { title: string; items: { title: string; url: string }[] };
    expect(json.title).toMatch(/^Corrections/);
    const item = json.items.find((candidate) => candidate.title.includes(SUMMARY));
    expect(item?.title).toBe(`Correction: ${SUMMARY} (Unproven → Mostly true)`);
    expect(new URL(item?.url ?? '').pathname).toBe(`/en${CLAIM_PATH}`);

    const unknown = await request.get('/feeds/corrections/xml');
    expect(unknown.status()).toBe(404);
  });
});

test.describe('the corrections log, hydrated', () => {
  for (const locale of ['fr', 'en'] as const) {
    test(`has no axe violation and fits a 390 px screen, in ${locale}`, async ({ page }) => {
      await page.goto(localized('/corrections', locale));
      await expect(page.getByRole('heading', { name: SUMMARY })).toBeVisible();
      await expectFitsAndPassesAxeAtBothWidths(page);
    });
  }
});
