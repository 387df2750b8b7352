import en from '../messages/en.json' with { type: 'json' };
import fr from '../messages/fr.json' with { type: 'json' };
import { createScenarioUser, sql } from './fixtures/database';
import { type Browser, type BrowserContextOptions, expect, expectNoAxeViolations, expectNoHorizontalScroll, type Page, test } from './fixtures/test';

// The newsroom's own screens — sign-in, overview, users, sources, account —
// in both languages at a phone's and a laptop's width, and what an account
// does for itself: its dashboard language, its password, the password an
// admin resets for it. Texts come from the catalogues, except where the
// English accessible names are the point (they must not change).

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

type Role = 'EDITOR' | 'MODERATOR' | 'ADMIN';

let scenarios = 0;
const password = () => `newsroom-password-${++scenarios}-${Math.random().toString(36).slice(2, 8)}`;

async function signIn(page: Page, email: string, secret: string) {
  await page.getByRole('textbox', { name: /^(Email|Adresse e-mail)$/ }).fill(email);
  await page.getByLabel(/^(Password|Mot de passe)$/).fill(secret);
  await page.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
}

/** A fresh browser (English unless told otherwise) signed in as a new account. */
async function signedIn(browser: Browser, role: Role, options: { locale?: 'fr' | 'en'; context?: BrowserContextOptions } = {}) {
  const secret = password();
  const user = await createScenarioUser(role, secret, { locale: options.locale });
  const context = await browser.newContext(options.context);
  const page = await context.newPage();
  await page.goto('/login');
  await signIn(page, user.email, secret);
  await expect(page).toHaveURL(/\/dashboard$/);
  return { user, password: secret, context, page };
}

const localeOf = (id: string) => sql<{ locale: string | null }[]>`SELECT locale FROM users WHERE id = ${id}`.then((rows) => rows[0]?.locale ?? null);

async function checkPage(page: Page, path: string, heading: string | RegExp, lang: 'fr' | 'en') {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  }
}

async function aPublicSourceId(): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    SELECT s.id FROM sources s JOIN appearances a ON a.source_id = s.id JOIN claims c ON c.id = a.claim_id
    WHERE c.status = 'PUBLISHED' ORDER BY s.id LIMIT 1`;
  if (!row) throw new Error('the seed has no public source');
  return row.id;
}

/** A source of the scenario's own, that nothing quotes (so nothing public changes with it). */
async function newSource(title: string): Promise<string> {
  const marker = `${Date.now().toString(36)}-${++scenarios}`;
  const text = `Un article archivé pour un scénario de l’interface (référence ${marker}).`;
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO sources (id, title, language, retrieved_at, raw_text, text, sha256, updated_at)
    VALUES (${`newsroom_${marker}`}, ${title}, 'fr', now(), ${text}, ${text}, encode(sha256(convert_to(${text}, 'UTF8')), 'hex'), now())
    RETURNING id`;
  return row?.id ?? '';
}

