import { expect, test as setup } from './fixtures/test';
import { DEMO_PASSWORD, personas, storageStateFor, type PersonaName } from './fixtures/personas';

// Signs each persona in through the real sign-in form once, and stores the
// session so that every spec starts already signed in as the role it needs.
for (const persona of Object.keys(personas) as PersonaName[]) {
  setup(`sign in as ${persona}`, async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(personas[persona].email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.context().storageState({ path: storageStateFor(persona) });
  });
}
