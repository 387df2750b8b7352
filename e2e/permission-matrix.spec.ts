import { type Browser, expect, test } from './fixtures/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolePermissions, type Permission } from '../lib/permissions';
import type { ActionFixture, ActionFixtures } from './fixtures/action-fixture';
import { createScenarioUser, sql } from './fixtures/database';
import { personas, storageStateFor } from './fixtures/personas';
import { callAction, loadActionManifest } from './fixtures/server-actions';

// Every exported server action, called over HTTP exactly as a browser would
// call it, by everyone the permission matrix forbids: no session at all, a
// session whose user has since been deactivated (an admin, so only the
// `active` re-check can refuse), an admin who must still replace a one-time
// password (only setting their own is allowed), and each role lacking the
// permission.
// Each call must be refused and leave the database unchanged. An action with
// no fixture, or missing from the build, fails the suite.

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Actions anyone may call, and why. */
const PUBLIC_ACTIONS: Record<string, string> = {
  'lib/auth/actions.ts#signInAction': 'signing in is what an anonymous visitor does',
  'lib/auth/actions.ts#signOutAction': 'ends only the caller’s own session',
  'lib/disputes/actions.ts#submitDisputeAction': 'readers contest verdicts without an account (honeypot, signed fill time, rate limits)',
};

function findActionFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : findActionFiles(relative);
    return entry.name === 'actions.ts' ? [relative] : [];
  });
}

const exportedActions = findActionFiles('lib').flatMap((file) =>
  [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/^export\s+async\s+function\s+(\w+)/gm)].map((match) => ({
    file,
    name: match[1] ?? '',
    key: `${file}#${match[1]}`,
  })),
);
const guardedActions = exportedActions.filter((action) => !(action.key in PUBLIC_ACTIONS));

async function loadFixtures(): Promise<Map<string, ActionFixture>> {
  const dir = path.join(ROOT, 'e2e/fixtures');
  const fixtures = new Map<string, ActionFixture>();
  for (const file of fs.readdirSync(dir).filter((name) => /^actions-.+\.ts$/.test(name))) {
    const module = (await import(path.join(dir, file))) as { fixtures: ActionFixtures };
    for (const [name, fixture] of Object.entries(module.fixtures)) fixtures.set(name, fixture);
  }
  return fixtures;
}

/** 'app/dashboard/claims/[id]/page' → '/dashboard/claims/<a real claim id>'. */
async function pathOfWorker(page: string): Promise<string> {
  const [claim] = await sql`SELECT id FROM claims ORDER BY id LIMIT 1`;
  return (
    page
      .replace(/^app/, '')
      .replace(/\/page$/, '')
      .replace(/\/\([^)]+\)/g, '')
      .replace(/\[[^\]]+\]/g, String(claim?.id ?? 'x')) || '/'
  );
}