test.describe('the newsroom screens in both languages, at 390 and 1280 px', () => {
  for (const [lang, messages] of [
    ['en', en],
    ['fr', fr],
  ] as const) {
    test(`sign-in page (${lang} browser)`, async ({ browser }) => {
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });
      const page = await context.newPage();
      await checkPage(page, '/login', messages.signIn.heading, lang);
      await expect(page.getByLabel(messages.signIn.form.email)).toBeVisible();
      await context.close();
    });

    const pages: { name: string; path: () => Promise<string>; heading: () => Promise<string> }[] = [
      { name: 'overview', path: async () => '/dashboard', heading: async () => messages.dashboardHome.title },
      { name: 'users', path: async () => '/dashboard/users', heading: async () => messages.users.title },
      { name: 'sources', path: async () => '/dashboard/sources', heading: async () => messages.sourcesDashboard.list.title },
      {
        name: 'a source',
        path: async () => `/dashboard/sources/${await aPublicSourceId()}`,
        heading: async () => (await sql<{ title: string }[]>`SELECT title FROM sources WHERE id = ${await aPublicSourceId()}`)[0]?.title ?? '',
      },
      { name: 'new source', path: async () => '/dashboard/sources/new', heading: async () => messages.sourcesDashboard.new.title },
      { name: 'account', path: async () => '/dashboard/account', heading: async () => messages.account.title },
    ];
    for (const { name, path, heading } of pages) {
      test(`${name} (${lang} account)`, async ({ browser }) => {
        const { context, page } = await signedIn(browser, 'ADMIN', { locale: lang });
        await checkPage(page, await path(), await heading(), lang);
        await context.close();
      });
    }

    test(`the new source preview's scrolling panels take the focus (${lang} account)`, async ({ browser }) => {
      const { context, page } = await signedIn(browser, 'EDITOR', { locale: lang });
      await page.goto('/dashboard/sources/new');
      await page.getByLabel(messages.sourcesDashboard.fields.text.label, { exact: true }).fill(
        'Un titre d’essai pour la prévisualisation\n\nPartagez cet article\n\nLe texte de l’article tient en une phrase assez longue pour passer pour de la prose.\n\nLaissez un commentaire',
      );
      await page.getByRole('button', { name: messages.sourcesDashboard.new.preview }).click();
      const cleaned = page.getByRole('region', { name: messages.sourcesDashboard.new.review.cleaned });
      await expect(cleaned).toContainText('Le texte de l’article tient en une phrase');
      await expect(cleaned).not.toContainText('Partagez cet article');
      await cleaned.focus();
      await expect(cleaned).toBeFocused();
      for (const size of WIDTHS) {
        await page.setViewportSize(size);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
      }
      await context.close();
    });
  }
});

