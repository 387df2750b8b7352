import { claimReviewSchema, type ValidClaimReview } from '../lib/factcheck/claim-review-schema';
import { listClaimReviewMarkupPagesResponseSchema } from '../lib/factcheck/pages-schema';
import { seedClaims } from '../seed/data/claims';
import { createClaimant, createClaimWithAppearance, createVerdict } from '../seed/factories/claims';
import { prisma, sql } from './fixtures/database';
import { signedInScenarioUser } from './fixtures/sign-in';
import { personas, storageStateFor } from './fixtures/personas';
import { type APIRequestContext, expect, expectNoAxeViolations, expectNoHorizontalScroll, type Page, test } from './fixtures/test';

// Fact checks that travel: the ClaimReview a search engine reads on a claim
// page, the Fact Check Tools export a newsroom pushes to Google, and the
// claimant's "Same as" links that tell both who made the claim.

const KREMLIN = seedClaims.find((claim) => claim.slug === 'kremlin-soldats-nord-coreens-fausses-nouvelles');
const RUTTE = seedClaims.find((claim) => claim.slug === 'rutte-unites-nord-coreennes-koursk');

/** The page's JSON-LD, parsed and validated against the schema written from Google's documentation. */
async function claimReviewOn(page: Page, path: string): Promise<ValidClaimReview> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(scripts).toHaveLength(1);
  const parsed = claimReviewSchema.safeParse(JSON.parse(scripts[0] ?? ''));
  expect(parsed.error?.issues ?? [], `ClaimReview on ${path}`).toEqual([]);
  if (!parsed.data) throw new Error(`no valid ClaimReview on ${path}`);
  return parsed.data;
}

