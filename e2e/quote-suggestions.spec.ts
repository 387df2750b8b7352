import { randomBytes } from 'node:crypto';
import { expect, expectFitsAndPassesAxeAtBothWidths, type Page, test } from './fixtures/test';
import { sql } from './fixtures/database';
import { storageStateFor } from './fixtures/personas';
import { signedInScenarioUser } from './fixtures/sign-in';

// Issue 11: an editor pastes a new article with two quoted statements and a
// denial, sees exactly those three suggestions with their speakers, creates
// a claim from one in one click (the quote located by its offsets, the
// speaker and the stance filled in) and adds another one to the claim from
// the claim editor's source panel. The pages pass axe and fit a phone, in
// English and in French; a hand-edited link never breaks the form.

const run = randomBytes(3).toString('hex');

/** A new article with two quoted statements and a denial; `tag` keeps each test's article (and quotes) its own. */
function articleFor(tag: string) {
  const blinkenQuote = `Plus de 11 000 soldats nord-coréens se trouvent désormais dans la zone de combat (${tag})`;
  const rutteQuote = `L’Alliance renforcera sa présence en mer Baltique dès cet hiver (${tag})`;
  const kremlinQuote = `Ce sont de fausses nouvelles, une provocation de plus (${tag})`;
  const text = [
    `Soldats nord-coréens : Washington et Moscou s’opposent (${tag})`,
    '',
    `« ${blinkenQuote} », a déclaré Antony Blinken lundi à Bruxelles.`,
    '',
    'Les ministres se sont ensuite retrouvés pour un dîner de travail au siège de l’organisation.',
    '',
    `« ${rutteQuote} », a affirmé Mark Rutte devant la presse.`,
    '',
    // Inverted, as wire copy writes it: the speaker follows the denial.
    `« ${kremlinQuote} », a démenti le Kremlin dans la soirée.`,
  ].join('\n');
  return { title: `Washington et Moscou s’opposent (${tag})`, text, blinkenQuote, rutteQuote, kremlinQuote };
}

const { blinkenQuote, rutteQuote, kremlinQuote } = articleFor(run);

/** Code-point offset of `passage` in `text`, as the database counts. */
const offsetIn = (text: string, passage: string) => Array.from(text.slice(0, text.indexOf(passage))).length;
const lengthOf = (passage: string) => Array.from(passage).length;

async function claimantId(slug: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`SELECT id FROM claimants WHERE slug = ${slug}`;
  return row?.id ?? '';
}

/** Through the real import form (in English: the persona's language). */
async function pasteArticle(page: Page, article = articleFor(run)): Promise<{ id: string; text: string }> {
  await page.goto('/dashboard/sources/new');
  await page.getByLabel('Title').fill(article.title);
  await page.getByLabel('Publisher').fill('Le Quotidien de test');
  await page.getByLabel('Language').fill('fr');
  await page.getByLabel('Text', { exact: true }).fill(article.text);
  await page.getByRole('button', { name: 'Preview cleaned text' }).click();
  await page.getByRole('button', { name: 'Save source' }).click();
  await expect(page).toHaveURL(/\/dashboard\/sources\/[^/?]+\?saved=1/);
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  const [row] = await sql<{ text: string }[]>`SELECT text FROM sources WHERE id = ${id}`;
  return { id, text: row?.text ?? '' };
}

