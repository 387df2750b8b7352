import { expect, test, type Page } from './fixtures/test';
import { randomBytes } from 'node:crypto';
import { sql } from './fixtures/database';
import { storageStateFor } from './fixtures/personas';

// The newsroom's whole path, in Chromium, with the demo accounts: an editor
// pastes an article, logs a claim pinned to a quote in it, drafts a verdict
// with evidence and submits it; a second editor requests changes once, then
// approves; readers see it at once; a later verdict corrects it and the
// history keeps both.

const run = randomBytes(3).toString('hex');
const articleUrl = `https://example.org/kremlin-peskov-${run}`;
const quote = 'aucun soldat nord-coréen ne combat sur le sol russe';
const articleText = [
  `Le Kremlin dément encore la présence de soldats nord-coréens (${run})`,
  '',
  `Le porte-parole du Kremlin, Dmitri Peskov, a assuré jeudi qu’« ${quote} », malgré les affirmations répétées de Séoul et de Washington.`,
  '',
  'Selon des évaluations de l’OTAN, plusieurs milliers de soldats nord-coréens ont pourtant été déployés dans la région de Koursk.',
  '',
  'Laisser un commentaire',
].join('\n');
const summary = `Peskov : aucun soldat nord-coréen en Russie (${run})`;
const hostileClaimMarkup = '<script>alert("claim")</script>';
const hostileMarkdown = '\n\n<img src=x onerror="alert(1)"> [source](javascript:alert(2)) <a href="https://example.org" onclick="alert(3)">lien</a>';

async function submitVerdict(page: Page, verdict: { rating: string; headline: string; explanation: string; evidenceQuote: string; correctionNote?: string }, sourceId: string) {
  await page.getByLabel('Rating').selectOption({ label: verdict.rating });
  await page.getByLabel('Headline').fill(verdict.headline);
  await page.getByLabel('Explanation').fill(verdict.explanation);
  await page.getByLabel('As of').fill('2024-12-06');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const row = page.getByRole('group', { name: /Evidence 1/ });
  await row.getByLabel('Source').selectOption(sourceId);
  await row.getByLabel('Quote').fill(verdict.evidenceQuote);
  await row.getByLabel('Stance').selectOption('REFUTES');
  if (verdict.correctionNote) await page.getByLabel('Correction note').fill(verdict.correctionNote);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page).toHaveURL(/saved=submitted/);
}

async function approveAsReviewer(reviewer: Page) {
  await reviewer.goto('/dashboard/review');
  await reviewer.getByRole('link', { name: summary }).click();
  await reviewer.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(reviewer).toHaveURL(/done=published/);
}

