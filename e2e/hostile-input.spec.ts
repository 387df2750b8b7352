import { expect, test, type APIRequestContext } from './fixtures/test';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClaimant, createClaimWithAppearance, createVerdict } from '../seed/factories/claims';
import { prisma, sql } from './fixtures/database';
import { personas, storageStateFor } from './fixtures/personas';
import { callAction, loadActionManifest } from './fixtures/server-actions';

// What an attacker, a broken client or an unlucky paste sends: NUL bytes,
// malformed percent-escapes, numbers past the column, bodies past the limit,
// foreign origins, random slugs by the thousand, Markdown nested 2,000 deep.
// Each gets a 4xx with a readable answer or a message next to the field —
// never a 500 — against the production build.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = randomBytes(3).toString('hex');
const CONTROL_CHARACTERS_MESSAGE = 'Remove the invisible control characters from this field.';

/** A cursor of the read API's own format, holding a NUL in its id. */
const cursorWithNul = Buffer.from(JSON.stringify({ publishedAt: '2024-12-01T00:00:00.000Z', id: 'a\u0000b' }), 'utf8').toString('base64url');

test.describe('hostile addresses', () => {
  const pages = ['/claims/%00', '/claims/a%00b', '/claims/%E0%A4%A', '/sources/%00', '/sources/%E0%A4%A', '/claims/%C0%AF'];
  const api = ['/api/claims/%00', '/api/claims/%E0%A4%A', '/api/sources/%00', '/api/sources/%E0%A4%A', `/api/claims?cursor=${cursorWithNul}`, '/api/claims?cursor=%00', '/api/claims?limit=2147483648'];

  test('claim and source pages holding a NUL or a bad percent-escape are the not-found page', async ({ request }) => {
    // Unprefixed addresses are in the newsroom's language (French by default), /en/… in English.
    for (const [prefix, text] of [['', 'Aucune page publiée à cette adresse.'], ['/en', 'There is no published page at this address.']]) {
      for (const address of pages.map((path) => `${prefix}${path}`)) {
        const response = await request.get(address);
        expect(response.status(), address).toBe(404);
        expect(await response.text(), address).toContain(text);
      }
    }
  });

  test('the read API answers them with its JSON 400 or 404', async ({ request }) => {
    for (const address of api) {
      const response = await request.get(address);
      expect([400, 404], `${address}: HTTP ${response.status()}`).toContain(response.status());
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      expect(body.error?.code, address).toMatch(/^(BAD_REQUEST|NOT_FOUND)$/);
      expect(body.error?.message, address).toBeTruthy();
    }
  });

  test('the dashboard claims list shows the list for a filter holding a NUL', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor('editor') });
    const page = await context.newPage();
    for (const query of ['q=%00', 'q=kim%00', 'claimant=%00', 'tag=%00', `cursor=${cursorWithNul}`]) {
      const response = await page.goto(`/dashboard/claims?${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(page.getByRole('heading', { name: 'Claims', level: 1 }), query).toBeVisible();
    }
    await context.close();
  });
});

test.describe('hostile form input', () => {
  test('a NUL typed into a form is shown next to its field, and what was typed stays', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor('editor') });
    const page = await context.newPage();
    await page.goto('/dashboard/claimants/new');
    const typed = `Porte-parole ${run}\u0000 caché`;
    await page.getByLabel('Name').fill(typed);
    await page.getByLabel('Description').fill(`Décrit ${run}`);
    await page.getByRole('button', { name: 'Save claimant' }).click();

    const name = page.getByLabel('Name');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#claimant-name-error')).toHaveText(CONTROL_CHARACTERS_MESSAGE);
    await expect(name).toHaveAccessibleDescription(CONTROL_CHARACTERS_MESSAGE);
    await expect(name).toHaveValue(typed);
    await expect(page.getByLabel('Description')).toHaveValue(`Décrit ${run}`);
    expect(await sql`SELECT id FROM claimants WHERE name LIKE ${`Porte-parole ${run}%`}`).toHaveLength(0);
    await context.close();
  });

  test('a UTF-16 file saved by Notepad imports as its text', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor('editor') });
    const page = await context.newPage();
    const article = [
      `L’Élysée répond aux agriculteurs (${run})`,
      '',
      'Le gouvernement a présenté mardi un plan de soutien aux exploitations touchées par la sécheresse, « sans précédent » selon la ministre.',
    ].join('\r\n');
    // Notepad's "Unicode": a UTF-16LE byte-order mark, then two bytes a character.
    const notepadFile = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article, 'utf16le')]);
    await page.goto('/dashboard/sources/new');
    await page.getByLabel('Upload a file').setInputFiles({ name: 'article.txt', mimeType: 'text/plain', buffer: notepadFile });
    await page.getByRole('button', { name: 'Preview cleaned text' }).click();
    await expect(page.getByText('Check the cleaned text below, then save the source.')).toBeVisible();
    await expect(page.getByLabel('Text', { exact: true })).toHaveValue(article.replace(/\r\n/g, '\n'));
    await page.getByRole('button', { name: 'Save source' }).click();
    await expect(page).toHaveURL(/\/dashboard\/sources\/[^/?]+\?saved=1/);
    const [source] = await sql<{ text: string }[]>`SELECT text FROM sources WHERE text LIKE ${`%(${run})%`}`;
    expect(source?.text).toContain(`L’Élysée répond aux agriculteurs (${run})`);
    expect(source?.text).toContain('« sans précédent »');
    expect(source?.text).not.toContain('\u0000');
    await context.close();
  });
});

test.describe('an explanation nested 2,000 levels deep', () => {
  const hostileExplanation = `Ce que montrent les sources (${run}).\n\n${'>'.repeat(2000)} au fond des citations`;
  let claimId = '';
  let claimSlug = '';
  let verdictId = '';

  test.beforeAll(async () => {
    // Stored as it could be by a row from before the rule, or from outside the
    // app: a submitted verdict, ready for review, whose explanation is then
    // rewritten straight in the database.
    const [editor] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = ${personas.editor.email}`;
    if (!editor) throw new Error('the seeded editor is missing');
    const claim = await createClaimWithAppearance(prisma, { status: 'IN_REVIEW' });
    const verdict = await createVerdict(prisma, { claimId: claim.id, authorId: editor.id, state: 'SUBMITTED', evidenceSourceId: claim.appearance.sourceId });
    await sql`UPDATE verdicts SET explanation = ${hostileExplanation} WHERE id = ${verdict.id}`;
    ({ id: claimId, slug: claimSlug } = claim);
    verdictId = verdict.id;
  });

  test('the review page still shows it, as plain text, and the verdict can be approved; then its public page shows it too', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor('reviewer') });
    const reviewer = await context.newPage();
    const review = await reviewer.goto(`/dashboard/review/${verdictId}`);
    expect(review?.status()).toBe(200);
    await expect(reviewer.getByText(`Ce que montrent les sources (${run}).`)).toBeVisible();
    await expect(reviewer.getByText(/^>{2000} au fond des citations$/)).toBeVisible();
    await reviewer.getByRole('button', { name: 'Approve and publish' }).click();
    await expect(reviewer).toHaveURL(/done=published/);
    await context.close();

    const readerContext = await browser.newContext();
    const reader = await readerContext.newPage();
    const claimPage = await reader.goto(`/claims/${claimSlug}`);
    expect(claimPage?.status()).toBe(200);
    await expect(reader.getByText(/^>{2000} au fond des citations$/)).toBeVisible();
    await readerContext.close();
  });

  test('the live preview says why it cannot show it', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor('editor') });
    const page = await context.newPage();
    await page.goto(`/dashboard/claims/${claimId}/verdicts/new`);
    await page.getByLabel('Explanation').fill(`${'>'.repeat(2000)} trop profond`);
    await expect(page.getByText('Explanation nests quotes or lists more than 20 levels deep', { exact: false })).toBeVisible();
    await context.close();
  });
});

