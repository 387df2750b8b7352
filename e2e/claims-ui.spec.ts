import { expect, expectNoAxeViolations, type Page, test, expectFitsAndPassesAxeAtBothWidths } from './fixtures/test';
import { createClaim, createClaimWithAppearance } from '../seed/factories/claims';
import { prisma, sql } from './fixtures/database';
import { signedInScenarioUser } from './fixtures/sign-in';
import { storageStateFor } from './fixtures/personas';

// The dashboard's claims and claimants screens: every page in English (the
// browser's language) and in French (the user's setting), without an axe
// violation and without sideways scrolling on a phone and on a laptop; the
// confirmation that destructive buttons ask for, with and without
// JavaScript; and the focus after a failed submit.

type Fixtures = { draftId: string; draftSourceId: string; publishedId: string; claimantId: string };

/** A draft with an appearance (the editor shows its source's archived text), a seeded published claim with verdicts and links, a claimant. */
async function arrange(): Promise<Fixtures> {
  const draft = await createClaimWithAppearance(prisma);
  const [published] = await sql<{ id: string }[]>`
    SELECT c.id FROM claims c
    WHERE c.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id)
      AND EXISTS (SELECT 1 FROM claim_relations r WHERE r.from_claim_id = c.id OR r.to_claim_id = c.id)
    ORDER BY c.slug LIMIT 1`;
  expect(published, 'the seed has a published claim with a verdict and a link').toBeDefined();
  return { draftId: draft.id, draftSourceId: draft.appearance.sourceId, publishedId: published?.id ?? '', claimantId: draft.claimantId };
}

/** Each page of the area, with what proves it rendered in the expected language. */
function pagesOf(fixtures: Fixtures, language: 'en' | 'fr') {
  const en = language === 'en';
  return [
    { path: '/dashboard/claims', heading: en ? 'Claims' : 'Affirmations' },
    { path: '/dashboard/claims?status=PUBLISHED&sort=claimed', heading: en ? 'Claims' : 'Affirmations' },
    { path: '/dashboard/claims/new', heading: en ? 'New claim' : 'Nouvelle affirmation' },
    { path: `/dashboard/claims/${fixtures.draftId}?source=${fixtures.draftSourceId}`, heading: en ? /^Claim: / : /^Affirmation\s: / },
    { path: `/dashboard/claims/${fixtures.publishedId}`, heading: en ? /^Claim: / : /^Affirmation\s: / },
    { path: '/dashboard/claimants', heading: en ? 'Claimants' : 'Auteurs' },
    { path: `/dashboard/claimants/${fixtures.claimantId}`, heading: /./ },
    { path: '/dashboard/claimants/new', heading: en ? 'New claimant' : 'Nouvel auteur' },
  ];
}