test.describe('the dashboard nav', () => {
  test('marks the current page, and the section of a page inside it; only admins see Ratings', async ({ browser }) => {
    const { context, page } = await signedIn(browser, 'ADMIN');
    const nav = page.getByRole('navigation', { name: 'Dashboard' });
    await page.goto('/dashboard/sources');
    await expect(nav.getByRole('link', { name: 'Sources' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await page.goto(`/dashboard/sources/${await aPublicSourceId()}`);
    await expect(nav.getByRole('link', { name: 'Sources' })).toHaveAttribute('aria-current', 'true');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(0);
    await page.goto('/dashboard');
    await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Ratings' })).toHaveAttribute('href', '/dashboard/ratings');
    await context.close();

    const editor = await signedIn(browser, 'EDITOR');
    await expect(editor.page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Ratings' })).toHaveCount(0);
    await expect(editor.page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
    await editor.context.close();
  });
});

test.describe('the dashboard language', () => {
  test('the first sign-in with a French browser stores French', async ({ browser }) => {
    const secret = password();
    const user = await createScenarioUser('EDITOR', secret);
    expect(await localeOf(user.id)).toBeNull();
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.signIn.heading);
    await signIn(page, user.email, secret);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    expect(await localeOf(user.id)).toBe('fr');
    await context.close();
  });

  test('the switch in the nav changes it, is audited, and outlasts signing out and in again', async ({ browser }) => {
    const { user, password: secret, context, page } = await signedIn(browser, 'EDITOR');
    // The English browser's language was stored at the first sign-in.
    expect(await localeOf(user.id)).toBe('en');
    await page.goto('/dashboard/sources');
    const switcher = page.getByRole('form', { name: 'Show the dashboard in' });
    await expect(switcher).toContainText('Language: English');
    await switcher.getByRole('button', { name: 'Français' }).click();
    // Back on the same page, in French.
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveURL(/\/dashboard\/sources$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.sourcesDashboard.list.title);
    await expect(page.getByRole('navigation', { name: fr.dashboardNav.label }).getByRole('link', { name: fr.dashboardNav.sources })).toHaveAttribute('aria-current', 'page');
    expect(await localeOf(user.id)).toBe('fr');
    const [audit] = await sql`SELECT actor_id, before, after FROM audit_events WHERE entity_id = ${user.id} AND action = 'user.locale_change'`;
    expect(audit).toMatchObject({ actor_id: user.id, before: { locale: 'en' }, after: { locale: 'fr' } });

    await page.getByRole('button', { name: fr.dashboardNav.signOut }).click();
    await expect(page).toHaveURL(/\/login/);
    // Signed out, the sign-in page follows the browser (English)…
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.signIn.heading);
    await signIn(page, user.email, secret);
    // …and signed in again, the dashboard follows the account.
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.dashboardHome.title);

    await page.getByRole('form', { name: fr.dashboardNav.language.label }).getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
    await context.close();
  });
});

test.describe('passwords', () => {
  test('a user changes their own password: this browser stays signed in, every other session ends', async ({ browser }) => {
    const { user, password: oldPassword, context, page } = await signedIn(browser, 'EDITOR');
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto('/login');
    await signIn(otherPage, user.email, oldPassword);
    await expect(otherPage).toHaveURL(/\/dashboard$/);

    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Account' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Account' })).toHaveAttribute('aria-current', 'page');

    // Refusals: next to their field, the fields empty again.
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await page.getByLabel('Repeat the new password').fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('The current password is not right.').first()).toBeVisible();
    await expect(page.getByLabel('Current password')).toBeFocused();
    await expect(page.getByLabel('New password', { exact: true })).toHaveValue('');
    await page.getByLabel('Current password').fill(oldPassword);
    await page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await page.getByLabel('Repeat the new password').fill('a different password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('The two new passwords are not the same.')).toBeVisible();

    await page.getByLabel('Current password').fill(oldPassword);
    await page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await page.getByLabel('Repeat the new password').fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page).toHaveURL(/\/dashboard\/account\?changed=1$/);
    await expect(page.getByText(en.account.changed)).toBeVisible();
    await page.goto('/dashboard/claims');
    await expect(page).toHaveURL(/\/dashboard\/claims$/);

    await otherPage.goto('/dashboard');
    await expect(otherPage).toHaveURL(/\/login/);
    await signIn(otherPage, user.email, oldPassword);
    await expect(otherPage.getByText(en.signIn.errors.wrongCredentials)).toBeVisible();
    await signIn(otherPage, user.email, 'a brand new password');
    await expect(otherPage).toHaveURL(/\/dashboard$/);
    const [audit] = await sql`SELECT actor_id FROM audit_events WHERE entity_id = ${user.id} AND action = 'user.password_change'`;
    expect(audit?.actor_id).toBe(user.id);
    await other.close();
    await context.close();
  });

  test('an admin resets a password: shown once; the account must set its own before anything else', async ({ browser }) => {
    const target = await signedIn(browser, 'EDITOR');
    const admin = await signedIn(browser, 'ADMIN');
    await admin.page.goto('/dashboard/users');
    const row = admin.page.getByRole('row', { name: new RegExp(target.user.name) });
    await row.getByRole('button', { name: 'Reset password' }).click();
    const dialog = row.getByRole('dialog');
    await expect(dialog).toContainText(`Give ${target.user.name} a new one-time password?`);
    await dialog.getByRole('button', { name: 'Yes, make a new one' }).click();
    const shown = row.getByLabel(`One-time password for ${target.user.email}`);
    await expect(shown).toBeVisible();
    const oneTimePassword = await shown.inputValue();
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await expect(row.getByText('Must choose a new password on next sign-in')).toBeVisible();
    await admin.page.reload();
    await expect(admin.page.getByText(oneTimePassword)).toHaveCount(0);
    await expect(admin.page.locator(`input[value="${oneTimePassword}"]`)).toHaveCount(0);
    await admin.context.close();

    // The reset ended the account's sessions.
    await target.page.goto('/dashboard');
    await expect(target.page).toHaveURL(/\/login/);
    await signIn(target.page, target.user.email, oneTimePassword);
    await expect(target.page).toHaveURL(/\/dashboard\/account$/);
    await expect(target.page.getByText(en.account.mustChange.body)).toBeVisible();
    const nav = target.page.getByRole('navigation', { name: 'Dashboard' });
    await expect(nav.getByRole('link')).toHaveText(['Account']);
    await expect(nav.getByRole('form', { name: 'Show the dashboard in' })).toHaveCount(0);
    for (const path of ['/dashboard', '/dashboard/claims', '/dashboard/sources/new']) {
      await target.page.goto(path);
      await expect(target.page, path).toHaveURL(/\/dashboard\/account$/);
    }
    for (const size of WIDTHS) {
      await target.page.setViewportSize(size);
      await expectNoAxeViolations(target.page);
      await expectNoHorizontalScroll(target.page);
    }

    await target.page.getByLabel('Current password').fill(oneTimePassword);
    await target.page.getByLabel('New password', { exact: true }).fill('my very own password');
    await target.page.getByLabel('Repeat the new password').fill('my very own password');
    await target.page.getByRole('button', { name: 'Change password' }).click();
    await expect(target.page.getByText(en.account.changed)).toBeVisible();
    await target.page.goto('/dashboard/claims');
    await expect(target.page).toHaveURL(/\/dashboard\/claims$/);
    const actions = await sql<{ action: string }[]>`SELECT action FROM audit_events WHERE entity_id = ${target.user.id} AND action LIKE 'user.password_%' ORDER BY at`;
    expect(actions.map((row) => row.action)).toEqual(['user.password_reset', 'user.password_change']);
    await target.context.close();
  });
});