test.describe('in English', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('a pasted article’s three statements are suggested; one click creates a claim with its appearance; the editor’s panel adds another', async ({ page }) => {
    test.setTimeout(180_000);
    const source = await pasteArticle(page);

    const suggestions = page.getByRole('region', { name: 'Suggested quotes' }).getByRole('listitem');
    await test.step('the source page suggests exactly the three statements, with their speakers, the denial marked', async () => {
      await expect(suggestions).toHaveCount(3);
      const blinken = suggestions.filter({ hasText: blinkenQuote });
      await expect(blinken.getByText('Probable speaker: Antony Blinken')).toBeVisible();
      await expect(suggestions.filter({ hasText: rutteQuote }).getByText('Probable speaker: Mark Rutte')).toBeVisible();
      const kremlin = suggestions.filter({ hasText: kremlinQuote });
      await expect(kremlin.getByText('Probable speaker: Kremlin')).toBeVisible();
      await expect(kremlin.getByText('Denial', { exact: true })).toBeVisible();
      await expect(blinken.getByText('Denial', { exact: true })).toHaveCount(0);
      // The quote keeps the source's language; its sentence is shown with the quote marked.
      await expect(blinken.getByRole('blockquote')).toHaveAttribute('lang', 'fr');
      await expect(blinken.locator('mark')).toHaveText(blinkenQuote);
      await expectFitsAndPassesAxeAtBothWidths(page);
    });

    let claimId = '';
    await test.step('“Create a claim from this quote” opens the new-claim form, prefilled', async () => {
      await suggestions.filter({ hasText: rutteQuote }).getByRole('link', { name: 'Create a claim from this quote' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('New claim');
      await expect(page.getByLabel('Claim', { exact: true })).toHaveValue(rutteQuote);
      await expect(page.getByLabel('Claim', { exact: true })).toHaveAttribute('lang', 'fr');
      await expect(page.getByLabel('Claimant')).toHaveValue('Mark Rutte');
      const pending = page.getByRole('group', { name: 'Quote saved with the claim' });
      await expect(pending.locator('mark')).toHaveText(rutteQuote);
      await expect(pending.getByLabel('Speaker')).toHaveValue(await claimantId('mark-rutte'));
      await expect(pending.getByLabel('Stance')).toHaveValue('ASSERTS');
      await expect(page.getByLabel('Language')).toHaveValue('fr');
      await expectFitsAndPassesAxeAtBothWidths(page);

      await page.getByLabel('Summary').fill(`Rutte : l’OTAN renforcée en Baltique (${run})`);
      await page.getByRole('button', { name: 'Save claim' }).click();
      await expect(page).toHaveURL(/\/dashboard\/claims\/[^/?]+\?created=1/);
      claimId = new URL(page.url()).pathname.split('/').pop() ?? '';
    });

    await test.step('the claim editor shows the appearance at the quote’s offsets', async () => {
      await expect(page.getByRole('region', { name: 'Appearances' }).getByText(rutteQuote)).toBeVisible();
      const rows = await sql<{ start: number; end: number; exact: string; stance: string; speaker: string }[]>`
        SELECT a.start, a."end", a.exact, a.stance::text AS stance, s.slug AS speaker
        FROM appearances a JOIN claimants s ON s.id = a.speaker_id WHERE a.claim_id = ${claimId}`;
      const start = offsetIn(source.text, rutteQuote);
      expect(rows).toEqual([{ start, end: start + lengthOf(rutteQuote), exact: rutteQuote, stance: 'ASSERTS', speaker: 'mark-rutte' }]);
    });

    await test.step('in the editor’s source panel, “Use this quote” fills the appearance form', async () => {
      await page.goto(`/dashboard/claims/${claimId}?source=${source.id}#add-appearance`);
      const panel = page.getByRole('region', { name: 'Suggested quotes in this source' });
      await panel.getByRole('listitem').filter({ hasText: kremlinQuote }).getByRole('button', { name: 'Use this quote' }).click();
      const form = page.getByRole('region', { name: 'New appearance' });
      await expect(form.getByLabel('Quote', { exact: true })).toHaveValue(kremlinQuote);
      await expect(form.getByLabel('Speaker', { exact: true })).toHaveValue(await claimantId('kremlin'));
      await expect(form.getByLabel('Stance', { exact: true })).toHaveValue('DENIES');
      await expectFitsAndPassesAxeAtBothWidths(page);
      await form.getByRole('button', { name: 'Add appearance' }).click();
      await expect(page.getByRole('region', { name: 'Appearances' }).getByText(kremlinQuote)).toBeVisible();
      const [row] = await sql<{ start: number; stance: string }[]>`
        SELECT a.start, a.stance::text AS stance FROM appearances a WHERE a.claim_id = ${claimId} AND a.exact = ${kremlinQuote}`;
      expect(row).toEqual({ start: offsetIn(source.text, kremlinQuote), stance: 'DENIES' });
    });

    await test.step('the source page now says which claim the quote is logged as', async () => {
      await page.goto(`/dashboard/sources/${source.id}`);
      await expect(suggestions.filter({ hasText: rutteQuote }).getByRole('link', { name: `Rutte : l’OTAN renforcée en Baltique (${run})` })).toBeVisible();
    });

    await test.step('an existing claim’s link (?source&start&end&stance&speaker) opens its appearance form prefilled', async () => {
      const start = offsetIn(source.text, blinkenQuote);
      const blinkenId = await claimantId('antony-blinken');
      await page.goto(`/dashboard/claims/${claimId}?source=${source.id}&start=${start}&end=${start + lengthOf(blinkenQuote)}&stance=ASSERTS&speaker=${blinkenId}#add-appearance`);
      const form = page.getByRole('region', { name: 'New appearance' });
      await expect(form.getByLabel('Quote', { exact: true })).toHaveValue(blinkenQuote);
      await expect(form.getByLabel('Speaker', { exact: true })).toHaveValue(blinkenId);
    });
  });

  test('a hand-edited or hostile link is ignored with a note: the form opens, never an error page', async ({ page }) => {
    const [source] = await sql<{ id: string }[]>`SELECT id FROM sources ORDER BY created_at LIMIT 1`;
    const sourceId = source?.id ?? '';
    const cases = [
      { query: `source=${sourceId}&start=999999&end=1000000`, reason: 'its position is not in the source’s text' },
      { query: `source=${sourceId}&start=abc&end=12`, reason: 'the link’s parameters are not valid' },
      { query: `source=${sourceId}&start=10&end=5`, reason: 'the link’s parameters are not valid' },
      { query: `source=${sourceId}&start=1&start=2&end=9`, reason: 'the link’s parameters are not valid' },
      { query: 'source=no-such-source&start=0&end=5', reason: 'its source does not exist' },
      { query: `source=%00&start=0&end=5`, reason: 'the link’s parameters are not valid' },
    ];
    for (const { query, reason } of cases) {
      await test.step(query, async () => {
        const response = await page.goto(`/dashboard/claims/new?${query}`);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole('note').filter({ hasText: reason })).toBeVisible();
        await expect(page.getByLabel('Claim', { exact: true })).toHaveValue('');
        await expect(page.getByRole('group', { name: 'Quote saved with the claim' })).toHaveCount(0);
      });
    }
    await test.step('a speaker who is no claimant is dropped; the name is offered as a new claimant', async () => {
      await page.goto(`/dashboard/claims/new?source=${sourceId}&start=0&end=12&stance=NOPE&speaker=no-such-claimant&speakerName=Dmitri%20Peskov`);
      await expect(page.getByRole('note').filter({ hasText: 'The speaker in the link is not a known claimant' })).toBeVisible();
      await expect(page.getByRole('note').filter({ hasText: '“Dmitri Peskov” is not a claimant yet' })).toBeVisible();
      await expect(page.getByLabel('Claimant')).toHaveValue('Dmitri Peskov');
      // "New claimant" starts from the name found in the text.
      await expect(page.locator('#new-claimant-name')).toHaveValue('Dmitri Peskov');
      const pending = page.getByRole('group', { name: 'Quote saved with the claim' });
      await expect(pending.getByLabel('Speaker')).toHaveValue('');
      await expect(pending.getByLabel('Stance')).toHaveValue('ASSERTS');
    });
  });

  test('saving a claim nearly identical to one of the same claimant asks for a confirmation, naming it', async ({ page }) => {
    await page.goto('/dashboard/claims/new');
    await page.getByLabel('Claim', { exact: true }).fill('10 000 soldats nord-coréens sont entrés en Russie');
    await page.getByLabel('Summary').fill(`Blinken, encore (${run})`);
    await page.getByLabel('Claimant').fill('Antony Blinken');
    await page.getByRole('button', { name: 'Save claim' }).click();
    const notice = page.locator('#claim-duplicate');
    await expect(notice.getByRole('link', { name: 'Blinken : 10 000 soldats nord-coréens sont entrés en Russie' })).toBeVisible();
    await expect(page.getByText('Nearly the same text as “Blinken : 10 000 soldats nord-coréens sont entrés en Russie”, by the same claimant.')).toBeVisible();
    await expectFitsAndPassesAxeAtBothWidths(page);
    await notice.getByRole('button', { name: 'Save anyway: it is a different claim' }).click();
    await expect(page).toHaveURL(/\/dashboard\/claims\/[^/?]+\?created=1/);
  });
});

