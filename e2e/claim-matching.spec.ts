import { expect, expectFitsAndPassesAxeAtBothWidths, type Page, test } from './fixtures/test';
import { prisma, sql } from './fixtures/database';
import { storageStateFor } from './fixtures/personas';
import { callAction, loadActionManifest } from './fixtures/server-actions';
import { signedInScenarioUser } from './fixtures/sign-in';

// Claim matching (issue 11) as an editor meets it: typing a claim the seed
// already has, in other words, names the seeded claim before anything is
// saved; "Link as the same claim" on a new claim is saved with it (and can be
// undone before), on a saved claim it links at once; a public claim page lists
// its related fact checks. Every page touched passes axe and fits a phone, in
// French and in English.

const TEN_THOUSAND_SLUG = 'blinken-10-000-soldats-nord-coreens-en-russie';
const TEN_THOUSAND_SUMMARY = 'Blinken : 10 000 soldats nord-coréens sont entrés en Russie';
const REWORDED = 'Selon Blinken, dix mille militaires nord-coréens sont arrivés en Russie';

const LABELS = {
  en: { claim: 'Claim', summary: 'Summary', save: 'Save claim', matches: 'Possible duplicates', link: 'Link as the same claim', undo: 'Undo', related: 'Related fact checks' },
  fr: {
    claim: 'Affirmation',
    summary: 'Résumé',
    save: 'Enregistrer l’affirmation',
    matches: 'Doublons possibles',
    link: 'Lier comme la même affirmation',
    undo: 'Annuler',
    related: 'Vérifications liées',
  },
} as const;

async function tenThousandId(): Promise<string> {
  const [row] = await sql<{ id: string }[]>`SELECT id FROM claims WHERE slug = ${TEN_THOUSAND_SLUG}`;
  expect(row, 'the seed has the 10,000-soldiers claim').toBeDefined();
  return row?.id ?? '';
}

/** The live panel inside the claim form. */
const matchesPanel = (page: Page, locale: 'en' | 'fr') => page.getByRole('region', { name: LABELS[locale].matches });

for (const locale of ['en', 'fr'] as const) {
  const label = LABELS[locale];

  test(`typing a claim already in the seed, in other words, names it before saving (${locale})`, async ({ browser }) => {
    const page = await signedInScenarioUser(browser, 'EDITOR', { locale });
    await page.goto('/dashboard/claims/new');
    await page.getByLabel(label.claim, { exact: true }).fill(REWORDED);
    const panel = matchesPanel(page, locale);
    await expect(panel.getByRole('link', { name: TEN_THOUSAND_SUMMARY })).toBeVisible();
    // The count is announced politely, the list is not read out at each keystroke.
    await expect(panel.locator('[aria-live="polite"]')).toHaveText(locale === 'en' ? /claims? may be the same one/ : /pourrai(en)?t être la même/);
    await expectFitsAndPassesAxeAtBothWidths(page);
    await page.context().close();
  });
}

test('a new claim linked as the same claim: undone, chosen again, saved with its SAME_AS link', async ({ browser }) => {
  const seeded = await tenThousandId();
  const page = await signedInScenarioUser(browser, 'EDITOR', { locale: 'en' });
  await page.goto('/dashboard/claims/new');
  await page.getByLabel('Claim', { exact: true }).fill(REWORDED);
  const panel = matchesPanel(page, 'en');
  const match = panel.getByRole('listitem').filter({ has: page.getByRole('link', { name: TEN_THOUSAND_SUMMARY }) });
  await match.getByRole('button', { name: 'Link as the same claim' }).click();
  await expect(match.getByText('Will be linked as the same claim when you save.')).toBeVisible();
  await match.getByRole('button', { name: 'Undo' }).click();
  // One button that changes its words: the focus stays on it.
  await expect(match.getByRole('button', { name: 'Link as the same claim' })).toBeFocused();
  await expect(page.locator('input[name="sameAsClaimId"]')).toHaveValue('');
  await match.getByRole('button', { name: 'Link as the same claim' }).click();
  await expect(page.locator('input[name="sameAsClaimId"]')).toHaveValue(seeded);

  const summary = `Blinken : dix mille militaires en Russie ${Date.now().toString(36)}`.slice(0, 75);
  await page.getByLabel('Summary').fill(summary);
  await page.getByLabel('Claimant', { exact: true }).fill('Antony Blinken');
  await page.getByRole('button', { name: 'Save claim' }).click();
  await expect(page).toHaveURL(/\/dashboard\/claims\/[^/?]+\?created=1/);
  const [created] = await sql<{ id: string }[]>`SELECT id FROM claims WHERE summary = ${summary}`;
  expect(created).toBeDefined();
  try {
    await expect
      .poll(async () => (await sql`
        SELECT 1 FROM claim_relations WHERE type = 'SAME_AS'
          AND ((from_claim_id = ${created?.id ?? ''} AND to_claim_id = ${seeded}) OR (from_claim_id = ${seeded} AND to_claim_id = ${created?.id ?? ''}))`).length)
      .toBe(1);
    await expect(page.getByRole('region', { name: 'Related claims' }).getByRole('link', { name: TEN_THOUSAND_SUMMARY })).toBeVisible();
  } finally {
    await prisma.claim.delete({ where: { id: created?.id ?? '' } });
  }
  await page.context().close();
});

