import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import { createClaimant, createClaimWithAppearance, createVerdict } from '../seed/factories/claims';
import { prisma, sql } from './fixtures/database';
import { personas } from './fixtures/personas';
import { signedInScenarioUser } from './fixtures/sign-in';
import { expect, test } from './fixtures/test';

// Two app instances (scripts/serve.mjs) on one database and one Redis, as a
// cluster runs them: a change saved through the dashboard on instance A is
// what instance B shows at its next request, although B had the old page's
// data in its cache (lib/cache/next-cache-handler.mjs shares Next's cache
// and its tag expiries). Without REDIS_URL, B would keep the old name until
// PUBLIC_CACHE_SECONDS ran out.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const REDIS_URL = process.env.ATTEST_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/4';
const prefix = `attest-test-shared:e2e-${randomBytes(4).toString('hex')}:`;
const instances: { url: string; process: ChildProcess }[] = [];

async function startInstance(port: number): Promise<string> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs'), '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      REDIS_URL,
      ATTEST_CACHE_PREFIX: prefix,
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-not-for-production-000000',
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      ATTEST_PUBLIC_URL: url,
    },
  });
  instances.push({ url, process: child });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance on port ${port} exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/api/claims?limit=1`).then((response) => response.ok, () => false);
    if (ready) return url;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`instance on port ${port} did not answer in 60 s`);
}

test.describe('two instances sharing Next’s cache through Redis', () => {
  let instanceA = '';
  let instanceB = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    [instanceA, instanceB] = await Promise.all([startInstance(BASE_PORT), startInstance(BASE_PORT + 1)]);
  });

  test.afterAll(async () => {
    await Promise.all(
      instances.map(
        ({ process: child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  test('a claimant renamed on instance A is shown under its new name by instance B at once', async ({ browser }) => {
    const [admin] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = ${personas.admin.email}`;
    const claimant = await createClaimant(prisma);
    const claim = await createClaimWithAppearance(prisma, { status: 'PUBLISHED', claimantId: claimant.id });
    await createVerdict(prisma, { claimId: claim.id, authorId: admin?.id ?? '', state: 'PUBLISHED', ratingKey: 'mostly-false' });
    const publicPage = `${instanceB}/en/claimants/${claimant.slug}`;

    // B reads (and caches) the claimant under its first name.
    const before = await fetch(publicPage);
    expect(before.status).toBe(200);
    expect(await before.text()).toContain(claimant.name);
    const redis = new Redis(REDIS_URL);
    try {
      expect((await redis.keys(`${prefix}entry:*`)).length, 'instance B cached nothing in Redis').toBeGreaterThan(0);
    } finally {
      await redis.quit();
    }

    // An editor renames the claimant through the dashboard of instance A.
    const page = await signedInScenarioUser(browser, 'ADMIN', { locale: 'en', baseURL: instanceA });
    await page.goto(`/dashboard/claimants/${claimant.id}`);
    const newName = `Renamed ${randomBytes(3).toString('hex')}`;
    await page.getByLabel('Name', { exact: true }).fill(newName);
    await page.getByRole('button', { name: 'Save claimant' }).click();
    await expect(page.getByText('Claimant saved.')).toBeVisible();
    await page.context().close();

    // B's very next request: the new name, from the entry A's change expired.
    const afterChange = await (await fetch(publicPage)).text();
    expect(afterChange).toContain(newName);
  });
});