test.describe('in French (the user’s language setting)', () => {
  test('the source page’s suggestions and the new-claim form opened from one pass axe and fit a phone', async ({ browser }) => {
    test.setTimeout(120_000);
    // An unbroken token (a pasted address) inside the quotes must wrap, not push the page sideways.
    const quoted = articleFor(`${run}-fr https://example.org/${'a'.repeat(72)}`);
    const article = { ...quoted, title: `Washington et Moscou s’opposent (${run}-fr)` };
    const archivist = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
    const source = await pasteArticle(archivist, article);
    const page = await signedInScenarioUser(browser, 'EDITOR', { locale: 'fr' });
    await page.goto(`/dashboard/sources/${source.id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const suggestions = page.getByRole('region', { name: 'Citations suggérées' }).getByRole('listitem');
    await expect(suggestions).toHaveCount(3);
    await expect(suggestions.filter({ hasText: article.kremlinQuote }).getByText('Démenti', { exact: true })).toBeVisible();
    await expect(suggestions.filter({ hasText: article.blinkenQuote }).getByText('Locuteur probable\u00a0: Antony Blinken')).toBeVisible();
    await expectFitsAndPassesAxeAtBothWidths(page);
    await suggestions.filter({ hasText: article.blinkenQuote }).getByRole('link', { name: 'Créer une affirmation à partir de cette citation' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle affirmation');
    await expect(page.getByLabel('Affirmation', { exact: true })).toHaveValue(article.blinkenQuote);
    await expect(page.getByRole('group', { name: 'Citation enregistrée avec l’affirmation' })).toBeVisible();
    await expectFitsAndPassesAxeAtBothWidths(page);
  });
});
