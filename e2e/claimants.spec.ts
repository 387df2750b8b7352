import { type Browser, expect, expectNoAxeViolations, expectNoHorizontalScroll, test, type Page } from './fixtures/test';
import { sql } from './fixtures/database';

// Claimants and their record, tags and ratings, as a reader browses them
// without JavaScript, in French (unprefixed) and English (/en/…). Counts are
// checked against the database the server reads.
test.use({ javaScriptEnabled: false });

type Locale = 'fr' | 'en';
const LOCALES: Locale[] = ['fr', 'en'];
const localized = (path: string, locale: Locale) => (locale === 'fr' ? path : `/en${path}`);
const KREMLIN_CLAIM = '/claims/kremlin-soldats-nord-coreens-fausses-nouvelles';
const TROOPS = 'troupes nord-coréennes';

/** The page at a phone's width then a desktop's: no sideways scrolling, no axe violation (axe runs as a script, so with JavaScript). */
async function checkPage(browser: Browser, path: string) {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    // javaScriptEnabled: contexts inherit the file's test.use, and axe runs as a script.
    const context = await browser.newContext({ viewport, javaScriptEnabled: true });
    const page = await context.newPage();
    await page.goto(path);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await context.close();
  }
}

/** The claimant's current published verdicts (of their published claims) by rating label, from the tables. */
async function scorecardInDatabase(slug: string, locale: Locale): Promise<Map<string, number>> {
  const rows = await sql<{ label: string; n: number }[]>`
    SELECT CASE WHEN ${locale} = 'fr' THEN r.label_fr ELSE r.label_en END AS label, count(*)::int AS n
    FROM verdicts v JOIN claims c ON c.id = v.claim_id JOIN claimants ct ON ct.id = c.claimant_id JOIN ratings r ON r.id = v.rating_id
    WHERE ct.slug = ${slug} AND v.state = 'PUBLISHED' AND c.status = 'PUBLISHED'
    GROUP BY 1`;
  return new Map(rows.map((row) => [row.label, row.n]));
}

/** The scorecard as the table says it: rating → count, for the rows with any. */
async function scorecardOnPage(page: Page): Promise<Map<string, number>> {
  const table = page.getByRole('region', { name: /Son bilan|Their record/ }).getByRole('table');
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th')?.textContent?.trim() ?? '', Number(tr.querySelector('td')?.textContent?.replace(/\D/g, '') ?? 'NaN')] as const),
  );
  return new Map(rows.filter(([, count]) => count > 0));
}

async function publishedSlugs(condition: ReturnType<typeof sql>): Promise<string[]> {
  const rows = await sql<{ slug: string }[]>`SELECT c.slug FROM claims c WHERE c.status = 'PUBLISHED' AND ${condition} ORDER BY c.slug`;
  return rows.map((row) => row.slug);
}

