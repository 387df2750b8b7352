import { expect, test, type Page } from './fixtures/test';
import { sql } from './fixtures/database';

// Reader pages must work without JavaScript. Unprefixed addresses are the
// newsroom's language (French); /en/… is English.
test.use({ javaScriptEnabled: false });

const KREMLIN = '/claims/kremlin-soldats-nord-coreens-fausses-nouvelles';
const BLINKEN = '/claims/blinken-10-000-soldats-nord-coreens-en-russie';

/** The outline of the quote a link targets, as the reader sees it, for each mark of the archived text. */
async function markOutlines(page: Page): Promise<{ quotes: string; outlined: boolean; text: string }[]> {
  return page.locator('.archived-text mark').evaluateAll((marks) =>
    marks.map((mark) => ({
      quotes: mark.getAttribute('data-quotes') ?? '',
      outlined: getComputedStyle(mark).outlineStyle === 'solid' && getComputedStyle(mark).textDecorationLine.includes('underline'),
      text: mark.textContent ?? '',
    })),
  );
}

test.describe('public claim and source pages', () => {
  test('a reader goes from a fact check to the quote, highlighted apart from the others and scrolled into view', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: /Le Kremlin qualifie de « fausses nouvelles »/ }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le Kremlin qualifie de « fausses nouvelles » la présence nord-coréenne');
    await expect(page.getByText('Auteur de l’affirmation : Kremlin')).toBeVisible();
    const verdict = page.getByRole('region', { name: 'Verdict' });
    await expect(verdict.getByText('Plutôt faux', { exact: true })).toBeVisible();
    await expect(verdict.getByText('Ce que montrent les sources.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Affirmations liées' }).getByRole('link', { name: /Rutte/ })).toBeVisible();

    const where = page.getByRole('region', { name: 'Où l’affirmation a été faite' });
    await where.getByRole('link', { name: 'Voir la citation dans la source archivée' }).first().click();
    await expect(page).toHaveURL(/\/sources\/[^#]+#quote-/);
    const quoteId = new URL(page.url()).hash.slice(1).replace('quote-', '');
    await expect(page.getByText('SHA-256 du texte')).toBeVisible();

    // The quote followed: every piece of it outlined and underlined (a quote
    // overlapping another is highlighted in several pieces), no other mark.
    const marks = await markOutlines(page);
    const own = marks.filter((mark) => mark.quotes.split(' ').includes(quoteId));
    expect(own.map((mark) => mark.text).join('')).toBe('Le Kremlin a également qualifié ces informations de fausses nouvelles.');
    expect(own.every((mark) => mark.outlined)).toBe(true);
    expect(marks.filter((mark) => !mark.quotes.split(' ').includes(quoteId) && mark.outlined)).toEqual([]);
    // …labelled in words, not by colour alone.
    const anchor = page.locator(`#quote-${quoteId}`);
    expect(await anchor.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"La citation que vous avez suivie"');
    // …and scrolled to with room above it.
    const top = await anchor.evaluate((element) => element.getBoundingClientRect().top);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(top).toBeGreaterThanOrEqual(64);
    expect(top).toBeLessThan(200);
  });

  test('"Show in text" on the source page moves the highlight to that quote', async ({ page }) => {
    await page.goto(KREMLIN);
    await page.getByRole('region', { name: 'Où l’affirmation a été faite' }).getByRole('link', { name: 'Voir la citation dans la source archivée' }).first().click();
    const followed = new URL(page.url()).hash.slice(1).replace('quote-', '');
    const passages = page.getByRole('region', { name: 'Passages cités' });
    const other = passages.getByRole('listitem').filter({ hasNot: page.locator(`a[href="#quote-${followed}"]`) }).first();
    await other.getByRole('link', { name: 'Voir dans le texte' }).click();
    const shown = new URL(page.url()).hash.slice(1).replace('quote-', '');
    expect(shown).not.toBe(followed);
    const marks = await markOutlines(page);
    expect(marks.filter((mark) => mark.outlined).every((mark) => mark.quotes.split(' ').includes(shown))).toBe(true);
    expect(marks.some((mark) => mark.outlined)).toBe(true);
  });

  test('a corrected verdict shows its history and the correction note, with the ratings of the page’s language', async ({ page }) => {
    await page.goto(BLINKEN);
    const historyFr = page.getByRole('region', { name: 'Verdicts précédents et correctifs' });
    await expect(historyFr.getByText('Invérifiable', { exact: true })).toBeVisible();
    await expect(historyFr.getByText(/nouvelle note\s:\sPlutôt vrai/)).toBeVisible();
    await expect(historyFr.getByText(/la note passe de « Invérifiable » à « Plutôt vrai »/)).toBeVisible();

    await page.goto(`/en${BLINKEN}`);
    const history = page.getByRole('region', { name: 'Earlier verdicts and corrections' });
    await expect(history.getByText('Unproven', { exact: true })).toBeVisible();
    await expect(history.getByText(/now rated Mostly true/)).toBeVisible();
    // The note is the newsroom's, in the claim's language.
    await expect(history.getByText(/la note passe de « Invérifiable » à « Plutôt vrai »/)).toBeVisible();
  });

  test('one vocabulary per language: the list, the claim page and its description name the rating alike; the API keeps the claim’s', async ({ page }) => {
    for (const [prefix, label] of [
      ['', 'Plutôt faux'],
      ['/en', 'Mostly false'],
    ] as const) {
      await page.goto(prefix || '/');
      const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /Le Kremlin qualifie/ }) });
      await expect(item.getByText(label, { exact: true })).toBeVisible();
      await page.goto(`${prefix}${KREMLIN}`);
      await expect(page.getByRole('region', { name: 'Verdict' }).getByText(label, { exact: true })).toBeVisible();
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', new RegExp(`^${label}\\s?:`));
    }
    const api = await (await page.request.get(`/api${KREMLIN}`)).json();
    expect(api.verdict.rating).toMatchObject({ key: 'mostly-false', label: 'Plutôt faux', labels: { fr: 'Plutôt faux', en: 'Mostly false' } });
    // ClaimReview speaks the claim's language.
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd.reviewRating.alternateName).toBe('Plutôt faux');
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
