import { sql } from './fixtures/database';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures/test';

// The public search, as a reader uses it: without JavaScript, from the box
// in every page's header, in both languages, on the seeded corpus.
test.use({ javaScriptEnabled: false });

test.describe('public search', () => {
  test('a misspelled name typed in the header box lands on the right fact check', async ({ page }) => {
    await page.goto('/claims/blinken-10-000-soldats-nord-coreens-en-russie');
    const box = page.getByRole('search', { name: 'Recherche sur le site' });
    await box.getByRole('searchbox', { name: 'Rechercher dans les vérifications' }).fill('Lavrof');
    await box.getByRole('button', { name: 'Rechercher' }).click();

    await expect(page).toHaveURL(/\/search\?q=Lavrof$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recherche');
    const results = page.getByRole('region', { name: 'Vérifications correspondant à « Lavrof »' });
    const first = results.getByRole('listitem').first();
    // The word that matched is marked, though it was typed wrong.
    await expect(first.locator('mark').first()).toHaveText('Lavrov');
    await expect(page.getByRole('region', { name: 'Auteurs d’affirmations' }).getByRole('link', { name: 'Sergueï Lavrov' })).toBeVisible();
    // The form keeps what was typed.
    await expect(page.getByRole('searchbox', { name: 'Mots' })).toHaveValue('Lavrof');

    await results.getByRole('link', { name: 'Lavrov juge « trompeuses » les accusations de déploiement nord-coréen' }).click();
    await expect(page).toHaveURL(/\/claims\/lavrov-accusations-trompeuses$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lavrov juge « trompeuses » les accusations de déploiement nord-coréen');
  });

  test('accents, inflections and typos: each finds the claim a reader means', async ({ page }) => {
    // Found by address: a claim's slug never changes once published, while its summary may be revised
    // by another spec running alongside (e2e/claim-revisions.spec.ts revises the munitions claim's).
    const cases = [
      { q: 'Pyongyng', finds: 'pyongyang-rumeurs-sans-fondement' },
      { q: 'coree munitions', finds: 'coree-du-sud-millions-de-munitions' },
      { q: 'déployé', finds: 'lavrov-accusations-trompeuses' },
    ];
    for (const { q, finds } of cases) {
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      await expect(page.locator(`main a[href="/claims/${finds}"]`).first(), q).toBeVisible();
    }
  });

  test('filters narrow the results, and a search with none says so and suggests what to try', async ({ page }) => {
    await page.goto('/en/search?q=soldats');
    const results = page.getByRole('region', { name: 'Fact checks matching “soldats”' });
    const unfiltered = await results.getByRole('listitem').count();
    expect(unfiltered).toBeGreaterThan(2);

    const form = page.getByRole('search', { name: 'Search and filters' });
    await form.getByRole('combobox', { name: 'Claimant' }).selectOption({ label: 'Antony Blinken' });
    await form.getByRole('combobox', { name: 'Rating' }).selectOption({ label: 'Mostly true' });
    await form.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/claimant=antony-blinken/);
    await expect(results.getByRole('listitem')).toHaveCount(1);
    // The claim keeps its own language in the English interface.
    await expect(results.getByRole('link', { name: /^Blinken.+soldats nord-coréens sont entrés en Russie$/ })).toBeVisible();
    await expect(results.getByText('Mostly true', { exact: true })).toBeVisible();

    await form.getByLabel('Published from').fill('2024-12-01');
    await form.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByText('No published fact check matches “soldats” with these filters.')).toBeVisible();
    await page.getByRole('link', { name: 'Search without the filters' }).click();
    await expect(results.getByRole('listitem')).toHaveCount(unfiltered);

    await page.goto('/en/search?q=zzqxwv');
    await expect(page.getByText('No published fact check matches “zzqxwv”.')).toBeVisible();
    await expect(page.getByText('Check the spelling, use fewer or more general words, or search for a claimant’s name.')).toBeVisible();
  });

  test('an empty search shows the form only; a hostile one is refused next to the field', async ({ page }) => {
    await page.goto('/en/search');
    await expect(page.getByRole('searchbox', { name: 'Words' })).toBeVisible();
    await expect(page.getByRole('region', { name: /Fact checks matching/ })).toHaveCount(0);

    await page.goto(`/en/search?q=${encodeURIComponent('Lavrov\u0007')}`);
    await expect(page.getByText('Remove the invisible control characters from this field.')).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Words' })).toHaveAttribute('aria-invalid', 'true');
    await page.goto(`/en/search?q=${'a'.repeat(300)}`);
    await expect(page.getByText('A search is at most 200 characters long.')).toBeVisible();
    const response = await page.goto('/en/search?q=soldats&after=not-a-cursor&from=2024-02-30');
    expect(response?.status()).toBe(200);
    await expect(page.getByText('Enter the date as YYYY-MM-DD.')).toBeVisible();
  });

  test('results come in pages: "More results" walks them all, each fact check once', async ({ page }) => {
    // 25 published claims sharing a word: two pages of 20.
    const [claimant] = await sql<{ id: string }[]>`SELECT id FROM claimants WHERE slug = 'kremlin'`;
    await sql`
      INSERT INTO claims (id, slug, text, summary, language, claimant_id, status, published_at, updated_at)
      SELECT 'e2e-pages-' || g, 'e2e-pages-' || g, 'Une affirmation sur les ornithorynques, numéro ' || g || '.',
             'Les ornithorynques, affirmation ' || g, 'fr', ${claimant?.id ?? ''}, 'PUBLISHED', now(), now()
      FROM generate_series(1, 25) g`;
    try {
      await page.goto('/search?q=ornithorynque');
      const seen: string[] = [];
      for (let pages = 1; ; pages++) {
        const links = page.getByRole('region', { name: /Vérifications correspondant/ }).getByRole('heading', { level: 3 }).getByRole('link');
        seen.push(...(await links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''))));
        const more = page.getByRole('link', { name: 'Plus de résultats' });
        if ((await more.count()) === 0) break;
        expect(pages).toBeLessThan(5);
        await more.click();
        await expect(page).toHaveURL(/after=/);
      }
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
    } finally {
      await sql`DELETE FROM claims WHERE id LIKE 'e2e-pages-%'`;
    }
  });

});

// axe runs in the page: these checks need JavaScript, the pages do not.
test.describe('public search pages, accessibility and layout', () => {
  test.use({ javaScriptEnabled: true });

  for (const { locale, path, heading } of [
    { locale: 'fr', path: '/search?q=Pyongyng', heading: 'Recherche' },
    { locale: 'en', path: '/en/search?q=Pyongyng', heading: 'Search' },
    { locale: 'fr', path: '/search', heading: 'Recherche' },
    { locale: 'en', path: '/en/search?q=soldats&claimant=antony-blinken', heading: 'Search' },
  ]) {
    test(`accessible and fits a phone, ${locale}: ${path}`, async ({ page }) => {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 844 });
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
      }
    });
  }

  test('the header box is on every public page, in the page’s language, and fits a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const { path, label, action } of [
      { path: '/', label: 'Recherche sur le site', action: '/search' },
      { path: '/en', label: 'Site search', action: '/en/search' },
      { path: '/en/claims/lavrov-accusations-trompeuses', label: 'Site search', action: '/en/search' },
    ]) {
      await page.goto(path);
      const box = page.getByRole('search', { name: label });
      await expect(box).toHaveAttribute('action', action);
      await expect(box).toHaveAttribute('method', 'get');
      await expectNoHorizontalScroll(page);
    }
  });
});
