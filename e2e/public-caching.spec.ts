import fs from 'node:fs';
import path from 'node:path';
import { createClaimWithAppearance, createVerdict } from '../seed/factories/claims';
import { createContestableClaim } from '../seed/factories/disputes';
import { uniqueMarker } from '../seed/factories/unique';
import { prisma, sql } from './fixtures/database';
import { personas, storageStateFor } from './fixtures/personas';
import { type APIResponse, expect, test } from './fixtures/test';

// What a shared cache in front of the app (Varnish, a CDN) is told: anonymous
// public answers set no cookie and say `public, s-maxage` with the cache tags
// they depend on (xkey); the newsroom says `private, no-store`. Reader pages
// are served from Next's own cache (ISR) and a change made through the app
// reaches the next reader at once. (scripts/public-cache-headers.test.mjs
// checks the route → tags table itself.)

const PUBLIC = /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/;
const PUBLIC_ERROR = /^public, max-age=0, s-maxage=\d+$/;

function expectPublic(response: APIResponse, tags: string[]) {
  const headers = response.headers();
  expect(headers['set-cookie'], response.url()).toBeUndefined();
  expect(headers['cache-control'], response.url()).toMatch(PUBLIC);
  expect((headers.xkey ?? '').split(' ').filter(Boolean).sort(), response.url()).toEqual([...tags].sort());
}

async function seededKeys() {
  const [claim] = await sql<{ slug: string; source_id: string }[]>`
    SELECT c.slug, a.source_id FROM claims c JOIN appearances a ON a.claim_id = c.id
    WHERE c.status = 'PUBLISHED' ORDER BY c.published_at DESC LIMIT 1`;
  if (!claim) throw new Error('the seed has no published claim with an appearance');
  return { slug: claim.slug, sourceId: claim.source_id };
}

test('anonymous pages, feeds, the read API and the sitemap set no cookie and are public, with their cache tags', async ({ request }) => {
  const { slug, sourceId } = await seededKeys();
  const answers: [string, string[]][] = [
    ['/', ['claims']],
    ['/en', ['claims']],
    [`/claims/${slug}`, [`claim:${slug}`, 'claims']],
    [`/en/claims/${slug}`, [`claim:${slug}`, 'claims']],
    [`/sources/${sourceId}`, [`source:${sourceId}`, 'claims']],
    ['/claimants', ['claims']],
    ['/claimants/kremlin', ['claimant:kremlin', 'claims']],
    ['/tags/Koursk', ['claims']],
    ['/ratings/mostly-false', ['rating-scale', 'claims']],
    ['/en/methodology', ['rating-scale', 'claims']],
    ['/corrections', ['claims']],
    ['/search?q=otan', ['claims']],
    ['/feeds/fact-checks/rss', ['claims']],
    ['/en/feeds/claimants/kremlin/atom', ['claimant:kremlin', 'claims']],
    ['/api/claims?limit=2', ['claims']],
    [`/api/claims/${slug}`, [`claim:${slug}`, 'claims']],
    [`/api/sources/${sourceId}`, [`source:${sourceId}`, 'claims']],
    ['/sitemap.xml', ['claims']],
    ['/robots.txt', []],
  ];
  for (const [path, tags] of answers) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expectPublic(response, tags);
  }
});

test('a claim page is served from Next’s cache on the second request', async ({ request }) => {
  const { slug } = await seededKeys();
  await request.get(`/en/claims/${slug}`);
  const second = await request.get(`/en/claims/${slug}`);
  expect(second.status()).toBe(200);
  expect(second.headers()['x-nextjs-cache']).toBe('HIT');
});

test('an unknown record is a real 404 page in both languages, publicly cached under a tag a publish expires', async ({ request }) => {
  for (const [path, heading] of [
    ['/claims/no-such-claim-cached', 'Page introuvable'],
    ['/en/sources/no-such-source', 'Not found'],
    ['/en/claimants/no-such-claimant', 'Not found'],
  ] as const) {
    for (const attempt of [1, 2]) {
      const response = await request.get(path);
      expect(response.status(), `${path} #${attempt}`).toBe(404);
      expect(await response.text()).toContain(`<h1>${heading}</h1>`);
      expect(response.headers()['set-cookie']).toBeUndefined();
      expect(response.headers()['cache-control']).toMatch(PUBLIC_ERROR);
      expect(response.headers().xkey?.split(' ')).toContain('claims');
    }
  }
  const hostile = await request.get(`/claims/${'x'.repeat(10_000)}`);
  expect(hostile.status()).toBe(404);
});

