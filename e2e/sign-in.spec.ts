import { expect, test } from './fixtures/test';
import { createScenarioUser, sql } from './fixtures/database';

test.describe('signing in', () => {
  test('the dashboard asks for a sign-in and comes back to the page asked for', async ({ page }) => {
    await page.goto('/dashboard/claims');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%2Fclaims/);
    await expect(page.getByRole('heading', { name: 'Sign in to Attest' })).toBeVisible();
  });

  test('a wrong password says so and keeps the email typed', async ({ page }) => {
    const user = await createScenarioUser('EDITOR', 'right-password-1');
    await page.goto('/login');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('The email or password is incorrect, or the account is deactivated.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(user.email);
  });

  test('after five failures the account is throttled, even with the right password', async ({ page }) => {
    const user = await createScenarioUser('EDITOR', 'right-password-2');
    await page.goto('/login');
    const failures = async () =>
      (await sql`SELECT count(*)::int AS n FROM sign_in_attempts WHERE key = ${`email:${user.email}`} AND NOT succeeded`)[0]?.n;
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // The message reads the same every time: wait for the attempt itself to be counted.
      await expect.poll(failures).toBe(attempt);
      await expect(page.getByText('The email or password is incorrect, or the account is deactivated.')).toBeVisible();
      await expect(page.getByLabel('Password')).toHaveValue('');
    }
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('right-password-2');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(/Too many failed sign-ins \(5 in 15 minutes\)/)).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    expect(await failures()).toBe(5);
  });

  test('a deactivated user loses access at once, with a valid session cookie', async ({ page }) => {
    const user = await createScenarioUser('EDITOR', 'right-password-3');
    await page.goto('/login');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('right-password-3');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);

    await sql`UPDATE users SET active = false WHERE id = ${user.id}`;
    await page.goto('/dashboard/claims');
    await expect(page).toHaveURL(/\/login/);
  });
});
