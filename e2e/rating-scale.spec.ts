import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from './fixtures/test';
import { sql } from './fixtures/database';
import { storageStateFor } from './fixtures/personas';

// The rating scale's page (/dashboard/ratings), as an admin with an English
// browser: a rating is created, refused a colour white text cannot be read
// on, moved, renamed and deleted; a rating in use can only be deactivated,
// and a new label reaches the public pages of the claims it rates.

test.use({ storageState: storageStateFor('admin') });

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('an admin creates a rating, is refused a low-contrast colour with the ratio, then moves, renames and deletes it', async ({ page }) => {
  const suffix = randomBytes(4).toString('hex');
  const key = `e2e-${suffix}`;
  const labelEn = `Half right ${suffix}`;
  await page.goto('/dashboard/ratings');
  const form = region(page, 'New rating');

  await test.step('the colour is checked as it is typed, and refused on submit below 4.5:1, keeping what was typed', async () => {
    await form.getByLabel('Key').fill(key);
    await form.getByLabel('Label in French').fill(`À moitié juste ${suffix}`);
    await form.getByLabel('Label in English').fill(labelEn);
    await form.getByLabel('Description in French').fill('Une moitié exacte.');
    await form.getByLabel('Description in English').fill('Half of it is accurate.');
    await form.getByLabel('Value').fill('4');
    await form.getByLabel('Active: editors can choose it for new verdicts').uncheck();
    await form.getByLabel('Colour').fill('#b08800');
    await expect(form.getByText('Contrast with the white text: 3.29:1, below 4.5:1. Choose a darker colour.')).toBeVisible();
    await form.getByRole('button', { name: 'Create rating' }).click();
    await expect(form.getByText('White text on this colour has a contrast of 3.29:1; badges need at least 4.5:1. Choose a darker colour.')).toBeVisible();
    await expect(form.getByLabel('Colour')).toBeFocused();
    await expect(form.getByLabel('Colour')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Label in English')).toHaveValue(labelEn);
    await expect(form.getByLabel('Active: editors can choose it for new verdicts')).not.toBeChecked();
    expect(await sql`SELECT 1 FROM ratings WHERE key = ${key}`).toHaveLength(0);

    await form.getByLabel('Colour').fill('#9A6700');
    await expect(form.getByText('Contrast with the white text: 4.86:1. Good.')).toBeVisible();
    await form.getByRole('button', { name: 'Create rating' }).click();
    await expect(form.getByText(`Rating “${key}” created.`)).toBeVisible();
    await expect(form.getByLabel('Key')).toHaveValue('');
  });

  const [created] = await sql<{ id: string; colour: string; active: boolean; value: number }[]>`SELECT id, colour, active, value FROM ratings WHERE key = ${key}`;
  expect(created).toMatchObject({ colour: '#9a6700', active: false, value: 4 });
  const item = region(page, labelEn);
  await expect(item.getByText('Inactive')).toBeVisible();

  await test.step('it moves up above the rating before it, and back', async () => {
    const order = async () => (await sql<{ key: string }[]>`SELECT key FROM ratings ORDER BY position, key`).map((row) => row.key);
    const before = await order();
    await item.getByRole('button', { name: `Move up ${labelEn}` }).click();
    await expect(item.getByText('Rating moved.')).toBeVisible();
    const moved = await order();
    expect(moved.indexOf(key)).toBe(before.indexOf(key) - 1);
    await item.getByRole('button', { name: `Move down ${labelEn}` }).click();
    await expect.poll(order).toEqual(before);
  });

  const renamed = `Partly right ${suffix}`;
  await test.step('it is renamed', async () => {
    await item.getByText(`Edit “${labelEn}”`).click();
    await item.getByLabel('Label in English').fill(renamed);
    await item.getByRole('button', { name: 'Save rating' }).click();
    await expect(region(page, renamed).getByText('Rating saved.')).toBeVisible();
    const [audit] = await sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'Rating' AND entity_id = ${created?.id ?? ''}`;
    expect(audit?.n).toBeGreaterThanOrEqual(4); // created, moved twice, renamed
  });

  await test.step('no verdict uses it: it is deleted after a second, explicit step', async () => {
    const renamedItem = region(page, renamed);
    await expect(renamedItem.getByRole('button', { name: `Confirm: delete “${renamed}”` })).toBeHidden();
    await renamedItem.getByText('Delete…').click();
    await renamedItem.getByRole('button', { name: `Confirm: delete “${renamed}”` }).click();
    await expect(page).toHaveURL(/\/dashboard\/ratings\?deleted=1$/);
    await expect(page.getByText('Rating deleted.')).toBeVisible();
    await expect(region(page, renamed)).toHaveCount(0);
    expect(await sql`SELECT 1 FROM ratings WHERE key = ${key}`).toHaveLength(0);
  });
});

test('a rating in use cannot be deleted; a new label shows on the public pages of its claims, in that language only', async ({ page, browser }) => {
  const [rated] = await sql<{ slug: string }[]>`
    SELECT c.slug FROM claims c JOIN verdicts v ON v.claim_id = c.id JOIN ratings r ON r.id = v.rating_id
    WHERE r.key = 'mixed' AND v.state = 'PUBLISHED' AND c.status = 'PUBLISHED' LIMIT 1`;
  expect(rated, 'the seed publishes a verdict rated mixed').toBeDefined();
  await page.goto('/dashboard/ratings');
  const mixed = region(page, 'Mixed');
  await expect(mixed.getByText('Delete…')).toHaveCount(0);
  await expect(mixed.getByText('Verdicts use this rating, so it cannot be deleted: untick “Active” to retire it.')).toBeVisible();

  const reader = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  const rename = async (from: string, to: string) => {
    const item = region(page, from);
    // The disclosure stays open after a save: open it only if it is closed.
    if (!(await item.getByLabel('Label in English').isVisible())) await item.getByText(`Edit “${from}”`).click();
    await item.getByLabel('Label in English').fill(to);
    await item.getByRole('button', { name: 'Save rating' }).click();
    await expect(region(page, to).getByText('Rating saved.')).toBeVisible();
  };
  try {
    await rename('Mixed', 'Half true');
    await reader.goto(`/en/claims/${rated?.slug}`);
    await expect(reader.getByRole('region', { name: 'Verdict' }).getByText('Half true', { exact: true })).toBeVisible();
    await reader.goto(`/claims/${rated?.slug}`);
    await expect(reader.getByRole('region', { name: 'Verdict' }).getByText('Mitigé', { exact: true })).toBeVisible();
  } finally {
    // Through the form again, so that the public pages are refreshed for the specs after this one.
    await rename('Half true', 'Mixed');
    await reader.close();
  }
});

test('editors cannot open the scale', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor('editor') });
  const page = await context.newPage();
  await page.goto('/dashboard/ratings');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'New rating' })).toHaveCount(0);
  await context.close();
});