test.describe('a source’s metadata', () => {
  test('an editor corrects it; a form opened before someone else’s save says who and keeps what was typed', async ({ browser }) => {
    const sourceId = await newSource('Titre à corriger');
    const first = await signedIn(browser, 'EDITOR');
    const second = await signedIn(browser, 'EDITOR');
    for (const { page } of [first, second]) await page.goto(`/dashboard/sources/${sourceId}`);

    const form = (page: Page) => page.getByRole('form', { name: 'Edit the metadata' });
    await form(first.page).getByLabel('Title').fill('Le titre corrigé par la première');
    await form(first.page).getByLabel('Author').fill('Jeanne Martin');
    await form(first.page).getByRole('button', { name: 'Save metadata' }).click();
    await expect(first.page.getByText(en.sourcesDashboard.metadata.saved)).toBeVisible();
    await expect(first.page.getByRole('heading', { level: 1 })).toHaveText('Le titre corrigé par la première');

    await form(second.page).getByLabel('Title').fill('Le titre de la seconde');
    await form(second.page).getByRole('button', { name: 'Save metadata' }).click();
    await expect(second.page.getByText(new RegExp(`This source was changed by ${first.user.name} at .* UTC`))).toBeVisible();
    await expect(form(second.page).getByLabel('Title')).toHaveValue('Le titre de la seconde');
    const [row] = await sql`SELECT title, author, version, text FROM sources WHERE id = ${sourceId}`;
    expect(row).toMatchObject({ title: 'Le titre corrigé par la première', author: 'Jeanne Martin', version: 2 });
    expect(String(row?.text)).toContain('Un article archivé pour un scénario');

    await second.page.reload();
    await expect(form(second.page).getByLabel('Title')).toHaveValue('Le titre corrigé par la première');
    await form(second.page).getByLabel('Language').fill('');
    await form(second.page).getByRole('button', { name: 'Save metadata' }).click();
    await expect(form(second.page).getByLabel('Language')).toBeFocused();
    await expect(second.page.getByText(en.sourcesDashboard.validation.languageRequired)).toBeVisible();
    await first.context.close();
    await second.context.close();
  });

  test('readers see the correction of a public source at once', async ({ browser }) => {
    const sourceId = await aPublicSourceId();
    const [before] = await sql<{ author: string | null }[]>`SELECT author FROM sources WHERE id = ${sourceId}`;
    const reader = await browser.newPage();
    await reader.goto(`/en/sources/${sourceId}`);
    const { context, page } = await signedIn(browser, 'EDITOR');
    const saveAuthor = async (author: string) => {
      await page.goto(`/dashboard/sources/${sourceId}`);
      const form = page.getByRole('form', { name: 'Edit the metadata' });
      await form.getByLabel('Author').fill(author);
      await form.getByRole('button', { name: 'Save metadata' }).click();
      await expect(page.getByText(en.sourcesDashboard.metadata.saved)).toBeVisible();
    };
    try {
      await saveAuthor('Une signature corrigée');
      await reader.goto(`/en/sources/${sourceId}`);
      await expect(reader.getByText('Une signature corrigée')).toBeVisible();
    } finally {
      await saveAuthor(before?.author ?? '');
      await context.close();
      await reader.close();
    }
  });
});
