import en from '../messages/en.json' with { type: 'json' };
import fr from '../messages/fr.json' with { type: 'json' };
import { sql } from './fixtures/database';
import { storageStateFor } from './fixtures/personas';
import { expect, test } from './fixtures/test';

// Which language a page is in. A public page's language is in its URL and
// nowhere else (no cookie, no Accept-Language), so that a shared cache can
// hold it; the newsroom's follows the user's setting. Texts come from the
// catalogues, so that rewording a message does not break this spec.

test.describe('public pages: the language is in the URL', () => {
  test('unprefixed addresses are in the newsroom language, /en/… in English, /fr/… redirects to the unprefixed one', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.home.title);

    await page.goto('/en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.home.title);

    const redirected = await page.request.get('/fr', { maxRedirects: 0 });
    expect(redirected.status()).toBe(307);
    expect(redirected.headers().location).toMatch(/^(http:\/\/[^/]+)?\/$/);
  });

  test('neither Accept-Language nor a cookie changes a public page, and no language cookie is set', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-US', extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9' } });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: test.info().project.use.baseURL ?? 'http://127.0.0.1' }]);
    const page = await context.newPage();
    const response = await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const setCookies = (await response?.headersArray())?.filter((header) => header.name.toLowerCase() === 'set-cookie') ?? [];
    expect(setCookies.map((header) => header.value).filter((value) => /locale/i.test(value))).toEqual([]);
    await context.close();
  });

  test('every public page names its other-language version (hreflang) and links to it', async ({ page }) => {
    await page.goto('/');
    // Absolute links to the site's root ("http://host", with or without its "/") and to /en.
    await expect(page.locator('link[rel="alternate"][hreflang="fr"]')).toHaveAttribute('href', /^https?:\/\/[^/]+\/?$/);
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', /^https?:\/\/[^/]+\/en$/);
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', /^https?:\/\/[^/]+\/?$/);
    await page.getByRole('navigation', { name: fr.site.languageSwitch.label }).getByRole('link', { name: fr.site.languageSwitch.en }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('the not-found page speaks the language of the address', async ({ page }) => {
    expect((await page.goto('/no-such-page'))?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.notFound.title);
    expect((await page.goto('/en/claims/no-such-claim'))?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.notFound.title);
  });
});

test.describe('the newsroom: the language is the user’s setting', () => {
  test.use({ storageState: storageStateFor('moderator') });

  test('the dashboard follows the account’s language, and its 404 is its own', async ({ page }) => {
    const [moderator] = await sql<{ id: string; locale: string | null }[]>`SELECT id, locale FROM users WHERE email = 'moderator@attest.local'`;
    expect(moderator).toBeDefined();
    try {
      await sql`UPDATE users SET locale = 'fr' WHERE id = ${moderator?.id ?? ''}`;
      await page.goto('/dashboard');
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page.getByRole('link', { name: fr.site.skipLink })).toBeAttached();

      await sql`UPDATE users SET locale = 'en' WHERE id = ${moderator?.id ?? ''}`;
      await page.goto('/dashboard');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');

      expect((await page.goto('/dashboard/no-such-page'))?.status()).toBe(404);
      await expect(page.getByText(en.notFound.dashboard.body)).toBeVisible();
      await expect(page.getByRole('link', { name: en.notFound.dashboard.home })).toHaveAttribute('href', '/dashboard');
    } finally {
      await sql`UPDATE users SET locale = ${moderator?.locale ?? null} WHERE id = ${moderator?.id ?? ''}`;
    }
  });
});