test('a made-up slug’s cached answer never reaches the disk (next.config.ts isrFlushToDisk: false)', async ({ request }) => {
  const slug = `made-up-${uniqueMarker()}`.toLowerCase();
  expect((await request.get(`/claims/${slug}`)).status()).toBe(404);
  expect((await request.get(`/claims/${slug}`)).headers()['x-nextjs-cache']).toBe('HIT');
  const written = (dir: string): string[] =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes(slug)) : [];
  expect([...written(path.join(process.cwd(), '.next', 'server')), ...written(path.join(process.cwd(), '.next', 'cache', 'fetch-cache'))]).toEqual([]);
});

test('the newsroom and the sign-in page are private and never stored', async ({ browser, request }) => {
  const login = await request.get('/login');
  expect(login.headers()['cache-control']).toBe('private, no-store');
  const context = await browser.newContext({ storageState: storageStateFor('admin') });
  const page = await context.newPage();
  const dashboard = await page.goto('/dashboard');
  expect(dashboard?.status()).toBe(200);
  expect(dashboard?.headers()['cache-control']).toBe('private, no-store');
  expect(dashboard?.headers().xkey).toBeUndefined();
  await context.close();
});

test('archiving a claim through the dashboard changes its cached page for the very next reader', async ({ browser, request }) => {
  const [admin] = await sql<{ id: string }[]>`SELECT id FROM users WHERE role = 'ADMIN' ORDER BY created_at LIMIT 1`;
  const [editor] = await sql<{ id: string }[]>`SELECT id FROM users WHERE role = 'EDITOR' ORDER BY created_at LIMIT 1`;
  if (!admin || !editor) throw new Error('the seed has no admin or editor');
  const claim = await createContestableClaim(prisma, { authorId: editor.id, reviewerId: admin.id });
  const path = `/en/claims/${claim.slug}`;
  await request.get(path);
  const cached = await request.get(path);
  expect(cached.headers()['x-nextjs-cache']).toBe('HIT');
  const reason = `Doublon ${uniqueMarker()}`;
  expect(await cached.text()).not.toContain(reason);

  const context = await browser.newContext({ storageState: storageStateFor('admin') });
  const page = await context.newPage();
  await page.goto(`/dashboard/claims/${claim.id}`);
  const archive = page.getByRole('region', { name: 'Archive' });
  await archive.getByLabel('Reason').fill(reason);
  await archive.getByRole('button', { name: 'Archive claim' }).click();
  await page.getByRole('dialog', { name: 'Archive this claim?' }).getByRole('button', { name: 'Yes, archive it' }).click();
  await expect(page.getByRole('note').getByText('Archived', { exact: true })).toBeVisible();
  await context.close();

  const next = await request.get(path);
  expect(next.status()).toBe(200);
  expect(await next.text()).toContain(reason);
  expectPublic(next, [`claim:${claim.slug}`, 'claims']);
});

test('a claim whose 404 was cached is public for the very next reader once a second editor approves its verdict', async ({ browser, request }) => {
  const [author] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = ${personas.editor.email}`;
  if (!author) throw new Error('the seed has no demo editor');
  const summary = `Publiée après un 404 en cache ${uniqueMarker()}`;
  const claim = await createClaimWithAppearance(prisma, { status: 'DRAFT', summary });
  const verdict = await createVerdict(prisma, { claimId: claim.id, authorId: author.id, state: 'SUBMITTED', evidenceSourceId: claim.appearance.sourceId });
  const path = `/claims/${claim.slug}`;
  expect((await request.get(path)).status()).toBe(404);
  const cached = await request.get(path);
  expect(cached.status()).toBe(404);
  expect(cached.headers()['x-nextjs-cache']).toBe('HIT');

  const context = await browser.newContext({ storageState: storageStateFor('reviewer') });
  const reviewer = await context.newPage();
  await reviewer.goto(`/dashboard/review/${verdict.id}`);
  await reviewer.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(reviewer).toHaveURL(/done=published/);
  await context.close();

  const next = await request.get(path);
  expect(next.status()).toBe(200);
  expect(await next.text()).toContain(summary);
});
