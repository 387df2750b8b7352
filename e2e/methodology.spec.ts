import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedRatings } from '../seed/data/ratings';
import { expect, test, type Page, expectFitsAndPassesAxeAtBothWidths } from './fixtures/test';

// /methodology as a reader uses it, without JavaScript, in both languages:
// the scale from the database, the rating badges that lead to it, the quote
// check it tells readers to run (run here, exactly as the page shows it), and
// the claim page's credits to the two editors of each verdict. axe and the
// layout are checked on the hydrated pages (axe cannot run where scripts are off).

type Locale = 'fr' | 'en';
const localized = (path: string, locale: Locale) => (locale === 'fr' ? path : `/en${path}`);
const KREMLIN = '/claims/kremlin-soldats-nord-coreens-fausses-nouvelles';
const BLINKEN = '/claims/blinken-10-000-soldats-nord-coreens-en-russie';
const headings = {
  fr: { page: 'Comment travaille Attest', scale: 'L’échelle des notes', quotes: 'Comment les citations sont archivées et vérifiées', verdict: 'Verdict', history: 'Verdicts précédents et correctifs' },
  en: { page: 'How Attest works', scale: 'The rating scale', quotes: 'How quotes are archived and checked', verdict: 'Verdict', history: 'Earlier verdicts and corrections' },
} as const;

/** Whether the element is the :target the browser scrolled to, outlined as the CSS says. */
async function isOutlinedTarget(page: Page, id: string): Promise<boolean> {
  return page.locator(`[id="${id}"]`).evaluate((element) => element.matches(':target') && getComputedStyle(element).outlineStyle === 'solid');
}

test.describe('the methodology page', () => {
  test.use({ javaScriptEnabled: false });

  for (const locale of ['fr', 'en'] as const) {
    test(`explains every rating of the scale, in ${locale}`, async ({ page }) => {
      const response = await page.goto(localized('/methodology', locale));
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(headings[locale].page);

      const scale = page.getByRole('region', { name: headings[locale].scale });
      for (const rating of seedRatings) {
        const entry = scale.locator(`[id="rating-${rating.key}"]`);
        await expect(entry.getByRole('heading', { level: 3 })).toHaveText(locale === 'fr' ? rating.labelFr : rating.labelEn);
        await expect(entry).toContainText(locale === 'fr' ? rating.descriptionFr : rating.descriptionEn);
        await expect(entry).toContainText(rating.colour);
        if (rating.value !== null) await expect(entry).toContainText(locale === 'fr' ? `${rating.value} sur 6` : `${rating.value} out of 6`);
      }
      // The scale's order, as the newsroom set it.
      const keys = await scale.locator('[id^="rating-"]').evaluateAll((entries) => entries.map((entry) => entry.id));
      expect(keys).toEqual(seedRatings.map((rating) => `rating-${rating.key}`));
    });
  }

  test('a rating badge on a claim page leads to its entry, outlined, in the reader’s language', async ({ page }) => {
    await page.goto(KREMLIN);
    await page.getByRole('region', { name: 'Verdict', exact: true }).getByRole('link', { name: 'Plutôt faux (ce que signifie cette note)' }).click();
    await expect(page).toHaveURL(/\/methodology#rating-mostly-false$/);
    expect(new URL(page.url()).pathname).toBe('/methodology');
    expect(await isOutlinedTarget(page, 'rating-mostly-false')).toBe(true);
    await expect(page.locator('[id="rating-mostly-false"]')).toBeInViewport();

    // An earlier verdict's badge, in English.
    await page.goto(localized(BLINKEN, 'en'));
    await page.getByRole('region', { name: headings.en.history }).getByRole('link', { name: 'Unproven (what this rating means)' }).click();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe('/en/methodology#rating-unproven');
    expect(await isOutlinedTarget(page, 'rating-unproven')).toBe(true);
  });

  test('the quote check it shows runs as shown, and finds the quote and the source’s SHA-256', async ({ page, request }) => {
    await page.goto('/methodology');
    const quotes = page.getByRole('region', { name: headings.fr.quotes });
    const shell = (await quotes.getByRole('figure', { name: /curl, jq et sha256sum/ }).locator('pre').textContent()) ?? '';
    const node = (await quotes.getByRole('figure', { name: /Node\.js 18/ }).locator('pre').textContent()) ?? '';
    const shown = ((await quotes.getByRole('blockquote').textContent()) ?? '').trim();

    // What the commands name: the source's address in the read API and the quote's offsets.
    const sourceUrl = /curl -s '([^']+)'/.exec(shell)?.[1] ?? '';
    expect(new URL(sourceUrl).pathname).toMatch(/^\/api\/sources\/[^/]+$/);
    const source = (await (await request.get(new URL(sourceUrl).pathname)).json()) as { text: string; sha256: string };
    const claimLink = quotes.getByRole('link').first();
    const claimSlug = decodeURIComponent((await claimLink.getAttribute('href'))?.replace(/^\/claims\//, '') ?? '');
    const claim = (await (await request.get(`/api/claims/${encodeURIComponent(claimSlug)}`)).json()) as { appearances: { quote: { exact: string; start: number; end: number } }[] };
    const quote = claim.appearances[0]?.quote;
    expect(quote?.exact).toBe(shown);
    expect(shell).toContain(`.[${quote?.start}:${quote?.end}]`);

    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-methodology-'));
    try {
      const [computed, published, cut] = execFileSync('bash', ['-c', shell], { cwd: workDir, encoding: 'utf8' }).split('\n');
      expect(computed).toBe(`${source.sha256}  -`);
      expect(published).toBe(source.sha256);
      expect(cut).toBe(shown);
      expect(execFileSync('bash', ['-c', node], { cwd: workDir, encoding: 'utf8' })).toBe(`SHA-256 OK\n${shown}\n`);
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  });
});

test.describe('who wrote and who approved a verdict', () => {
  test.use({ javaScriptEnabled: false });

  for (const locale of ['fr', 'en'] as const) {
    test(`the claim page names both editors of the current verdict and of each earlier one, in ${locale}`, async ({ page }) => {
      await page.goto(localized(BLINKEN, locale));
      const credit =
        locale === 'fr'
          ? 'Rédigé par Attest newsroom (seed author), approuvé par Attest newsroom (seed reviewer)'
          : 'Written by Attest newsroom (seed author), approved by Attest newsroom (seed reviewer)';
      await expect(page.getByRole('region', { name: headings[locale].verdict, exact: true }).getByText(credit)).toBeVisible();
      await expect(page.getByRole('region', { name: headings[locale].history }).getByText(credit)).toBeVisible();
      await expect(page.locator('body')).not.toContainText('@attest.local');
    });
  }
});

test.describe('hydrated', () => {
  for (const locale of ['fr', 'en'] as const) {
    for (const [name, path] of [
      ['the methodology page', '/methodology'],
      ['a corrected claim page, with its credits', BLINKEN],
      ['the home page, whose rating badges are links now', '/'],
    ] as const) {
      test(`${name} has no axe violation and fits a 390 px screen, in ${locale}`, async ({ page }) => {
        await page.goto(path === '/' && locale === 'en' ? '/en' : localized(path, locale));
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectFitsAndPassesAxeAtBothWidths(page);
      });
    }
  }
});
