import { expect, test } from './fixtures/test';
import { sql } from './fixtures/database';

// Reader pages must work without JavaScript.
test.use({ javaScriptEnabled: false });

test.describe('public claim and source pages', () => {
  test('a reader goes from a fact check to the quote highlighted in its archived source', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: /Le Kremlin qualifie de « fausses nouvelles »/ }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le Kremlin qualifie de « fausses nouvelles » la présence nord-coréenne');
    await expect(page.getByText('Claim by Kremlin')).toBeVisible();
    const verdict = page.getByRole('region', { name: 'Verdict' });
    await expect(verdict.getByText('Plutôt faux', { exact: true })).toBeVisible();
    await expect(verdict.getByText('Ce que montrent les sources.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Related claims' }).getByRole('link', { name: /Rutte/ })).toBeVisible();

    await page.getByRole('region', { name: 'Where it was said' }).getByRole('link', { name: 'See the quote in the archived source' }).first().click();
    await expect(page).toHaveURL(/\/sources\/[^#]+#quote-/);
    const quoteId = new URL(page.url()).hash.slice(1);
    await expect(page.locator(`#${quoteId}`)).toBeAttached();
    // A quote overlapping another is highlighted in several pieces: join them.
    const pieces = await page.locator(`mark[data-quotes~="${quoteId.replace('quote-', '')}"]`).allTextContents();
    expect(pieces.join('')).toBe('Le Kremlin a également qualifié ces informations de fausses nouvelles.');
    await expect(page.getByText('SHA-256 of the text')).toBeVisible();
  });

  test('a corrected verdict shows its history and the correction note', async ({ page }) => {
    await page.goto('/claims/blinken-10-000-soldats-nord-coreens-en-russie');
    const history = page.getByRole('region', { name: 'Earlier verdicts and corrections' });
    await expect(history.getByText('Invérifiable', { exact: true })).toBeVisible();
    await expect(history.getByText(/la note passe de « Invérifiable » à « Plutôt vrai »/)).toBeVisible();
  });

  test('drafts are not public', async ({ page }) => {
    // The slug must name a draft that exists, or the 404 proves nothing.
    const [draft] = await sql`SELECT status FROM claims WHERE slug = 'choe-son-hui-renforcer-arsenal-nucleaire'`;
    expect(draft?.status).toBe('DRAFT');
    const response = await page.goto('/claims/choe-son-hui-renforcer-arsenal-nucleaire');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
    expect((await page.goto('/en/claims/choe-son-hui-renforcer-arsenal-nucleaire'))?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  });
});
