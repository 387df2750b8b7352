import { expect, test, type APIRequestContext } from './fixtures/test';
import { createClaimant } from '../seed/factories/claims';
import { prisma, sql } from './fixtures/database';
import { personas, storageStateFor } from './fixtures/personas';
import { callAction, loadActionManifest } from './fixtures/server-actions';

// lib/ writes what an action says as catalogue messages; the action
// translates them inside Next's request scope, in the editor's language (their
// account's setting, else their browser's: the demo editor has none, so the
// browser's Accept-Language decides here). Posted as a browser posts them.

async function asEditor<T>(
  playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } },
  baseURL: string | undefined,
  language: string,
  work: (request: APIRequestContext) => Promise<T>,
) {
  const request = await playwright.request.newContext({ baseURL, storageState: storageStateFor('editor'), extraHTTPHeaders: { 'Accept-Language': language } });
  try {
    return await work(request);
  } finally {
    await request.dispose();
  }
}

async function claimantAction() {
  const action = loadActionManifest().get('lib/claimants/actions.ts#updateClaimantAction');
  if (!action) throw new Error('updateClaimantAction is not in the build');
  const claimant = await createClaimant(prisma, { kind: 'MEDIA' });
  return { action: { id: action.id, path: `/dashboard/claimants/${claimant.id}` }, claimant };
}

test('a French-speaking editor’s refusals and confirmations come back in French; an English-speaking one’s in English', async ({ playwright, baseURL }) => {
  // The demo editor's account stored its browser's language at sign-in: without a setting, the browser decides.
  const [editor] = await sql<{ locale: string | null }[]>`SELECT locale FROM users WHERE email = ${personas.editor.email}`;
  await sql`UPDATE users SET locale = NULL WHERE email = ${personas.editor.email}`;
  try {
    await bothLanguages(playwright, baseURL);
  } finally {
    await sql`UPDATE users SET locale = ${editor?.locale ?? null} WHERE email = ${personas.editor.email}`;
  }
});

async function bothLanguages(playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } }, baseURL: string | undefined) {
  const { action, claimant } = await claimantAction();
  const fields = (version: string, name = claimant.name) => ({ id: claimant.id, version, name, kind: 'MEDIA' });

  // A field error, from the schema.
  const french = await asEditor(playwright, baseURL, 'fr-FR,fr;q=0.9', (request) => callAction(request, action, fields('2147483648')));
  expect(french.body).toContain('"code":"VALIDATION"');
  expect(french.body).toContain('"version":["Rechargez la page et réessayez."]');
  expect(french.body).toContain('Certains champs demandent votre attention.');
  const english = await asEditor(playwright, baseURL, 'en-US,en;q=0.9', (request) => callAction(request, action, fields('2147483648')));
  expect(english.body).toContain('"version":["Reload the page and try again."]');
  expect(english.body).toContain('Some fields need your attention.');

  // A confirmation, written by the action.
  const saved = await asEditor(playwright, baseURL, 'fr-FR,fr;q=0.9', (request) => callAction(request, action, fields('1', `${claimant.name} (modifié)`)));
  expect(saved.body).toContain('Auteur enregistré.');

  // A refusal from the mutation, naming who changed the claimant and when, in French.
  const stale = await asEditor(playwright, baseURL, 'fr-FR,fr;q=0.9', (request) => callAction(request, action, fields('1')));
  expect(stale.body).toContain('"code":"CONFLICT"');
  expect(stale.body).toMatch(new RegExp(`Cet auteur a été modifié par ${personas.editor.name} le \\d{1,2} \\p{L}+ \\d{4} à \\d{2}:\\d{2} UTC — rechargez la page`, 'u'));
  const staleInEnglish = await asEditor(playwright, baseURL, 'en-US', (request) => callAction(request, action, fields('1')));
  expect(staleInEnglish.body).toMatch(new RegExp(`This claimant was changed by ${personas.editor.name} at \\d{2}:\\d{2} UTC on \\w{3} \\d{1,2}, \\d{4} — reload to see their changes`));
}

test('the sign-in form’s own validation failure is in words, not a catalogue key', async ({ browser }) => {
  // signInAction answers without runAction, so it translates its failure itself.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill('not an address');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Some fields need your attention.')).toBeVisible();
  await expect(page.getByText('@i18n:', { exact: false })).toHaveCount(0);
  await context.close();
});