/** A fingerprint of every table a user action can change (sign-in attempts excepted). */
async function databaseFingerprint(): Promise<string> {
  const tables = await sql<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('sign_in_attempts', '_prisma_migrations')
    ORDER BY table_name`;
  const parts: string[] = [];
  for (const { table_name: table } of tables) {
    const [row] = await sql.unsafe(`SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`);
    parts.push(`${table}:${row?.n}:${row?.h}`);
  }
  return parts.join('\n');
}

type Caller = { label: string; storageState?: string };

/** Signs a fresh account in through the form and stores its session; returns the account and the state's path. */
async function signedInState(browser: Browser, role: 'EDITOR' | 'ADMIN', password: string, name: string) {
  const user = await createScenarioUser(role, password);
  const page = await browser.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const state = path.join(ROOT, `e2e/.auth/${name}.json`);
  await page.context().storageState({ path: state });
  await page.close();
  return { user, state };
}

test.describe('permission matrix', () => {
  let deactivatedAdminState: string;
  let pendingPasswordAdminState: string;

  test.beforeAll(async ({ browser }) => {
    const deactivated = await signedInState(browser, 'ADMIN', 'deactivated-admin-password', 'deactivated-admin');
    deactivatedAdminState = deactivated.state;
    await sql`UPDATE users SET active = false WHERE id = ${deactivated.user.id}`;
    // As if an admin had just reset this admin's password: the session is valid, but only the password form is open to it.
    const pending = await signedInState(browser, 'ADMIN', 'pending-password-admin-password', 'pending-password-admin');
    pendingPasswordAdminState = pending.state;
    await sql`UPDATE users SET must_change_password = true WHERE id = ${pending.user.id}`;
  });

  test('every exported server action has a fixture and is in the build', async () => {
    const manifest = loadActionManifest();
    const fixtures = await loadFixtures();
    expect(guardedActions.length).toBeGreaterThan(0);
    const missingFixture = guardedActions.filter((action) => !fixtures.has(action.name)).map((a) => a.key);
    const missingFromBuild = guardedActions.filter((action) => !manifest.has(action.key)).map((a) => a.key);
    expect(missingFixture, 'actions without a permission-matrix fixture').toEqual([]);
    expect(missingFromBuild, 'actions no page uses').toEqual([]);
  });

  for (const action of guardedActions) {
    test(`${action.key} is refused to everyone the matrix forbids`, async ({ playwright, baseURL, browser }) => {
      const fixture = (await loadFixtures()).get(action.name);
      const built = loadActionManifest().get(action.key);
      expect(fixture && built, `${action.key} needs a fixture and a page that uses it`).toBeTruthy();
      if (!fixture || !built) return;
      const target = { id: built.id, path: await pathOfWorker(built.page) };

      const forbiddenRoles = (Object.keys(personas) as (keyof typeof personas)[]).filter(
        (persona) => !rolePermissions[personas[persona].role].has(fixture.permission as Permission),
      );
      const callers: Caller[] = [
        { label: 'no session' },
        { label: 'deactivated admin', storageState: deactivatedAdminState },
        ...(fixture.allowedBeforePasswordChange ? [] : [{ label: 'admin who must replace a one-time password', storageState: pendingPasswordAdminState }]),
        ...forbiddenRoles.map((persona) => ({ label: persona, storageState: storageStateFor(persona) })),
      ];

      for (const caller of callers) {
        const fields = await fixture.formData(sql);
        const before = await databaseFingerprint();
        const request = await playwright.request.newContext({ baseURL, storageState: caller.storageState });
        const { status, body } = await callAction(request, target, fields);
        await request.dispose();
        const refused =
          (status >= 300 && status < 400) || /"code":"(UNAUTHENTICATED|FORBIDDEN)"/.test(body) || status === 401 || status === 403;
        expect(refused, `${action.key} as ${caller.label}: HTTP ${status} ${body.slice(0, 300)}`).toBe(true);
        expect(await databaseFingerprint(), `${action.key} as ${caller.label} changed the database`).toBe(before);
      }

      // Control: the same submission by an allowed persona goes through, so
      // the refusals above came from authorization, not from a bad fixture.
      const allowed = (['editor', 'admin'] as const).find((persona) =>
        rolePermissions[personas[persona].role].has(fixture.permission as Permission),
      );
      expect(allowed, `no persona holds ${fixture.permission}`).toBeDefined();
      if (!allowed) return;
      const controlState = fixture.ownAccountPassword
        ? (await signedInState(browser, 'EDITOR', fixture.ownAccountPassword, 'own-account-control')).state
        : storageStateFor(allowed);
      const request = await playwright.request.newContext({ baseURL, storageState: controlState });
      const control = await callAction(request, target, await fixture.formData(sql));
      await request.dispose();
      expect(
        control.status === 200 && (/"ok":true/.test(control.body) || !!control.redirectedTo),
        `${action.key} as ${allowed} should succeed: HTTP ${control.status} ${control.body.slice(0, 400)}`,
      ).toBe(true);
    });
  }
});
