import { type Browser, type BrowserContext, expect, type Page, test } from './fixtures/test';
import { createScenarioUser, sql } from './fixtures/database';
import { storageStateFor } from './fixtures/personas';

const WRONG_PASSWORD_MESSAGE = 'The email or password is incorrect, or the account is deactivated.';

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A fresh browser signed in as a new account of the given role. */
async function signedInScenario(browser: Browser, role: 'EDITOR' | 'ADMIN' = 'EDITOR') {
  const password = `scenario-password-${Math.random().toString(36).slice(2)}`;
  const user = await createScenarioUser(role, password);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await signIn(page, user.email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
  return { user, password, context, page };
}

/** The session as Auth.js reports it for these cookies (null or {} when there is none). */
async function sessionUserOf(context: BrowserContext): Promise<unknown> {
  const response = await context.request.get('/api/auth/session');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { user?: unknown } | null;
  return body?.user ?? null;
}

/** A second browser holding only a copy of the first one's cookies, as a thief would, gets nowhere. */
async function expectCopiedCookiesRefused(browser: Browser, cookies: Awaited<ReturnType<BrowserContext['cookies']>>) {
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto('/dashboard');
  await expect(stolen).toHaveURL(/\/login/);
  expect(await sessionUserOf(thief), '/api/auth/session must not return a user').toBeNull();
  await thief.close();
}

test.describe('signing in', () => {
  test('the dashboard asks for a sign-in and comes back to the page asked for', async ({ page }) => {
    await page.goto('/dashboard/claims');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%2Fclaims/);
    await expect(page.getByRole('heading', { name: 'Sign in to Attest' })).toBeVisible();
  });

  test('a wrong password says so and keeps the email typed', async ({ page }) => {
    const user = await createScenarioUser('EDITOR', 'right-password-1');
    await page.goto('/login');
    await signIn(page, user.email, 'wrong-password');
    await expect(page.getByText(WRONG_PASSWORD_MESSAGE)).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(user.email);
  });

  test('after five failures the account is throttled, even with the right password, and the form says for how long', async ({ page }) => {
    const user = await createScenarioUser('EDITOR', 'right-password-2');
    await page.goto('/login');
    const failures = async () =>
      (await sql`SELECT count(*)::int AS n FROM sign_in_attempts WHERE key = ${`email:${user.email}`} AND NOT succeeded`)[0]?.n;
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, user.email, `wrong-${attempt}`);
      // The message reads the same every time: wait for the attempt itself to be counted.
      await expect.poll(failures).toBe(attempt);
      await expect(page.getByText(WRONG_PASSWORD_MESSAGE)).toBeVisible();
      await expect(page.getByLabel('Password')).toHaveValue('');
    }
    await signIn(page, user.email, 'right-password-2');
    await expect(page.getByText('Too many failed sign-ins for this account. Try again in 15 minutes.')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    expect(await failures()).toBe(5);
  });

  test('a deactivated user loses access at once, with a valid session cookie', async ({ browser }) => {
    const { user, context, page } = await signedInScenario(browser);
    await sql`UPDATE users SET active = false WHERE id = ${user.id}`;
    await page.goto('/dashboard/claims');
    await expect(page).toHaveURL(/\/login/);
    expect(await sessionUserOf(context), '/api/auth/session must not return a deactivated user').toBeNull();
    await context.close();
  });

  test('a legacy bcrypt password signs in and is stored as argon2id from then on', async () => {
    // The seed stores the demo accounts' password with bcrypt; auth.setup.ts signed them in.
    const [editor] = await sql`SELECT password_hash FROM users WHERE email = 'editor@attest.local'`;
    expect(String(editor?.password_hash)).toMatch(/^\$argon2id\$/);
  });
});

test.describe('where sign-in sends you afterwards', () => {
  const hostile = ['/\t/evil.example/steal', '/\n/evil.example', '/\r\n/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/'];

  test('a callbackUrl that a browser would read as another site falls back to the dashboard', async ({ page }) => {
    for (const callbackUrl of hostile) {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await expect(page.locator('input[name="callbackUrl"]'), JSON.stringify(callbackUrl)).toHaveValue('/dashboard');
    }
    const user = await createScenarioUser('EDITOR', 'redirect-password');
    await page.goto(`/login?callbackUrl=${encodeURIComponent('/\t/evil.example/steal')}`);
    await signIn(page, user.email, 'redirect-password');
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
  });

  test('a forged hidden field is no better than the query string', async ({ page }) => {
    const user = await createScenarioUser('EDITOR', 'hidden-field-password');
    await page.goto('/login');
    await page.locator('input[name="callbackUrl"]').evaluate((input: HTMLInputElement) => (input.value = '/\t/evil.example/steal'));
    await signIn(page, user.email, 'hidden-field-password');
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
  });

  test('a same-site callbackUrl is kept, with its query string', async ({ page }) => {
    const user = await createScenarioUser('EDITOR', 'same-site-password');
    await page.goto(`/login?callbackUrl=${encodeURIComponent('/dashboard/claims?status=DRAFT')}`);
    await signIn(page, user.email, 'same-site-password');
    await expect(page).toHaveURL(/\/dashboard\/claims\?status=DRAFT$/);
  });

  test('a callbackUrl with CR or LF never makes /login answer 500, signed in or not', async ({ playwright, baseURL }) => {
    const origin = new URL(baseURL ?? '').origin;
    for (const storageState of [undefined, storageStateFor('editor')]) {
      const request = await playwright.request.newContext({ baseURL, storageState });
      for (const [raw, landing] of [
        ['%2F%0D%0A%2Fevil.example', '/dashboard'],
        ['%2F%09%2Fevil.example', '/dashboard'],
        ['%0A', '/dashboard'],
        // CR and LF are dropped, as a browser drops them: no header is injected.
        ['%2Fdashboard%0D%0ASet-Cookie:%20injected=1', '/dashboardSet-Cookie:%20injected=1'],
      ]) {
        const response = await request.get(`/login?callbackUrl=${raw}`, { maxRedirects: 0 });
        const label = `${storageState ? 'signed in' : 'anonymous'} ${raw}: HTTP ${response.status()}`;
        expect(response.status(), label).toBeLessThan(500);
        const injected = response.headersArray().filter((header) => header.name.toLowerCase() === 'set-cookie' && header.value.includes('injected'));
        expect(injected, label).toEqual([]);
        if (storageState) {
          expect(response.status(), label).toBeGreaterThanOrEqual(300);
          const location = new URL(response.headers().location ?? '', baseURL);
          expect(`${location.origin}${location.pathname}`, label).toBe(`${origin}${landing}`);
        }
      }
      await request.dispose();
    }
  });
});

