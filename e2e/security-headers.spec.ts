import { randomBytes } from 'node:crypto';
import { parseContentSecurityPolicy } from '../lib/security/content-security-policy';
import { storageStateFor } from './fixtures/personas';
import { expect, test, type APIResponse, type Browser, type CspViolations, type Page } from './fixtures/test';

const PUBLISHED_CLAIM = '/claims/kremlin-soldats-nord-coreens-fausses-nouvelles';

async function signedInPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor('editor') });
  return context.newPage();
}

/** The one Content-Security-Policy of a response, parsed (two headers would both be enforced). */
function policyOf(response: APIResponse): Map<string, string[]> {
  const policies = response.headersArray().filter(({ name }) => name.toLowerCase() === 'content-security-policy');
  expect(policies, `${response.url()} sends exactly one CSP`).toHaveLength(1);
  return parseContentSecurityPolicy(policies[0]?.value ?? '');
}

function expectCommonHeaders(response: APIResponse): void {
  const headers = response.headers();
  expect(headers['x-content-type-options'], response.url()).toBe('nosniff');
  expect(headers['x-frame-options'], response.url()).toBe('DENY');
  expect(headers['referrer-policy'], response.url()).toBe('strict-origin-when-cross-origin');
  for (const feature of ['camera', 'microphone', 'geolocation']) {
    expect(headers['permissions-policy']?.split(', '), response.url()).toContain(`${feature}=()`);
  }
  const policy = policyOf(response);
  expect(policy.get('default-src'), response.url()).toEqual(["'self'"]);
  expect(policy.get('object-src'), response.url()).toEqual(["'none'"]);
  expect(policy.get('base-uri'), response.url()).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), response.url()).toEqual(["'none'"]);
  expect(policy.get('form-action'), response.url()).toEqual(["'self'"]);
  expect(policy.get('script-src-attr'), response.url()).toEqual(["'none'"]);
  expect([...policy.values()].flat(), `${response.url()} never allows eval`).not.toContain("'unsafe-eval'");
}

function expectPublicPolicy(response: APIResponse): void {
  expectCommonHeaders(response);
  expect(policyOf(response).get('script-src'), response.url()).toEqual(["'self'", "'unsafe-inline'"]);
}

/** Checks the nonce policy, and that every script tag in the HTML carries its nonce; returns the nonce. */
async function expectNoncePolicy(response: APIResponse): Promise<string> {
  expectCommonHeaders(response);
  const scriptSources = policyOf(response).get('script-src') ?? [];
  expect(scriptSources, response.url()).toHaveLength(2);
  expect(scriptSources[1], response.url()).toBe("'strict-dynamic'");
  const nonce = /^'nonce-([A-Za-z0-9+/]{22}==)'$/.exec(scriptSources[0] ?? '')?.[1];
  expect(nonce, `${response.url()} has a 128-bit nonce`).toBeDefined();
  const scriptTags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length, `${response.url()} has scripts`).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag, `${response.url()}: every script carries the nonce`).toContain(`nonce="${nonce}"`);
  return nonce ?? '';
}

test.describe('security headers', () => {
  test('the sign-in page and the dashboard get a fresh nonce on every response, applied to every script', async ({ browser, request }) => {
    const firstLogin = await expectNoncePolicy(await request.get('/login'));
    const secondLogin = await expectNoncePolicy(await request.get('/login'));
    expect(secondLogin).not.toBe(firstLogin);

    const editor = await signedInPage(browser);
    for (const path of ['/dashboard', '/dashboard/claims']) {
      const first = await editor.request.get(path);
      expect(first.status(), path).toBe(200);
      const second = await editor.request.get(path);
      expect(await expectNoncePolicy(second)).not.toBe(await expectNoncePolicy(first));
    }
    // An unknown dashboard address is answered with the not-found page, under the nonce policy too.
    const missing = await editor.request.get('/dashboard/no-such-page');
    expect(missing.status()).toBe(404);
    await expectNoncePolicy(missing);
  });

  test('public pages, API routes and 404s get the cacheable public policy', async ({ request }) => {
    const claim = await request.get(PUBLISHED_CLAIM);
    expect(claim.status()).toBe(200);
    expectPublicPolicy(claim);

    const api = await request.get(`/api${PUBLISHED_CLAIM}`);
    expect(api.status()).toBe(200);
    expectPublicPolicy(api);
    const sourceId: unknown = (await api.json()).appearances?.[0]?.source?.id;
    expect(typeof sourceId).toBe('string');

    const source = await request.get(`/sources/${String(sourceId)}`);
    expect(source.status()).toBe(200);
    expectPublicPolicy(source);

    for (const path of ['/', '/api/claims?limit=1']) expectPublicPolicy(await request.get(path));
    for (const path of ['/no-such-page', '/claims/no-such-claim', '/api/claims/no-such-claim']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expectPublicPolicy(response);
    }
    // Signed out, the dashboard redirects to sign-in; the redirect carries the headers too.
    const redirect = await request.get('/dashboard', { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectPublicPolicy(redirect);
  });

  test('Strict-Transport-Security is sent only when the request came over HTTPS', async ({ request }) => {
    for (const path of ['/', PUBLISHED_CLAIM, '/login', '/api/claims?limit=1', '/no-such-page']) {
      const overHttps = await request.get(path, { headers: { 'x-forwarded-proto': 'https' } });
      expect(overHttps.headers()['strict-transport-security'], path).toBe('max-age=31536000; includeSubDomains');
      const overHttp = await request.get(path);
      expect(overHttp.headers()['strict-transport-security'], path).toBeUndefined();
    }
  });
});

/** Waits until each directive's violation is reported by the page and logged by Chromium, and takes the reports. */
async function expectReported(cspViolations: CspViolations, directives: string[]): Promise<void> {
  const reported: string[] = [];
  let consoleErrors = 0;
  await expect
    .poll(
      async () => {
        const taken = await cspViolations.take();
        reported.push(...taken.events.map((event) => event.directive));
        consoleErrors += taken.consoleErrors.length;
        return directives.every((directive) => reported.includes(directive)) && consoleErrors >= directives.length;
      },
      { message: `violations of ${directives.join(' and ')} reported` },
    )
    .toBe(true);
}

/**
 * Serves `path` with `markup` added to its HTML, as an HTML-injection bug
 * would: the response keeps its headers, so its policy decides what runs.
 */
async function serveWithInjectedMarkup(page: Page, path: string, markup: string): Promise<void> {
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const headers = response.headers();
      delete headers['content-length'];
      delete headers['content-encoding'];
      const html = (await response.text()).replace('<body>', `<body>${markup}`);
      return route.fulfill({ response, headers, body: html });
    },
  );
}