test('an editor takes a pasted article to a second-editor-approved verdict, then corrects it', async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
  const reviewer = await (await browser.newContext({ storageState: storageStateFor('reviewer') })).newPage();

  let sourceId = '';
  await test.step('the editor pastes the article and archives it', async () => {
    await editor.goto('/dashboard/sources/new');
    await editor.getByLabel('Title').fill(`Le Kremlin dément encore (${run})`);
    await editor.getByLabel('URL').fill(articleUrl);
    await editor.getByLabel('Publisher').fill('Le Quotidien de test');
    await editor.getByLabel('Author').fill('Camille Martin');
    await editor.getByLabel('Language').fill('fr');
    await editor.getByLabel('Published on').fill('2024-12-05');
    await editor.getByLabel('Text', { exact: true }).fill(articleText);
    await editor.getByRole('button', { name: 'Preview cleaned text' }).click();
    await expect(editor.getByText('Check the cleaned text below, then save the source.')).toBeVisible();
    await editor.getByRole('button', { name: 'Save source' }).click();
    await expect(editor).toHaveURL(/\/dashboard\/sources\/[^/?]+\?saved=1/);
    const [row] = await sql`SELECT id, text FROM sources WHERE url = ${articleUrl}`;
    expect(row?.text).not.toContain('Laisser un commentaire');
    sourceId = String(row?.id);
  });

  let claimId = '';
  await test.step('the editor logs the claim and pins it to the quote', async () => {
    await editor.goto('/dashboard/claims/new');
    // Hostile markup typed into a plain field must come out as text.
    await editor.getByLabel('Claim', { exact: true }).fill(`Aucun soldat nord-coréen ne combat sur le sol russe. ${hostileClaimMarkup}`);
    await editor.getByLabel('Summary').fill(summary);
    await editor.getByLabel('Claimant').fill('Kremlin');
    await editor.getByLabel('Claimed on').fill('2024-12-05');
    await editor.getByRole('button', { name: 'Save claim' }).click();
    await expect(editor).toHaveURL(/\/dashboard\/claims\/[^/?]+\?created=1/);
    claimId = new URL(editor.url()).pathname.split('/').pop() ?? '';

    await editor.getByLabel('Source').selectOption(sourceId);
    await editor.getByLabel('Quote').fill(quote);
    await editor.getByRole('button', { name: 'Add appearance' }).click();
    await expect(editor.getByRole('region', { name: 'Appearances' }).getByText(quote)).toBeVisible();
    const [appearance] = await sql`SELECT id, exact, start, "end" FROM appearances WHERE claim_id = ${claimId}`;
    expect(appearance?.exact).toBe(quote);
    // The archived source shows the passage the offsets point at, highlighted: the quote as typed.
    await editor.goto(`/dashboard/sources/${sourceId}`);
    const highlighted = await editor.locator(`mark[data-quotes~="${appearance?.id}"]`).allTextContents();
    expect(highlighted.join('')).toBe(quote);
    await editor.goto(`/dashboard/claims/${claimId}`);
  });

  await test.step('the editor drafts a verdict with evidence and submits it', async () => {
    await editor.getByRole('link', { name: 'New verdict' }).click();
    await submitVerdict(
      editor,
      {
        rating: 'Mostly false — Plutôt faux',
        headline: 'Plusieurs gouvernements affirment le contraire.',
        explanation: `**Ce que montrent les sources.** L’OTAN fait état de soldats nord-coréens à Koursk.${hostileMarkdown}`,
        evidenceQuote: 'plusieurs milliers de soldats nord-coréens ont pourtant été déployés dans la région de Koursk',
      },
      sourceId,
    );
  });

  await test.step('the reviewer requests changes once', async () => {
    await reviewer.goto('/dashboard/review');
    await reviewer.getByRole('link', { name: summary }).click();
    await reviewer.getByLabel('Comment').fill('Précisez la date des évaluations de l’OTAN dans le titre.');
    await reviewer.getByRole('button', { name: 'Request changes' }).click();
    await expect(reviewer).toHaveURL(/done=changes-requested/);
  });

  await test.step('the editor sees the request, revises and resubmits', async () => {
    await editor.goto('/dashboard');
    await expect(editor.getByText('Précisez la date des évaluations de l’OTAN dans le titre.')).toBeVisible();
    await editor.getByRole('link', { name: summary }).first().click();
    await editor.getByLabel('Headline').fill('Début décembre 2024, l’OTAN affirme le contraire.');
    await editor.getByRole('button', { name: 'Submit for review' }).click();
    await expect(editor).toHaveURL(/saved=submitted/);
  });

  await test.step('the reviewer approves and the verdict is public at once', async () => {
    await approveAsReviewer(reviewer);
    const [claim] = await sql`SELECT slug, status FROM claims WHERE id = ${claimId}`;
    expect(claim?.status).toBe('PUBLISHED');
    const publicPage = await browser.newPage();
    const dialogs: string[] = [];
    publicPage.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await publicPage.goto(`/claims/${claim?.slug}`);
    await expect(publicPage.getByText('Début décembre 2024, l’OTAN affirme le contraire.')).toBeVisible();
    // Sanitized: the markup typed by the editor never runs.
    await expect(publicPage.getByText(hostileClaimMarkup, { exact: false }).first()).toBeVisible();
    expect(await publicPage.locator('[onerror], [onclick], a[href^="javascript:" i]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // The verdict's own rating: the page's related fact checks carry ratings too.
    await expect(publicPage.getByRole('region', { name: 'Verdict' }).getByText('Plutôt faux', { exact: true })).toBeVisible();
    const api = await (await publicPage.request.get(`/api/claims/${claim?.slug}`)).json();
    expect(api.verdict.headline).toBe('Début décembre 2024, l’OTAN affirme le contraire.');
    expect(api.verdict.rating.key).toBe('mostly-false');
    expect(api.appearances[0].quote.exact).toBe(quote);
    await publicPage.close();
  });

  await test.step('a later verdict with a correction supersedes it, and the history shows both', async () => {
    await editor.goto(`/dashboard/claims/${claimId}`);
    await editor.getByRole('link', { name: 'New verdict' }).click();
    await submitVerdict(
      editor,
      {
        rating: 'False — Faux',
        headline: 'Les évaluations concordantes de quatre pays contredisent le Kremlin.',
        explanation: 'Mise à jour après de nouvelles évaluations.',
        evidenceQuote: 'plusieurs milliers de soldats nord-coréens',
        correctionNote: 'Nouvelles évaluations concordantes : la note passe de « Plutôt faux » à « Faux ».',
      },
      sourceId,
    );
    await approveAsReviewer(reviewer);

    const [claim] = await sql`SELECT slug FROM claims WHERE id = ${claimId}`;
    const publicPage = await browser.newPage();
    // In English (/en): the page's words and ratings are English, the claim's own text French.
    await publicPage.goto(`/en/claims/${claim?.slug}`);
    await expect(publicPage.getByText('False', { exact: true }).first()).toBeVisible();
    const history = publicPage.getByRole('region', { name: 'Earlier verdicts and corrections' });
    await expect(history.getByText('Début décembre 2024, l’OTAN affirme le contraire.')).toBeVisible();
    await expect(history.getByText(/la note passe de « Plutôt faux » à « Faux »/)).toBeVisible();
    const api = await (await publicPage.request.get(`/api/claims/${claim?.slug}`)).json();
    expect(api.verdict.rating.key).toBe('false');
    expect(api.history).toHaveLength(1);
    expect(api.history[0].correction.note).toContain('Plutôt faux');
    await publicPage.close();

    await editor.goto(`/dashboard/claims/${claimId}/history`);
    await expect(editor.getByText(/Version 1/).first()).toBeVisible();
    await expect(editor.getByText(/Version 2/).first()).toBeVisible();
  });
});