test.describe('in English', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('every claims and claimants page passes axe and fits a phone and a laptop', async ({ page }) => {
    test.setTimeout(120_000);
    const fixtures = await arrange();
    for (const { path, heading } of pagesOf(fixtures, 'en')) {
      await test.step(path, async () => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await expectFitsAndPassesAxeAtBothWidths(page);
      });
    }
    // The archived text scrolls: it is a labelled region that takes the focus.
    await page.goto(`/dashboard/claims/${fixtures.draftId}?source=${fixtures.draftSourceId}`);
    const archivedText = page.getByRole('region', { name: 'Archived text' });
    await archivedText.focus();
    await expect(archivedText).toBeFocused();
  });

  test('a failed submit moves the focus to the first field in error, and keeps what was typed', async ({ page }) => {
    await page.goto('/dashboard/claims/new');
    await page.getByRole('button', { name: 'Save claim' }).click();
    await expect(page.getByLabel('Claim', { exact: true })).toBeFocused();
    await expect(page.getByLabel('Claim', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Claim', { exact: true }).fill('Une déclaration sans résumé.');
    await page.getByLabel('Tags').fill('défense, test');
    await page.getByRole('button', { name: 'Save claim' }).click();
    await expect(page.getByLabel('Summary')).toBeFocused();
    await expect(page.getByLabel('Claim', { exact: true })).toHaveValue('Une déclaration sans résumé.');
    await expect(page.getByLabel('Tags')).toHaveValue('défense, test');
  });

  test('removing an appearance asks first: Cancel keeps it, the confirmation removes it', async ({ page }) => {
    const claim = await createClaimWithAppearance(prisma);
    const count = async () => (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM appearances WHERE claim_id = ${claim.id}`)[0]?.n;
    await page.goto(`/dashboard/claims/${claim.id}`);
    const appearances = page.getByRole('region', { name: 'Appearances' });
    await appearances.getByRole('button', { name: 'Remove', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Take this appearance off the claim?' });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await count()).toBe(1);

    await appearances.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog.getByRole('button', { name: 'Yes, take it off' }).click();
    await expect(appearances.getByText('No appearance yet')).toBeVisible();
    await expect.poll(count).toBe(0);
  });

  test('removing a link between claims asks first', async ({ page }) => {
    const claim = await createClaim(prisma);
    const other = await createClaim(prisma);
    await page.goto(`/dashboard/claims/${claim.id}`);
    const related = page.getByRole('region', { name: 'Related claims' });
    await related.getByLabel('Related claim').fill(other.slug);
    await related.getByRole('button', { name: 'Add relation' }).click();
    await expect(related.getByRole('link', { name: other.summary })).toBeVisible();

    await related.getByRole('button', { name: 'Remove', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Unlink these claims?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Yes, unlink them' }).click();
    await expect(related.getByText('Not linked to any other claim.')).toBeVisible();
    await expect.poll(async () => (await sql`SELECT id FROM claim_relations WHERE from_claim_id = ${claim.id}`).length).toBe(0);
  });

  test('archiving a claim asks first, and an empty reason is refused with the focus on it', async ({ page }) => {
    const claim = await createClaim(prisma);
    await page.goto(`/dashboard/claims/${claim.id}`);
    const archive = page.getByRole('region', { name: 'Archive' });
    await archive.getByRole('button', { name: 'Archive claim' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive this claim?' });
    await dialog.getByRole('button', { name: 'Yes, archive it' }).click();
    await expect(archive.getByLabel('Reason')).toBeFocused();
    expect((await sql<{ status: string }[]>`SELECT status FROM claims WHERE id = ${claim.id}`)[0]?.status).toBe('DRAFT');

    await archive.getByLabel('Reason').fill('Doublon d’une autre affirmation.');
    await archive.getByRole('button', { name: 'Archive claim' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await sql<{ status: string }[]>`SELECT status FROM claims WHERE id = ${claim.id}`)[0]?.status).toBe('DRAFT');
    await archive.getByRole('button', { name: 'Archive claim' }).click();
    await dialog.getByRole('button', { name: 'Yes, archive it' }).click();
    await expect(page.getByRole('note').getByText('Archived', { exact: true })).toBeVisible();
    await expect.poll(async () => (await sql<{ status: string }[]>`SELECT status FROM claims WHERE id = ${claim.id}`)[0]?.status).toBe('ARCHIVED');
  });
});

test('without JavaScript, Remove still asks first and the confirmation still removes', async ({ browser }) => {
  const claim = await createClaimWithAppearance(prisma);
  const context = await browser.newContext({ storageState: storageStateFor('admin'), javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/dashboard/claims/${claim.id}`);
  await page.getByRole('region', { name: 'Appearances' }).getByRole('button', { name: 'Remove', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Take this appearance off the claim?' });
  await expect(dialog).toBeVisible();
  expect((await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM appearances WHERE claim_id = ${claim.id}`)[0]?.n).toBe(1);
  await dialog.getByRole('button', { name: 'Yes, take it off' }).click();
  await expect(page.getByText('No appearance yet')).toBeVisible();
  expect((await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM appearances WHERE claim_id = ${claim.id}`)[0]?.n).toBe(0);
  await context.close();
});

test.describe('in French (the user’s language setting)', () => {
  test('every claims and claimants page passes axe and fits a phone and a laptop', async ({ browser }) => {
    test.setTimeout(120_000);
    const fixtures = await arrange();
    const page = await signedInScenarioUser(browser, 'ADMIN', { locale: 'fr' });
    for (const { path, heading } of pagesOf(fixtures, 'fr')) {
      await test.step(path, async () => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await expectFitsAndPassesAxeAtBothWidths(page);
      });
    }
    await page.context().close();
  });

  test('a revision of a published claim: the panel passes axe, and withdrawing it asks first', async ({ browser }) => {
    const claim = await createClaimWithAppearance(prisma, { status: 'PUBLISHED' });
    const page = await signedInScenarioUser(browser, 'ADMIN', { locale: 'fr' });
    await page.goto(`/dashboard/claims/${claim.id}`);
    await page.getByLabel('Résumé').fill(`${claim.summary} (révisé)`);
    await page.getByRole('button', { name: 'Enregistrer l’affirmation' }).click();
    // No note: refused, with the focus on the note.
    await expect(page.getByLabel('Ce qui change et pourquoi')).toBeFocused();
    await page.getByLabel('Ce qui change et pourquoi').fill('Résumé précisé.');
    await page.getByRole('button', { name: 'Enregistrer l’affirmation' }).click();
    const revision = page.getByRole('region', { name: 'Révision proposée' });
    await expect(revision.getByText('En attente de relecture')).toBeVisible();
    await expect(revision.getByText('Résumé modifié(s).')).toBeVisible();
    await expectFitsAndPassesAxeAtBothWidths(page);

    await revision.getByRole('button', { name: 'Retirer la révision', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Retirer votre proposition de révision\s\?$/ });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Oui, la retirer' }).click();
    await expect(revision.getByText('Retirée', { exact: true })).toBeVisible();
    await page.context().close();
  });
});