test('the claim chosen as the same one stays on screen, with its Undo, after the text no longer matches it', async ({ browser }) => {
  const seeded = await tenThousandId();
  const page = await signedInScenarioUser(browser, 'EDITOR', { locale: 'en' });
  await page.goto('/dashboard/claims/new');
  const claim = page.getByLabel('Claim', { exact: true });
  await claim.fill(REWORDED);
  const panel = matchesPanel(page, 'en');
  const match = panel.getByRole('listitem').filter({ has: page.getByRole('link', { name: TEN_THOUSAND_SUMMARY }) });
  await match.getByRole('button', { name: 'Link as the same claim' }).click();
  await claim.fill('Zxqv wlorp fnargh');
  await expect(panel.locator('[aria-live="polite"]')).toHaveText('No similar claim found.');
  // Saving would link it: the editor still sees to what, and can take it back.
  await expect(match.getByText('Will be linked as the same claim when you save.')).toBeVisible();
  await expect(page.locator('input[name="sameAsClaimId"]')).toHaveValue(seeded);
  await match.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('input[name="sameAsClaimId"]')).toHaveValue('');
  await page.context().close();
});

test('“Add this appearance to it instead” carries the speaker and stance as the editor set them', async ({ browser }) => {
  const seeded = await tenThousandId();
  const [quoted] = await sql<{ source_id: string; start: number; end: number }[]>`
    SELECT source_id, start, "end" FROM appearances WHERE claim_id = ${seeded} ORDER BY start LIMIT 1`;
  const [lavrov] = await sql<{ id: string }[]>`SELECT id FROM claimants WHERE slug = 'sergei-lavrov'`;
  expect(quoted && lavrov).toBeTruthy();
  const page = await signedInScenarioUser(browser, 'EDITOR', { locale: 'en' });
  await page.goto(`/dashboard/claims/new?source=${quoted?.source_id}&start=${quoted?.start}&end=${quoted?.end}&stance=ASSERTS&speaker=`);
  const pending = page.getByRole('group', { name: 'Quote saved with the claim' });
  await pending.getByLabel('Stance').selectOption('DENIES');
  await pending.getByLabel('Speaker').selectOption(lavrov?.id ?? '');
  const match = matchesPanel(page, 'en').getByRole('listitem').filter({ has: page.getByRole('link', { name: TEN_THOUSAND_SUMMARY }) });
  const href = new URL((await match.getByRole('link', { name: 'Add this appearance to it instead' }).getAttribute('href')) ?? '', 'http://attest.test');
  expect(href.pathname).toBe(`/dashboard/claims/${seeded}`);
  expect(href.searchParams.get('stance')).toBe('DENIES');
  expect(href.searchParams.get('speaker')).toBe(lavrov?.id);
  await page.context().close();
});

