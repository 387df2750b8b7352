import { expect, test } from './fixtures/test';
import { createClaim } from '../seed/factories/claims';
import { prisma, sql } from './fixtures/database';
import { personas, storageStateFor } from './fixtures/personas';

test('two editors save the same claim: the second sees who changed it, keeps what they typed, and nothing is overwritten', async ({
  browser,
}) => {
  // A claim of its own: the seeded drafts stay as other specs expect them.
  const claim = await createClaim(prisma);
  const editorContext = await browser.newContext({ storageState: storageStateFor('editor') });
  const reviewerContext = await browser.newContext({ storageState: storageStateFor('reviewer') });
  const editorPage = await editorContext.newPage();
  const reviewerPage = await reviewerContext.newPage();

  // Both open the claim before either saves.
  await editorPage.goto(`/dashboard/claims/${claim.id}`);
  await reviewerPage.goto(`/dashboard/claims/${claim.id}`);

  const editorSummary = 'Choe Son-hui promet de renforcer l’arsenal nucléaire';
  await editorPage.getByLabel('Summary').fill(editorSummary);
  await editorPage.getByRole('button', { name: 'Save claim' }).click();
  await expect.poll(async () => (await sql`SELECT summary FROM claims WHERE id = ${claim.id}`)[0]?.summary).toBe(editorSummary);

  const reviewerSummary = 'Pyongyang va renforcer son arsenal nucléaire, dit Choe';
  await reviewerPage.getByLabel('Summary').fill(reviewerSummary);
  await reviewerPage.getByRole('button', { name: 'Save claim' }).click();

  await expect(reviewerPage.getByText(new RegExp(`This claim was changed by ${personas.editor.name} at .+ — reload to see their changes`))).toBeVisible();
  await expect(reviewerPage.getByLabel('Summary')).toHaveValue(reviewerSummary);
  const [stored] = await sql`SELECT summary, version FROM claims WHERE id = ${claim.id}`;
  expect(stored?.summary).toBe(editorSummary);

  const audit = await sql`SELECT actor_id FROM audit_events WHERE entity_type = 'Claim' AND entity_id = ${claim.id} AND action = 'claim.update'`;
  expect(audit).toHaveLength(1);

  await editorContext.close();
  await reviewerContext.close();
});