/** Every page of the export, following nextPageToken as a client of Google's API does. */
async function exportAll(request: APIRequestContext, pageSize: number) {
  const pages = [];
  let pageToken = '';
  for (let calls = 0; calls < 50; calls++) {
    const response = await request.get(`/api/factcheck/pages?pageSize=${pageSize}${pageToken ? `&pageToken=${pageToken}` : ''}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    const parsed = listClaimReviewMarkupPagesResponseSchema.safeParse(await response.json());
    expect(parsed.error?.issues ?? []).toEqual([]);
    const body = parsed.data;
    if (!body) break;
    expect(body.claimReviewMarkupPages.length).toBeLessThanOrEqual(pageSize);
    pages.push(...body.claimReviewMarkupPages);
    if (!body.nextPageToken) return pages;
    pageToken = encodeURIComponent(body.nextPageToken);
  }
  throw new Error('the export does not end');
}

test.describe('Fact Check Tools export', () => {
  test('GET /api/factcheck/pages lists every published fact check once, in the documented shape', async ({ request, page }) => {
    // An unusual page size: its first page is cached under its own key, read now.
    const exported = await exportAll(request, 7);
    const published = await sql<{ slug: string }[]>`
      SELECT c.slug FROM claims c
      WHERE c.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.state = 'PUBLISHED')`;
    const slugs = exported.map((markupPage) => decodeURIComponent(new URL(markupPage.pageUrl).pathname.replace(/^\/claims\//, '')));
    expect(new Set(slugs).size).toBe(slugs.length);
    expect([...slugs].sort()).toEqual(published.map((row) => row.slug).sort());
    const unpublished = await sql<{ slug: string }[]>`SELECT slug FROM claims WHERE status <> 'PUBLISHED'`;
    expect(slugs.filter((slug) => unpublished.some((row) => row.slug === slug))).toEqual([]);

    // The Kremlin's fact check says in the export what its page says in JSON-LD.
    const kremlin = exported.find((markupPage) => markupPage.pageUrl.endsWith(`/claims/${KREMLIN?.slug}`));
    const [markup] = kremlin?.claimReviewMarkups ?? [];
    expect(markup?.claimReviewed).toBe(KREMLIN?.text);
    const review = await claimReviewOn(page, `/claims/${KREMLIN?.slug}`);
    expect(kremlin?.pageUrl).toBe(review.url);
    expect(kremlin?.claimReviewAuthor).toEqual({ name: review.author.name, imageUrl: review.author.logo });
    expect(markup?.claimAuthor).toEqual({ name: 'Kremlin' });
    expect(markup?.rating).toEqual({
      textualRating: review.reviewRating.alternateName,
      ratingValue: review.reviewRating.ratingValue,
      bestRating: review.reviewRating.bestRating,
      worstRating: review.reviewRating.worstRating,
    });
    expect(markup?.rating.textualRating).toBe('Plutôt faux');
  });

  test('bad paging parameters get a 400 that names them, never a 500', async ({ request }) => {
    for (const query of ['pageSize=0', 'pageSize=1000', 'pageSize=dix', 'pageToken=pas-un-jeton', `pageToken=${'A'.repeat(2000)}`, 'pageToken=%00']) {
      const response = await request.get(`/api/factcheck/pages?${query}`);
      expect(response.status(), query).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('BAD_REQUEST');
      expect(body.error.message).toContain(query.split('=')[0]);
    }
  });
});

test.describe('ClaimReview on claim pages', () => {
  test.use({ javaScriptEnabled: false });

  test('names the claim as made, its author, its appearances and the publisher from the settings, in both languages', async ({ page, request }) => {
    for (const path of [`/claims/${RUTTE?.slug}`, `/en/claims/${RUTTE?.slug}`]) {
      const review = await claimReviewOn(page, path);
      expect(review.claimReviewed).toBe(RUTTE?.text);
      expect(review.claimReviewed).not.toBe(RUTTE?.summary);
      expect(new URL(review.url).pathname).toBe(path);
      expect(review.inLanguage).toBe('fr');
      expect(review.itemReviewed.author).toEqual({
        '@type': 'Person',
        name: 'Mark Rutte',
        sameAs: ['https://www.wikidata.org/wiki/Q57792', 'https://en.wikipedia.org/wiki/Mark_Rutte'],
      });
      expect(Array.isArray(review.itemReviewed.appearance) ? review.itemReviewed.appearance.length : 1).toBe(RUTTE?.appearances.length);
      // The publisher: ATTEST_PUBLISHER_NAME (unset: Attest), its site, and the default logo shipped at /icon.png.
      expect(review.author.name).toBe('Attest');
      expect(review.author.url).toBe(new URL(review.url).origin);
      expect(new URL(review.author.logo).pathname).toBe('/icon.png');
      expect(review.reviewRating).toEqual(expect.objectContaining({ alternateName: 'Plutôt vrai', bestRating: 6, worstRating: 1 }));
    }
    const logo = await request.get('/icon.png');
    expect(logo.status()).toBe(200);
    expect(logo.headers()['content-type']).toBe('image/png');
  });
});

/** The form as it stands (with its error shown) passes axe and fits a phone. */
async function expectFormFitsAndPasses(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
}

test.describe('the claimant form’s Same as links', () => {
  test('in English: a line that is not an address is refused next to the field; valid links reach the ClaimReview', async ({ browser }) => {
    const [admin] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = ${personas.admin.email}`;
    const claimant = await createClaimant(prisma);
    const claim = await createClaimWithAppearance(prisma, { status: 'PUBLISHED', claimantId: claimant.id });
    await createVerdict(prisma, { claimId: claim.id, authorId: admin?.id ?? '', state: 'PUBLISHED', ratingKey: 'mostly-false' });
    const context = await browser.newContext({ storageState: storageStateFor('admin') });
    const page = await context.newPage();
    await page.goto(`/dashboard/claimants/${claimant.id}`);

    const sameAs = page.getByLabel('Same as (one URL per line)');
    await sameAs.fill('https://www.example.org/who/spokesperson\nwikidata Q42');
    await page.getByRole('button', { name: 'Save claimant' }).click();
    await expect(sameAs).toHaveAttribute('aria-invalid', 'true');
    const refusal = '“wikidata Q42” is not a web address: each line must start with http:// or https://.';
    await expect(page.locator('#claimant-same-as-error')).toHaveText(refusal);
    await expect(sameAs).toHaveAccessibleDescription(new RegExp(`^${refusal.replace(/[.?*+^$()[\]{}|\\/]/g, '\\$&')}`));
    await expect(sameAs).toHaveValue('https://www.example.org/who/spokesperson\nwikidata Q42');
    expect((await sql<{ same_as: string[] }[]>`SELECT same_as FROM claimants WHERE id = ${claimant.id}`)[0]?.same_as).toEqual([]);
    await expectFormFitsAndPasses(page);

    await sameAs.fill('https://www.example.org/who/spokesperson\nhttps://encyclopedia.example.net/Spokesperson');
    await page.getByRole('button', { name: 'Save claimant' }).click();
    await expect(page.getByText('Claimant saved.')).toBeVisible();
    expect((await sql<{ same_as: string[] }[]>`SELECT same_as FROM claimants WHERE id = ${claimant.id}`)[0]?.same_as).toEqual([
      'https://www.example.org/who/spokesperson',
      'https://encyclopedia.example.net/Spokesperson',
    ]);
    const [audit] = await sql<{ after: { sameAs: string[] } }[]>`
      SELECT after FROM audit_events WHERE entity_type = 'Claimant' AND entity_id = ${claimant.id} AND action = 'claimant.update' ORDER BY at DESC LIMIT 1`;
    expect(audit?.after.sameAs).toHaveLength(2);

    const review = await claimReviewOn(page, `/claims/${claim.slug}`);
    expect(review.itemReviewed.author.sameAs).toEqual(['https://www.example.org/who/spokesperson', 'https://encyclopedia.example.net/Spokesperson']);
    await context.close();
  });

  test('in French: the field and its refusal in the user’s language', async ({ browser }) => {
    const claimant = await createClaimant(prisma);
    const page = await signedInScenarioUser(browser, 'ADMIN', { locale: 'fr' });
    await page.goto(`/dashboard/claimants/${claimant.id}`);
    const sameAs = page.getByLabel('Identique à (une adresse par ligne)');
    await sameAs.fill('www.example.org');
    await page.getByRole('button', { name: 'Enregistrer l’auteur' }).click();
    await expect(sameAs).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#claimant-same-as-error')).toHaveText(
      '« www.example.org » n’est pas une adresse web : chaque ligne doit commencer par http:// ou https://.',
    );
    await expect(sameAs).toHaveValue('www.example.org');
    await expectFormFitsAndPasses(page);
    await page.context().close();
  });
});