test.describe('the per-address limit', () => {
  // Every request in this suite comes from 127.0.0.1; the limit is arranged
  // for it directly, and removed again so that later sign-ins are not refused.
  test.afterEach(async () => {
    await sql`DELETE FROM sign_in_attempts WHERE key = 'ip:127.0.0.1'`;
  });

  test('counts the socket address: forged X-Forwarded-For or internal headers do not get around it', async ({ browser }) => {
    // Newer than the sign-ins the suite made so far: the 25 last attempts from 127.0.0.1 failed.
    const user = await createScenarioUser('EDITOR', 'address-limit-password');
    await sql`
      INSERT INTO sign_in_attempts (id, key, succeeded, attempted_at)
      SELECT 'address-limit-' || n, 'ip:127.0.0.1', false, now() FROM generate_series(1, 25) AS n`;
    const context = await browser.newContext({
      extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.7', 'X-Real-IP': '198.51.100.8', 'X-Attest-Peer-Address': '198.51.100.9' },
    });
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, user.email, 'address-limit-password');
    await expect(page.getByText('Too many failed sign-ins from your network address. Try again in 15 minutes.')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    const forged = await sql`SELECT key FROM sign_in_attempts WHERE key LIKE 'ip:198.51.100.%'`;
    expect(forged).toHaveLength(0);
    await context.close();
  });
});

test.describe('unlocking an account', () => {
  test('an admin sees which account is locked and unlocks it; the audit trail says who', async ({ browser }) => {
    const user = await createScenarioUser('EDITOR', 'locked-out-password');
    await sql`
      INSERT INTO sign_in_attempts (id, key, succeeded, attempted_at)
      SELECT 'locked-' || ${user.id} || '-' || n, ${`email:${user.email}`}, false, now() - interval '2 minutes' FROM generate_series(1, 5) AS n`;

    const adminContext = await browser.newContext({ storageState: storageStateFor('admin') });
    const admin = await adminContext.newPage();
    await admin.goto('/dashboard/users');
    const row = admin.getByRole('row', { name: new RegExp(user.name) });
    await expect(row.getByText(/Sign-in locked for 13 minutes/)).toBeVisible();
    await row.getByRole('button', { name: 'Unlock sign-in' }).click();
    await expect(row.getByText(`${user.name} can sign in again.`)).toBeVisible();
    await expect(row.getByRole('button', { name: 'Unlock sign-in' })).toHaveCount(0);
    const [audit] = await sql`
      SELECT a.action, u.email FROM audit_events a JOIN users u ON u.id = a.actor_id
      WHERE a.entity_type = 'User' AND a.entity_id = ${user.id}`;
    expect(audit).toMatchObject({ action: 'user.sign_in_unlock', email: 'admin@attest.local' });
    await adminContext.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, user.email, 'locked-out-password');
    await expect(page).toHaveURL(/\/dashboard$/);
    await context.close();
  });
});

test.describe('a copied session cookie', () => {
  test('stops working once its user signs out', async ({ browser }) => {
    const { context, page } = await signedInScenario(browser);
    const cookies = await context.cookies();
    expect(await sessionUserOf(context)).not.toBeNull();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);

    await expectCopiedCookiesRefused(browser, cookies);
    await context.close();
  });

  for (const change of ['deactivation', 'a role change'] as const) {
    test(`stops working after ${change} by an admin`, async ({ browser }) => {
      const { user, context } = await signedInScenario(browser);
      const cookies = await context.cookies();

      const adminContext = await browser.newContext({ storageState: storageStateFor('admin') });
      const admin = await adminContext.newPage();
      await admin.goto('/dashboard/users');
      const row = admin.getByRole('row', { name: new RegExp(user.name) });
      if (change === 'deactivation') {
        await row.getByRole('button', { name: 'Deactivate' }).click();
        // Destructive: a dialog asks first.
        await row.getByRole('dialog').getByRole('button', { name: 'Confirm deactivation' }).click();
        await expect(row.getByText(`${user.name} is deactivated`)).toBeVisible();
      } else {
        await row.getByLabel(`Role for ${user.name}`).selectOption('MODERATOR');
        await row.getByRole('button', { name: 'Change role' }).click();
        await expect(row.getByText(`${user.name} is now a moderator.`)).toBeVisible();
      }
      await adminContext.close();

      await expectCopiedCookiesRefused(browser, cookies);
      await context.close();
    });
  }
});
