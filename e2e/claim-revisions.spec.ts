import { expect, test } from './fixtures/test';
import { randomBytes } from 'node:crypto';
import { sql } from './fixtures/database';
import { storageStateFor } from './fixtures/personas';

// A published claim changes only through a second editor: the editor's save
// proposes a revision, readers keep seeing the published claim, and once the
// reviewer approves it in the review queue the public page and the API show
// the new summary with a dated "Changes to this fact check" entry.

const slug = 'coree-du-sud-millions-de-munitions';
const run = randomBytes(3).toString('hex');
const newSummary = `Séoul : Pyongyang a livré des millions d’obus (${run})`;
const note = `Résumé précisé : il s’agit d’obus d’artillerie (${run}).`;

test('an editor’s change to a published claim reaches readers only once another editor approves it', async ({ browser }) => {
  test.setTimeout(90_000);
  const [claim] = await sql<{ id: string; summary: string }[]>`SELECT id, summary FROM claims WHERE slug = ${slug} AND status = 'PUBLISHED'`;
  expect(claim, `${slug} is a published claim of the seed`).toBeDefined();
  if (!claim) return;
  const editor = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
  const reviewer = await (await browser.newContext({ storageState: storageStateFor('reviewer') })).newPage();
  const reader = await (await browser.newContext()).newPage();

  await test.step('the editor changes the summary: the save proposes a revision', async () => {
    await editor.goto(`/dashboard/claims/${claim.id}`);
    await expect(editor.getByText('This claim is published. Saving proposes your changes')).toBeVisible();
    await editor.getByLabel('Summary').fill(newSummary);
    await editor.getByRole('button', { name: 'Save claim' }).click();
    // The note is required, even for a small change; what was typed stays.
    await expect(editor.getByText('Say what changed and why: readers see this note')).toBeVisible();
    await expect(editor.getByLabel('Summary')).toHaveValue(newSummary);
    await editor.getByLabel('What changed and why').fill(note);
    await editor.getByRole('button', { name: 'Save claim' }).click();
    await expect(editor.getByText('Proposed for review: readers see the change once another editor approves it.')).toBeVisible();
    const revision = editor.getByRole('region', { name: 'Proposed revision' });
    await expect(revision.getByText('Waiting for review')).toBeVisible();
    await expect(revision.getByRole('button', { name: 'Withdraw revision' })).toBeVisible();
  });

  await test.step('readers still see the published summary', async () => {
    await reader.goto(`/en/claims/${slug}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(claim.summary);
    await expect(reader.getByRole('region', { name: 'Changes to this fact check' })).toHaveCount(0);
    const [stored] = await sql<{ summary: string }[]>`SELECT summary FROM claims WHERE id = ${claim.id}`;
    expect(stored?.summary).toBe(claim.summary);
  });

  await test.step('its author cannot approve it', async () => {
    await editor.goto('/dashboard/review');
    await expect(editor.getByRole('region', { name: 'Changes to published claims' }).getByRole('link', { name: claim.summary })).toHaveCount(0);
  });

  await test.step('the reviewer approves it from the review queue', async () => {
    await reviewer.goto('/dashboard/review');
    await reviewer.getByRole('region', { name: 'Changes to published claims' }).getByRole('link', { name: claim.summary }).click();
    const changes = reviewer.getByRole('region', { name: 'Changes from the published claim' });
    await expect(changes.locator('ins').filter({ hasText: run }).first()).toBeVisible();
    await expect(reviewer.getByText(note)).toBeVisible();
    await reviewer.getByRole('button', { name: 'Approve and publish' }).click();
    await expect(reviewer).toHaveURL(/done=approved/);
    await expect(reviewer.getByText(/^Approved and published. Readers now see the change/)).toBeVisible();
  });

  await test.step('readers see the new summary and the dated change, on the page and in the API', async () => {
    await reader.goto(`/en/claims/${slug}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(newSummary);
    const history = reader.getByRole('region', { name: 'Changes to this fact check' });
    await expect(history.getByText(note)).toBeVisible();
    await expect(history.getByText('Summary changed.')).toBeVisible();
    await expect(history.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    const api = await (await reader.request.get(`/api/claims/${slug}`)).json();
    expect(api.summary).toBe(newSummary);
    expect(api.changes).toEqual([expect.objectContaining({ changed: ['summary'], quotesAdded: 0, note })]);
    const audit = await sql`SELECT actor_id FROM audit_events WHERE entity_type = 'Claim' AND entity_id = ${claim.id} AND action = 'claim.revise'`;
    expect(audit).toHaveLength(1);
  });

  await editor.context().close();
  await reviewer.context().close();
  await reader.context().close();
});

test('the author withdraws their proposal: the claim editor shows the published claim again', async ({ browser }) => {
  const withdrawnSlug = 'kim-jong-un-atacms-intervention-directe';
  const [claim] = await sql<{ id: string; summary: string }[]>`SELECT id, summary FROM claims WHERE slug = ${withdrawnSlug} AND status = 'PUBLISHED'`;
  expect(claim, `${withdrawnSlug} is a published claim of the seed`).toBeDefined();
  if (!claim) return;
  const editor = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
  await editor.goto(`/dashboard/claims/${claim.id}`);
  await editor.getByLabel('Summary').fill(`Kim Jong-un : les ATACMS (${run})`);
  await editor.getByLabel('What changed and why').fill('Résumé raccourci.');
  await editor.getByRole('button', { name: 'Save claim' }).click();
  const revision = editor.getByRole('region', { name: 'Proposed revision' });
  await expect(revision.getByText('Waiting for review')).toBeVisible();
  // The form now edits the proposal.
  await expect(editor.getByLabel('What changed and why')).toHaveValue('Résumé raccourci.');

  await revision.getByRole('button', { name: 'Withdraw revision' }).click();
  await editor.getByRole('dialog', { name: 'Withdraw your proposed revision?' }).getByRole('button', { name: 'Yes, withdraw it' }).click();
  await expect(revision.getByText('Withdrawn', { exact: true })).toBeVisible();
  await expect(editor.getByLabel('Summary')).toHaveValue(claim.summary);
  await expect(editor.getByLabel('What changed and why')).toHaveValue('');
  const [stored] = await sql<{ state: string }[]>`SELECT state FROM claim_revisions WHERE claim_id = ${claim.id}`;
  expect(stored?.state).toBe('WITHDRAWN');
  await editor.context().close();
});
