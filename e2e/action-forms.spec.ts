import { expect, test } from './fixtures/test';
import { createClaimWithAppearance } from '../seed/factories/claims';
import { prisma, sql } from './fixtures/database';
import { storageStateFor } from './fixtures/personas';

// The forms whose actions need more from runAction than one value per field:
// the verdict editor (indexed evidence rows, errors keyed by row, the
// occurrences of a repeated quote) and the source form (the archived source a
// duplicate points to, an uploaded file's text put back into the form).

test.use({ storageState: storageStateFor('editor') });

test('the verdict editor shows each evidence error next to its row, then offers the occurrences of a repeated quote', async ({ page }) => {
  const claim = await createClaimWithAppearance(prisma);
  const [source] = await sql<{ text: string }[]>`SELECT text FROM sources WHERE id = ${claim.appearance.sourceId}`;
  const text = source?.text ?? '';
  /** Where the word starts each time it occurs, in code points (as anchors count). */
  const startsOf = (word: string) => {
    const starts: number[] = [];
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) starts.push(Array.from(text.slice(0, at)).length);
    return starts;
  };
  const repeated = ['Corée du Nord', 'Russie', 'Ukraine', 'Kremlin', 'soldats'].find((word) => startsOf(word).length > 1) ?? '';
  expect(repeated, 'the seeded source repeats one of these words').not.toBe('');
  const starts = startsOf(repeated);

  await page.goto(`/dashboard/claims/${claim.id}/verdicts/new`);
  await page.getByLabel('Rating').selectOption({ index: 1 });
  await page.getByLabel('Headline').fill('Un titre qui doit survivre aux erreurs.');
  await page.getByLabel('Explanation').fill('Explication.');
  await page.getByLabel('As of').fill('2024-12-06');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const first = page.getByRole('group', { name: /Evidence 1/ });
  const second = page.getByRole('group', { name: /Evidence 2/ });
  for (const row of [first, second]) {
    await row.getByLabel('Source').selectOption(claim.appearance.sourceId);
    await row.getByLabel('Stance').selectOption('CONTEXT');
  }
  await second.getByLabel('Quote').fill('x'.repeat(2001));
  await page.getByRole('button', { name: 'Save draft' }).click();

  // A validation error of the second row, keyed evidence.1.quote, is shown on that row only.
  await expect(second.getByText('A quote must be 2,000 characters or fewer.')).toBeVisible();
  await expect(first.getByText('A quote must be 2,000 characters or fewer.')).toHaveCount(0);
  await expect(page.getByLabel('Headline')).toHaveValue('Un titre qui doit survivre aux erreurs.');

  // A refusal of the mutation carries the occurrences to choose from.
  await second.getByLabel('Quote').fill(repeated);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(second.getByText(`This quote appears ${starts.length} times in the source: choose which one.`)).toBeVisible();
  const choice = second.getByRole('group', { name: 'Which occurrence do you mean?' });
  await expect(choice.getByRole('radio')).toHaveCount(starts.length);
  await choice.getByRole('radio').nth(1).check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/saved=draft/);

  const evidence = await sql<{ exact: string; start: number }[]>`
    SELECT e.exact, e.start FROM evidence e JOIN verdicts v ON v.id = e.verdict_id WHERE v.claim_id = ${claim.id} ORDER BY e.position`;
  expect(evidence.map((row) => [row.exact, row.start])).toEqual([
    [null, null],
    [repeated, starts[1]],
  ]);
});

test('saving an article already archived points to it, and keeps an uploaded file’s text in the form', async ({ page }) => {
  const [archived] = await sql<{ id: string; raw_text: string }[]>`SELECT id, raw_text FROM sources ORDER BY created_at, id LIMIT 1`;
  expect(archived).toBeDefined();

  await page.goto('/dashboard/sources/new');
  await page.getByLabel('Upload a file').setInputFiles({ name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from(archived?.raw_text ?? '', 'utf8') });
  await page.getByRole('button', { name: 'Save source' }).click();

  await expect(page.getByText('This article is already archived.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the archived source' })).toHaveAttribute('href', `/dashboard/sources/${archived?.id}`);
  // The file's text is in the Text field now: the next submission needs no re-upload.
  await expect(page.getByLabel('Text', { exact: true })).toHaveValue(archived?.raw_text ?? '');
  expect((await sql`SELECT count(*)::int AS n FROM sources WHERE raw_text = ${archived?.raw_text ?? ''}`)[0]?.n).toBe(1);
});