/** The claims the page's list links to, by slug. */
async function listedSlugs(page: Page): Promise<string[]> {
  const hrefs = await page.locator('ol.claim-list > li a[href*="/claims/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((href) => decodeURIComponent(href.split('/claims/')[1] ?? '')))].sort();
}

test.describe('claimants and their record', () => {
  test('a reader goes from a claim to its claimant, and reads a scorecard that matches the published verdicts', async ({ page, browser }) => {
    await page.goto(KREMLIN_CLAIM);
    await page.getByText('Auteur de l’affirmation').getByRole('link', { name: 'Kremlin' }).click();
    await expect(page).toHaveURL(/\/claimants\/kremlin$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kremlin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('definition').filter({ hasText: 'Gouvernement' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Russie' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Présidence russe' })).toBeVisible();
    await expect(page.getByText('La présidence de la Fédération de Russie et ses porte-parole.')).toBeVisible();

    const record = page.getByRole('region', { name: 'Son bilan' });
    await expect(record.getByRole('table', { name: 'Verdicts publiés sur les affirmations de Kremlin, par note' })).toBeVisible();
    expect(await scorecardOnPage(page)).toEqual(await scorecardInDatabase('kremlin', 'fr'));
    // Every rating of the scale has its row, with its count and share written out, not only drawn.
    await expect(record.getByRole('rowheader', { name: 'Vrai', exact: true })).toBeVisible();
    await expect(record.getByRole('columnheader', { name: 'Part' })).toBeVisible();
    await expect(record.getByRole('row', { name: /Plutôt faux/ }).getByRole('cell').last()).toHaveText(/^\d+\s%$/);

    const claims = page.getByRole('region', { name: 'Ses vérifications, les plus récentes d’abord' });
    await expect(claims.getByRole('link', { name: /Le Kremlin qualifie de « fausses nouvelles »/ })).toBeVisible();
    expect(await listedSlugs(page)).toEqual(await publishedSlugs(sql`c.claimant_id = (SELECT id FROM claimants WHERE slug = 'kremlin')`));
    await checkPage(browser, '/claimants/kremlin');

    await record.getByRole('link', { name: 'Plutôt faux' }).click();
    await expect(page).toHaveURL(/\/ratings\/mostly-false$/);
  });

  for (const locale of LOCALES) {
    test(`a corrected claim counts under its current rating on its claimant’s page (${locale})`, async ({ page, browser }) => {
      await page.goto(localized('/claimants/antony-blinken', locale));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Antony Blinken');
      const expected = await scorecardInDatabase('antony-blinken', locale);
      expect(expected.size).toBeGreaterThan(0);
      expect(await scorecardOnPage(page)).toEqual(expected);
      const feed = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
      await expect(feed).toHaveAttribute('href', new RegExp(`${locale === 'en' ? '/en' : ''}/feeds/claimants/antony-blinken/rss$`));
      await checkPage(browser, localized('/claimants/antony-blinken', locale));
    });

    test(`the claimants' directory lists every public claimant with their number of fact checks (${locale})`, async ({ page, browser }) => {
      await page.goto(localized('/claimants', locale));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'fr' ? 'Auteurs des affirmations' : 'Claimants');
      const expected = await sql<{ slug: string; name: string; n: number }[]>`
        SELECT ct.slug, ct.name,
          (SELECT count(*)::int FROM claims c JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED' WHERE c.claimant_id = ct.id AND c.status = 'PUBLISHED') AS n
        FROM claimants ct
        WHERE EXISTS (SELECT 1 FROM claims c WHERE c.claimant_id = ct.id AND (c.status = 'PUBLISHED' OR (c.status = 'ARCHIVED' AND c.published_at IS NOT NULL)))`;
      const items = page.locator('main section li');
      await expect(items).toHaveCount(expected.length);
      for (const claimant of expected) {
        const item = items.filter({ has: page.getByRole('link', { name: claimant.name, exact: true }) });
        const count = locale === 'fr' ? `${claimant.n} vérification` : `${claimant.n} published fact check`;
        await expect(item).toContainText(claimant.n === 0 ? (locale === 'fr' ? 'aucune vérification' : 'no published fact check') : count);
      }
      // Alphabetical, whatever the case or accents.
      const names = await page.locator('main section li > a').allTextContents();
      expect(names).toEqual([...names].sort(new Intl.Collator(locale, { sensitivity: 'base' }).compare));
      await checkPage(browser, localized('/claimants', locale));
      // The initials at the top lead to their group.
      await page.getByRole('navigation', { name: locale === 'fr' ? 'Initiales de cette page' : 'Initials on this page' }).getByRole('link', { name: 'S', exact: true }).click();
      await expect(page).toHaveURL(/#initial-S$/);
      await page.getByRole('region', { name: 'S', exact: true }).getByRole('link', { name: 'Sergueï Lavrov' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sergueï Lavrov');
    });
  }
});

test.describe('tags and ratings', () => {
  test('a claim’s tags lead to the tag’s page, which lists exactly its published claims', async ({ page, browser }) => {
    await page.goto(KREMLIN_CLAIM);
    await page.getByRole('list', { name: 'Mots-clés' }).getByRole('link', { name: TROOPS }).click();
    await expect(page).toHaveURL(/\/tags\/troupes%20nord-cor%C3%A9ennes$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Vérifications sur « ${TROOPS} »`);
    expect(await listedSlugs(page)).toEqual(await publishedSlugs(sql`${TROOPS} = ANY(c.tags)`));
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/feeds\/tags\/troupes%20nord-cor%C3%A9ennes\/atom$/);
    await checkPage(browser, `/tags/${encodeURIComponent(TROOPS)}`);

    await page.goto(`/en/tags/${encodeURIComponent('États-Unis')}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fact checks tagged “États-Unis”');
    expect(await listedSlugs(page)).toEqual(await publishedSlugs(sql`'États-Unis' = ANY(c.tags)`));
    // In lists too, each claim names its claimant (a link to their page) and its tags.
    const first = page.locator('ol.claim-list > li').first();
    await expect(first.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'États-Unis' })).toHaveAttribute('href', '/en/tags/%C3%89tats-Unis');
    await expect(first.locator('a[href^="/en/claimants/"]')).toHaveCount(1);
    await checkPage(browser, `/en/tags/${encodeURIComponent('États-Unis')}`);
  });

  for (const locale of LOCALES) {
    test(`a rating’s page explains it from the database and lists the claims it currently rates (${locale})`, async ({ page, browser }) => {
      const [rating] = await sql<{ label: string; description: string }[]>`
        SELECT CASE WHEN ${locale} = 'fr' THEN label_fr ELSE label_en END AS label, CASE WHEN ${locale} = 'fr' THEN description_fr ELSE description_en END AS description
        FROM ratings WHERE key = 'mostly-true'`;
      if (!rating) throw new Error('the seed has a mostly-true rating');
      await page.goto(localized('/ratings/mostly-true', locale));
      await expect(page.getByRole('heading', { level: 1 })).toContainText(rating.label);
      await expect(page.getByText(rating.description)).toBeVisible();
      const methodology = page.getByRole('link', { name: locale === 'fr' ? 'Voir toute l’échelle de notation dans notre méthodologie' : 'See the whole rating scale in our methodology' });
      await expect(methodology).toHaveAttribute('href', `${locale === 'en' ? '/en' : ''}/methodology#rating-mostly-true`);
      const expected = await publishedSlugs(
        sql`EXISTS (SELECT 1 FROM verdicts v JOIN ratings r ON r.id = v.rating_id WHERE v.claim_id = c.id AND v.state = 'PUBLISHED' AND r.key = 'mostly-true')`,
      );
      expect(expected).toContain('blinken-10-000-soldats-nord-coreens-en-russie');
      expect(await listedSlugs(page)).toEqual(expected);
      await checkPage(browser, localized('/ratings/mostly-true', locale));
    });
  }

  test('unknown claimants, tags and ratings, and hostile keys, reach the not-found page in the address’s language', async ({ page }) => {
    const unknown = ['/claimants/personne-inconnue', '/claimants/%00', '/tags/koursk', `/tags/${'x'.repeat(500)}`, '/ratings/faux', '/ratings/%E0%A4%A'];
    for (const path of unknown) {
      for (const locale of LOCALES) {
        const response = await page.goto(localized(path, locale));
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'fr' ? 'Page introuvable' : 'Not found');
      }
    }
    // A claimant whose only claims are drafts has no page.
    expect((await page.goto('/claimants/volodymyr-zelensky'))?.status()).toBe(404);
  });
});