const ran = (page: Page, flag: string) => page.evaluate((name) => Reflect.get(window, name), flag);

test.describe('what the policy stops', () => {
  for (const path of ['/login', '/dashboard/claims']) {
    test(`markup injected into ${path} runs no script, even with a nonce from an earlier response`, async ({ browser, cspViolations }) => {
      const page = path === '/login' ? await browser.newPage() : await signedInPage(browser);
      const earlierNonce = await expectNoncePolicy(await page.request.get(path));
      await serveWithInjectedMarkup(
        page,
        path,
        '<script>window.injectedScriptRan = true</script>' +
          `<script nonce="${earlierNonce}">window.replayedNonceRan = true</script>` +
          '<img src="/no-such-image.png" onerror="window.injectedHandlerRan = true">',
      );
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Markup added later by the page's own code (DOM-based injection) cannot run a handler either.
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image.png" onerror="window.domHandlerRan = true">'));

      await expectReported(cspViolations, ['script-src-elem', 'script-src-attr']);
      for (const flag of ['injectedScriptRan', 'replayedNonceRan', 'injectedHandlerRan', 'domHandlerRan']) {
        expect(await ran(page, flag), flag).toBeUndefined();
      }
    });
  }

  test('on a public page, injected markup cannot run event handlers or load a script from another origin', async ({ page, cspViolations }) => {
    await serveWithInjectedMarkup(
      page,
      PUBLISHED_CLAIM,
      '<script src="https://attacker.example/steal.js"></script><img src="/no-such-image.png" onerror="window.injectedHandlerRan = true">',
    );
    await page.goto(PUBLISHED_CLAIM);
    await expectReported(cspViolations, ['script-src-elem', 'script-src-attr']);
    expect(await ran(page, 'injectedHandlerRan')).toBeUndefined();
  });

  test('a test that triggers a violation it did not expect fails', async ({ page }) => {
    // The suite's fixture (e2e/fixtures/test.ts) fails this test at teardown.
    test.fail();
    await page.goto('/login');
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image.png" onerror="void 0">');
          document.querySelector('img[onerror]')?.addEventListener('error', resolve);
        }),
    );
  });
});

test.describe('pages still work under the policy', () => {
  test('the dashboard hydrates and its forms submit through server actions', async ({ browser }) => {
    const page = await signedInPage(browser);
    await page.goto('/dashboard');
    // A full page load would drop this marker: it proves the client router and the forms run.
    await page.evaluate(() => Reflect.set(window, 'loadedOnce', true));

    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Claimants' }).click();
    await page.getByRole('link', { name: 'New claimant' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New claimant' })).toBeVisible();

    await page.getByRole('button', { name: 'Save claimant' }).click();
    await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

    const name = `Porte-parole CSP ${randomBytes(4).toString('hex')}`;
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Save claimant' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Claimant created.')).toBeVisible();
    expect(await page.evaluate(() => Reflect.get(window, 'loadedOnce'))).toBe(true);
  });

  test('a public claim page and its source pages come without scripts (scripts/public-html.mjs) and navigate by plain links', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`/en${PUBLISHED_CLAIM}`);
    // "See the quote" is a full page load (the browser's own #fragment navigation sets :target, the quote's highlight).
    await page.getByRole('region', { name: 'Where it was said' }).getByRole('link', { name: 'See the quote in the archived source' }).first().click();
    await expect(page).toHaveURL(/\/en\/sources\/[^#]+#quote-/);
    await expect(page.getByText('SHA-256 of the text')).toBeVisible();

    await page.getByRole('region', { name: 'Quoted passages' }).getByRole('link', { name: /Le Kremlin qualifie/ }).first().click();
    await expect(page).toHaveURL(new RegExp(`/en${PUBLISHED_CLAIM}$`));
    await expect(page.getByRole('region', { name: 'Verdict' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fact checks' }).click();
    await expect(page).toHaveURL(/\/en$/);
    expect(scripts).toEqual([]);
    // The ClaimReview JSON-LD is data, and stays.
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
  });
});