test.describe('hostile server-action posts', () => {
  async function claimantTarget() {
    const action = loadActionManifest().get('lib/claimants/actions.ts#updateClaimantAction');
    if (!action) throw new Error('updateClaimantAction is not in the build');
    const claimant = { ...(await createClaimant(prisma, { kind: 'MEDIA' })), version: 1 };
    return { action: { id: action.id, path: `/dashboard/claimants/${claimant.id}` }, claimant };
  }

  async function asEditor<T>(playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } }, baseURL: string | undefined, work: (request: APIRequestContext) => Promise<T>) {
    // In English, as Playwright's Chromium asks: a post without Accept-Language is answered in the newsroom's default language.
    const request = await playwright.request.newContext({ baseURL, storageState: storageStateFor('editor'), extraHTTPHeaders: { 'Accept-Language': 'en-US' } });
    try {
      return await work(request);
    } finally {
      await request.dispose();
    }
  }

  test('version=2147483648 is a validation failure, not a 500', async ({ playwright, baseURL }) => {
    const { action, claimant } = await claimantTarget();
    const answer = await asEditor(playwright, baseURL, (request) =>
      callAction(request, action, { id: claimant.id, version: '2147483648', name: claimant.name, kind: 'MEDIA' }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('"code":"VALIDATION"');
    expect(answer.body).toContain('"version":["Reload the page and try again."]');
    const [after] = await sql<{ version: number }[]>`SELECT version FROM claimants WHERE id = ${claimant.id}`;
    expect(after?.version).toBe(claimant.version);
  });

  test('a body over the limit is a 413 that says so', async ({ playwright, baseURL }) => {
    const { action, claimant } = await claimantTarget();
    const answer = await asEditor(playwright, baseURL, (request) =>
      callAction(request, action, { id: claimant.id, version: String(claimant.version), name: claimant.name, kind: 'MEDIA', description: 'x'.repeat(6 * 1024 * 1024) }),
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('larger than 5 MB');
  });

  test('a post from another origin is a 403 that says so', async ({ playwright, baseURL }) => {
    const { action, claimant } = await claimantTarget();
    const answer = await asEditor(playwright, baseURL, (request) =>
      callAction(request, action, { id: claimant.id, version: String(claimant.version), name: `${claimant.name} (pirate)`, kind: 'MEDIA' }, { Origin: 'https://evil.example' }),
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('sent from another site');
    const [after] = await sql<{ name: string }[]>`SELECT name FROM claimants WHERE id = ${claimant.id}`;
    expect(after?.name).toBe(claimant.name);
  });
});

test.describe('the data cache', () => {
  const cacheDir = path.join(ROOT, '.next/cache/fetch-cache');
  const entries = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);
  /** Cache entries whose tags name one of the random keys. */
  const entriesFor = (marker: string) => entries().filter((file) => fs.readFileSync(path.join(cacheDir, file), 'utf8').includes(marker));

  test('random slugs, ids and cursors requested anonymously add no cache entry', async ({ request }) => {
    const marker = `random-${run}`;
    const before = entries().length;
    for (let i = 0; i < 50; i++) {
      expect((await request.get(`/api/claims/${marker}-${i}`)).status()).toBe(404);
      expect((await request.get(`/api/sources/${marker}-${i}`)).status()).toBe(404);
      const cursor = Buffer.from(JSON.stringify({ publishedAt: `2020-01-01T00:00:${String(i).padStart(2, '0')}.000Z`, id: `${marker}-${i}` })).toString('base64url');
      expect((await request.get(`/api/claims?cursor=${cursor}`)).status()).toBe(200);
    }
    // Next writes cache files after answering: give it the time it takes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(entriesFor(marker)).toEqual([]);
    expect(entries().length - before).toBeLessThan(5);

    // A claim that exists is cached too, but in memory only (next.config.ts isrFlushToDisk: false, at most
    // cacheMaxMemorySize): no key, random or real, writes to the disk.
    const [published] = await sql<{ slug: string }[]>`SELECT slug FROM claims WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1`;
    expect((await request.get(`/api/claims/${published?.slug}`)).status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(entriesFor(`claim:${published?.slug}"`)).toEqual([]);
  });
});