test('the live check out of reach: the panel says so, the form and what was typed stay', async ({ browser }) => {
  const page = await signedInScenarioUser(browser, 'EDITOR', { locale: 'en' });
  await page.goto('/dashboard/claims/new');
  // Every server action call from the page gets an answer that is not one (a proxy's error page during a restart).
  await page.route('**/dashboard/claims/new', (route) =>
    route.request().method() === 'POST' ? route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Restarting</p>' }) : route.continue(),
  );
  await page.getByLabel('Claim', { exact: true }).fill(REWORDED);
  await expect(matchesPanel(page, 'en').locator('[aria-live="polite"]')).toHaveText(
    'Similar claims cannot be looked up right now; your claim is not affected and can be saved.',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New claim');
  await expect(page.getByLabel('Claim', { exact: true })).toHaveValue(REWORDED);
  await page.context().close();
});

for (const locale of ['en', 'fr'] as const) {
  test(`a saved claim's editor lists its possible duplicates and links one as the same claim (${locale})`, async ({ browser }) => {
    const seeded = await tenThousandId();
    const [blinken] = await sql<{ id: string }[]>`SELECT id FROM claimants WHERE slug = 'antony-blinken'`;
    const id = `matching_e2e_${locale}_${Date.now().toString(36)}`;
    await sql`
      INSERT INTO claims (id, slug, text, summary, language, claimant_id, status, updated_at)
      VALUES (${id}, ${id.replace(/_/g, '-')}, ${REWORDED}, ${`Blinken : dix mille militaires arrivés en Russie (${locale})`}, 'fr', ${blinken?.id ?? ''}, 'DRAFT', now())`;
    try {
      const page = await signedInScenarioUser(browser, 'EDITOR', { locale });
      await page.goto(`/dashboard/claims/${id}`);
      const section = page.getByRole('region', { name: LABELS[locale].matches, exact: true });
      const match = section.getByRole('listitem').filter({ has: page.getByRole('link', { name: TEN_THOUSAND_SUMMARY }) });
      await expect(match).toBeVisible();
      await expectFitsAndPassesAxeAtBothWidths(page);
      await match.getByRole('button', { name: LABELS[locale].link }).click();
      await expect
        .poll(async () => (await sql`SELECT 1 FROM claim_relations WHERE type = 'SAME_AS' AND from_claim_id = ${id} AND to_claim_id = ${seeded}`).length)
        .toBe(1);
      // Linked now: no longer a possible duplicate, listed with the related claims.
      await expect(section.getByRole('link', { name: TEN_THOUSAND_SUMMARY })).toBeHidden();
      await page.context().close();
    } finally {
      await sql`DELETE FROM claims WHERE id = ${id}`;
    }
  });
}

for (const locale of ['fr', 'en'] as const) {
  test(`a public claim page lists its related fact checks, published ones only (${locale})`, async ({ page }) => {
    await page.goto(`${locale === 'fr' ? '' : '/en'}/claims/${TEN_THOUSAND_SLUG}`);
    const related = page.getByRole('region', { name: LABELS[locale].related });
    await expect(related).toBeVisible();
    const hrefs = await related.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const slugs = hrefs.filter((href) => href.includes('/claims/')).map((href) => decodeURIComponent(href.split('/claims/')[1] ?? ''));
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs).not.toContain(TEN_THOUSAND_SLUG);
    // Each names who made it, one click from their record.
    expect(hrefs.filter((href) => href.includes('/claimants/')).length).toBe(slugs.length);
    const statuses = await sql<{ status: string }[]>`SELECT DISTINCT status::text AS status FROM claims WHERE slug IN ${sql(slugs)}`;
    expect(statuses.map((row) => row.status)).toEqual(['PUBLISHED']);
    await expectFitsAndPassesAxeAtBothWidths(page);
  });
}

test('hostile input to the live check: a page past the limit, a NUL byte, tsquery syntax — a message or matches, never a 500', async ({ playwright, baseURL }) => {
  const entry = loadActionManifest().get('lib/claim-matching/actions.ts#findClaimMatchesAction');
  if (!entry) throw new Error('findClaimMatchesAction is not in the build');
  const action = { id: entry.id, path: '/dashboard/claims/new' };
  const request = await playwright.request.newContext({ baseURL, storageState: storageStateFor('editor'), extraHTTPHeaders: { 'Accept-Language': 'en-US' } });
  try {
    const tooLong = await callAction(request, action, { text: 'soldats '.repeat(2000) });
    expect(tooLong.status).toBe(200);
    expect(tooLong.body).toContain('"code":"VALIDATION"');
    expect(tooLong.body).toContain('"text":["Must be 10,000 characters or fewer."]');
    const nul = await callAction(request, action, { text: 'soldats\u0000nord-coréens' });
    expect(nul.status).toBe(200);
    expect(nul.body).toContain('Remove the invisible control characters from this field.');
    for (const text of ["' & | ! ( ) :* <-> \\", 'x'.repeat(10_000), `${REWORDED} `.repeat(100).slice(0, 9_999)]) {
      const answer = await callAction(request, action, { text, summary: text.slice(0, 500), claimant: text.slice(0, 200), start: '0', end: '2147483647', sourceId: 'nope' });
      expect(answer.status, text.slice(0, 40)).toBe(200);
      expect(answer.body).toContain('"ok":true');
    }
  } finally {
    await request.dispose();
  }
});
