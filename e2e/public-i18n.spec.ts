import { expect, expectNoAxeViolations, test, type Page, expectFitsAndPassesAxeAtBothWidths } from './fixtures/test';
import { createScenarioUser, sql } from './fixtures/database';
import { storageStateFor } from './fixtures/personas';

// Every public page in both interface languages: French at the unprefixed
// address (the newsroom's language), English under /en. The language is the
// URL's alone — the browser here asks for English (Accept-Language en-US),
// and the unprefixed pages are French all the same.

type Locale = 'fr' | 'en';
const other = (locale: Locale): Locale => (locale === 'fr' ? 'en' : 'fr');
const localized = (path: string, locale: Locale) => (locale === 'fr' ? path : path === '/' ? '/en' : `/en${path}`);
const switchName = { fr: 'Langue', en: 'Language' } as const;
const languageName = { fr: 'Français', en: 'English' } as const;

async function publicSourcePath(): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    SELECT a.source_id AS id FROM appearances a JOIN claims c ON c.id = a.claim_id
    WHERE c.slug = 'kremlin-soldats-nord-coreens-fausses-nouvelles' ORDER BY a.created_at LIMIT 1`;
  if (!row) throw new Error('the seeded Kremlin claim has no appearance');
  return `/sources/${row.id}`;
}

const pages: { name: string; path: () => Promise<string>; heading: Record<Locale, RegExp | string>; status?: number }[] = [
  { name: 'the home page', path: async () => '/', heading: { fr: 'Vérifications', en: 'Fact checks' } },
  {
    name: 'a claim',
    path: async () => '/claims/kremlin-soldats-nord-coreens-fausses-nouvelles',
    heading: { fr: /^Le Kremlin qualifie/, en: /^Le Kremlin qualifie/ },
  },
  {
    name: 'a corrected claim',
    path: async () => '/claims/blinken-10-000-soldats-nord-coreens-en-russie',
    heading: { fr: /^Blinken/, en: /^Blinken/ },
  },
  { name: 'a source', path: publicSourcePath, heading: { fr: /./, en: /./ } },
  { name: 'the not-found page', path: async () => '/claims/no-such-claim-anywhere', heading: { fr: 'Page introuvable', en: 'Not found' }, status: 404 },
];

/** The page's alternates in <head>: canonical and hreflang links, absolute (on ATTEST_PUBLIC_URL, the address the tests browse). */
async function alternates(page: Page) {
  return page.evaluate(() => ({
    canonical: document.querySelector('head link[rel="canonical"]')?.getAttribute('href') ?? null,
    hreflang: Object.fromEntries(
      [...document.querySelectorAll('head link[rel="alternate"][hreflang]')].map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]),
    ),
  }));
}

test.describe('public pages in French and English', () => {
  for (const target of pages) {
    for (const locale of ['fr', 'en'] as const) {
      test(`${target.name} in ${locale === 'fr' ? 'French (unprefixed)' : 'English (/en)'}`, async ({ page }) => {
        const path = await target.path();
        const address = localized(path, locale);
        const response = await page.goto(address);
        expect(response?.status()).toBe(target.status ?? 200);

        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.heading[locale]);
        await expect(page.locator('body')).not.toContainText('⟦missing⟧');
        // Absolute links (new URL without a base throws on a relative one), compared as URLs: "http://h" is "http://h/".
        const absolute = (pathname: string) => new URL(pathname, page.url()).href;
        const found = await alternates(page);
        expect({
          canonical: found.canonical === null ? null : new URL(found.canonical).href,
          hreflang: Object.fromEntries(Object.entries(found.hreflang).map(([language, href]) => [language, new URL(String(href)).href])),
        }).toEqual({
          canonical: absolute(address),
          hreflang: { fr: absolute(localized(path, 'fr')), en: absolute(localized(path, 'en')), 'x-default': absolute(localized(path, 'fr')) },
        });

        await expectFitsAndPassesAxeAtBothWidths(page);

        // The switch names the same page in the other language, and goes there.
        const switcher = page.getByRole('navigation', { name: switchName[locale] });
        await expect(switcher.getByText(languageName[locale])).toHaveAttribute('aria-current', 'true');
        const link = switcher.getByRole('link', { name: languageName[other(locale)] });
        await expect(link).toHaveAttribute('href', localized(path, other(locale)));
        await link.click();
        await expect(page).toHaveURL(localized(path, other(locale)));
        await expect(page.locator('html')).toHaveAttribute('lang', other(locale));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.heading[other(locale)]);
      });
    }
  }

  test('the switch keeps the quote a reader followed', async ({ page }) => {
    await page.goto('/en/claims/kremlin-soldats-nord-coreens-fausses-nouvelles');
    await page.getByRole('region', { name: 'Where it was said' }).getByRole('link', { name: 'See the quote in the archived source' }).first().click();
    await expect(page).toHaveURL(/^[^#]+\/en\/sources\/[^#]+#quote-/);
    await expect(page.locator('.quote-anchor:target')).toHaveCount(1);
    await expectNoAxeViolations(page);
  });
});

test.describe('the rating scale’s page in both languages', () => {
  test('in English (the admin’s browser language)', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor('admin') });
    const page = await context.newPage();
    await page.goto('/dashboard/ratings');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rating scale');
    // A rating's form opened, so that axe checks it too.
    const mixed = page.getByRole('region', { name: 'Mixed', exact: true });
    await mixed.getByText('Edit “Mixed”').click();
    await expect(mixed.getByLabel('Label in English')).toBeVisible();
    await expectFitsAndPassesAxeAtBothWidths(page);
    await context.close();
  });

  test('in French (the admin’s own setting)', async ({ browser }) => {
    const password = 'scale-admin-password';
    const admin = await createScenarioUser('ADMIN', password);
    await sql`UPDATE users SET locale = 'fr' WHERE id = ${admin.id}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/login');
    // The sign-in page speaks the browser's language (English); the dashboard, the account's.
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);

    await page.goto('/dashboard/ratings');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Échelle des notes');
    await expect(page.locator('body')).not.toContainText('⟦missing⟧');
    // Labels in the interface's language, on the badges as in the buttons.
    const mixed = page.getByRole('region', { name: 'Mitigé', exact: true });
    await expect(mixed.getByRole('button', { name: 'Monter Mitigé' })).toBeVisible();
    await mixed.getByText('Modifier « Mitigé »').click();
    await expect(mixed.getByLabel('Libellé en français')).toHaveValue('Mitigé');
    await expect(mixed.getByText(/Contraste avec le texte blanc\s:\s4,86 pour 1/)).toBeVisible();
    await expectFitsAndPassesAxeAtBothWidths(page);
    await context.close();
  });
});
