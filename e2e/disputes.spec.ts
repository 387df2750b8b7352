import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, type Browser, type Page } from './fixtures/test';
import { createHash, randomBytes } from 'node:crypto';
import en from '../messages/en.json' with { type: 'json' };
import fr from '../messages/fr.json' with { type: 'json' };
import { createVerdict } from '../seed/factories/claims';
import { createContestableClaim, createDispute } from '../seed/factories/disputes';
import { prisma, sql } from './fixtures/database';
import { personas, storageStateFor } from './fixtures/personas';
import { callAction, loadActionManifest } from './fixtures/server-actions';

// Readers contest a verdict (with and without JavaScript) and keep their
// follow-up link; a moderator finds the dispute in the queue and decides it;
// the follow-up page shows the decision. Hostile markup stays text, the rate
// limit refuses the sixth request from one address, a verdict's reviewer
// cannot decide disputes on it, and every page passes axe without scrolling
// sideways, in both languages.

const run = randomBytes(3).toString('hex');
const SEEDED_CLAIM = { slug: 'rutte-unites-nord-coreennes-koursk', summary: /^Rutte/ };
/** The form refuses a request sent less than 3 s after it was opened (lib/disputes/tokens.ts). */
const MIN_FILL_MS = 3_100;
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

// Every request of the suite comes from 127.0.0.1, which the form allows 5 an hour.
test.beforeEach(async () => {
  await sql`DELETE FROM rate_limit_hits WHERE key LIKE 'dispute-address:%'`;
});

async function contest(page: Page, slug: string, fields: { explanation: string; email?: string; evidenceUrl?: string; consent?: boolean }, prefix = '/en') {
  await page.goto(`${prefix}/claims/${slug}/contest`);
  const openedAt = Date.now();
  await page.getByLabel('What is wrong').selectOption('WRONG_RATING');
  await page.getByLabel('Your explanation', { exact: true }).fill(fields.explanation);
  if (fields.evidenceUrl) await page.getByLabel('Evidence link').fill(fields.evidenceUrl);
  if (fields.email) await page.getByLabel('Your email').fill(fields.email);
  if (fields.consent) await page.getByLabel('May we publish your explanation?').check();
  await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - openedAt)));
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page).toHaveURL(/\/disputes\/[A-Za-z0-9_-]{43}\?sent=1$/);
  await expect(page.getByRole('heading', { name: 'Keep this link to follow your request' })).toBeVisible();
  const link = await page.locator('.follow-up-url a').innerText();
  expect(link).toBe(new URL(page.url()).origin + new URL(page.url()).pathname);
  return new URL(link).pathname;
}

async function disputeIdOf(followUpPath: string): Promise<string> {
  const token = followUpPath.split('/').pop() ?? '';
  const [row] = await sql<{ id: string }[]>`SELECT id FROM disputes WHERE follow_up_token_hash = ${createHash('sha256').update(token).digest('hex')}`;
  expect(row, 'the follow-up token names a dispute').toBeDefined();
  return row?.id ?? '';
}

async function asPersona(browser: Browser, persona: keyof typeof personas) {
  const context = await browser.newContext({ storageState: storageStateFor(persona) });
  return { context, page: await context.newPage() };
}

test.describe('a reader with JavaScript', () => {
  test('contests a seeded verdict, keeps the link; a moderator finds it in the queue and rejects it; the follow-up page shows the decision', async ({ page, browser }) => {
    const explanation = `Le chiffre avancé par l’OTAN début décembre contredit la note (${run}).`;
    await page.goto(`/en/claims/${SEEDED_CLAIM.slug}/contest`);
    // What the reader typed survives a refusal.
    await page.getByLabel('What is wrong').selectOption('WRONG_RATING');
    await page.getByLabel('Your explanation', { exact: true }).fill('Trop court.');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText('Write at least 20 characters.')).toBeVisible();
    await expect(page.getByLabel('Your explanation', { exact: true })).toHaveValue('Trop court.');
    await expect(page.getByLabel('Your explanation', { exact: true })).toBeFocused();

    const followUp = await contest(page, SEEDED_CLAIM.slug, { explanation, email: `lecteur-${run}@example.org` });
    await expect(page.getByText('Received, not yet examined').first()).toBeVisible();
    await expect(page.getByText(explanation)).toBeVisible();

    const moderator = await asPersona(browser, 'moderator');
    await moderator.page.goto('/dashboard/disputes');
    await moderator.page.getByLabel('Claim').selectOption({ label: (await claimSummary(SEEDED_CLAIM.slug)) });
    await moderator.page.getByRole('button', { name: 'Apply' }).click();
    const queue = moderator.page.getByRole('list', { name: 'Disputes matching the filters' });
    const item = queue.getByRole('listitem').filter({ hasText: run });
    await expect(item).toHaveCount(1);
    await item.getByRole('link').click();
    await expect(moderator.page.getByRole('heading', { level: 1 })).toContainText('Dispute on');
    await expect(moderator.page.getByText(explanation)).toBeVisible();
    await expect(moderator.page.getByText('The reader left an email address: they are emailed the decision.')).toBeVisible();
    await expect(moderator.page.getByText(`lecteur-${run}@example.org`)).toHaveCount(0);

    await moderator.page.getByRole('button', { name: 'Take this dispute' }).click();
    await expect(moderator.page.getByText('You took this dispute.')).toBeVisible();
    const decide = moderator.page.getByRole('form', { name: 'Decide' });
    await decide.getByRole('button', { name: 'Reject' }).click();
    await expect(decide.getByText('Give the reason the reader will read.')).toBeVisible();
    await decide.getByLabel('Reason').fill('Le verdict tient compte de ces chiffres, cités dans les preuves.');
    await decide.getByRole('button', { name: 'Reject' }).click();
    await expect(moderator.page.getByText('Dispute rejected.')).toBeVisible();
    await expect(moderator.page.getByRole('region', { name: 'Status history' }).getByText('Rejected')).toBeVisible();
    await moderator.context.close();

    await page.goto(followUp);
    await expect(page.getByRole('region', { name: 'Status' }).getByText('Rejected', { exact: true })).toBeVisible();
    await expect(page.getByText('Le verdict tient compte de ces chiffres, cités dans les preuves.').first()).toBeVisible();
    const id = await disputeIdOf(followUp);
    const [row] = await sql<{ status: string }[]>`SELECT status FROM disputes WHERE id = ${id}`;
    expect(row?.status).toBe('REJECTED');

    // The decision is public; the explanation is not (the reader did not agree to publish it).
    await page.goto(`/en/claims/${SEEDED_CLAIM.slug}/contest`);
    const challenges = page.getByRole('region', { name: 'Reader challenges' });
    await expect(challenges.getByText('Le verdict tient compte de ces chiffres, cités dans les preuves.')).toBeVisible();
    await expect(challenges.getByText(explanation)).toHaveCount(0);
  });

  test('a second dispute is upheld; publishing the corrected verdict resolves it, with the correction linked', async ({ page, browser }) => {
    const [author] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = 'seed-author@attest.local'`;
    const [reviewer] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = 'seed-reviewer@attest.local'`;
    const [editor] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = ${personas.editor.email}`;
    const claim = await createContestableClaim(prisma, { authorId: author?.id ?? '', reviewerId: reviewer?.id ?? '' });
    const explanation = `La citation retenue par le verdict est tronquée (${run}).`;
    const followUp = await contest(page, claim.slug, { explanation, consent: true });

    const moderator = await asPersona(browser, 'moderator');
    await moderator.page.goto(`/dashboard/disputes/${await disputeIdOf(followUp)}`);
    const decide = moderator.page.getByRole('form', { name: 'Decide' });
    await decide.getByLabel('Reason').fill('La citation est en effet tronquée : le verdict doit être revu.');
    await decide.getByRole('button', { name: 'Uphold' }).click();
    await expect(moderator.page.getByText('Dispute upheld: the claim is flagged for the editors until a corrected verdict is published.')).toBeVisible();
    await moderator.context.close();
    await page.goto(followUp);
    await expect(page.getByText('Upheld: the newsroom is preparing a corrected verdict').first()).toBeVisible();

    const corrected = await createVerdict(prisma, {
      claimId: claim.id,
      authorId: editor?.id ?? '',
      state: 'SUBMITTED',
      evidenceSourceId: claim.sourceId,
      correctionNote: `La citation est désormais complète (${run}).`,
    });
    const second = await asPersona(browser, 'reviewer');
    await second.page.goto(`/dashboard/review/${corrected.id}`);
    await second.page.getByRole('button', { name: 'Approve and publish' }).click();
    await expect.poll(async () => (await sql<{ state: string }[]>`SELECT state FROM verdicts WHERE id = ${corrected.id}`)[0]?.state).toBe('PUBLISHED');
    await second.context.close();

    await page.goto(followUp);
    await expect(page.getByText('Upheld: the verdict was corrected').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'See the corrected verdict' })).toHaveAttribute('href', `/en/claims/${claim.slug}#verdict-heading`);
    await page.goto(`/en/claims/${claim.slug}/contest`);
    const challenges = page.getByRole('region', { name: 'Reader challenges' });
    await expect(challenges.getByText('Upheld: the verdict was corrected')).toBeVisible();
    await expect(challenges.getByText(explanation)).toBeVisible();
    await expect(challenges.getByRole('link', { name: 'See the correction' })).toBeVisible();
    const [row] = await sql<{ status: string; to_verdict_id: string | null }[]>`
      SELECT d.status, c.to_verdict_id FROM disputes d LEFT JOIN corrections c ON c.id = d.correction_id WHERE d.id = ${await disputeIdOf(followUp)}`;
    expect(row).toEqual({ status: 'UPHELD', to_verdict_id: corrected.id });
  });
});

async function claimSummary(slug: string): Promise<string> {
  const [claim] = await sql<{ summary: string }[]>`SELECT summary FROM claims WHERE slug = ${slug}`;
  return claim?.summary ?? '';
}

test.describe('a reader without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('contests a verdict in French, is told what to fix, then keeps the follow-up link', async ({ page }) => {
    await page.goto(`/claims/${SEEDED_CLAIM.slug}/contest`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contester ce verdict');
    await page.getByLabel('Ce qui ne va pas').selectOption('MISSING_CONTEXT');
    await page.getByLabel('Votre explication', { exact: true }).fill('Il manque le démenti de Moscou, rapporté par les mêmes articles.');
    await page.getByLabel('Lien vers une preuve').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page.getByText('Indiquez une adresse qui commence par http:// ou https://.')).toBeVisible();
    await expect(page.getByLabel('Votre explication', { exact: true })).toHaveValue('Il manque le démenti de Moscou, rapporté par les mêmes articles.');

    await page.getByLabel('Lien vers une preuve').fill('https://example.org/dementi');
    await page.waitForTimeout(MIN_FILL_MS);
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page).toHaveURL(/^[^?]+\/disputes\/[A-Za-z0-9_-]{43}\?sent=1$/);
    expect(new URL(page.url()).pathname.startsWith('/en/')).toBe(false);
    await expect(page.getByRole('heading', { name: 'Conservez ce lien pour suivre votre demande' })).toBeVisible();
    await expect(page.getByText('Reçue, pas encore examinée').first()).toBeVisible();
  });
});

test('the sixth request from one address within the hour is refused, with when to try again', async ({ page, request }) => {
  await page.goto(`/en/claims/${SEEDED_CLAIM.slug}/contest`);
  const formToken = await page.locator('input[name="formToken"]').inputValue();
  await page.waitForTimeout(MIN_FILL_MS);
  const action = loadActionManifest().get('lib/disputes/actions.ts#submitDisputeAction');
  expect(action).toBeDefined();
  const fields = { claimSlug: SEEDED_CLAIM.slug, formToken, locale: 'en', kind: 'OTHER', explanation: `Cinq demandes depuis la même adresse (${run}).`, website: '' };
  for (let index = 0; index < 5; index++) {
    const sent = await callAction(request, { id: action?.id ?? '', path: `/en/claims/${SEEDED_CLAIM.slug}/contest` }, fields);
    expect(sent.redirectedTo, `request ${index + 1}: HTTP ${sent.status} ${sent.body.slice(0, 200)}`).toMatch(/\/disputes\//);
  }
  await page.getByLabel('What is wrong').selectOption('OTHER');
  await page.getByLabel('Your explanation', { exact: true }).fill(`La sixième demande de la même adresse (${run}).`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText(/^Several requests were sent from your network address in the last hour\. Try again in (60|59) minutes\.$/)).toBeVisible();
  await expect(page.getByLabel('Your explanation', { exact: true })).toHaveValue(`La sixième demande de la même adresse (${run}).`);
  const [count] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM disputes WHERE message LIKE ${`%(${run}).`} AND message LIKE 'La sixième%'`;
  expect(count?.n).toBe(0);
});

test('hostile markup in every field stays text on the follow-up page and the dispute page', async ({ page, browser }) => {
  const explanation = `${HOSTILE} explication hostile (${run})`;
  const evidenceUrl = `https://example.org/"><script>window.__pwned=3</script>`;
  const followUp = await contest(page, SEEDED_CLAIM.slug, { explanation, evidenceUrl, email: `hostile-${run}@example.org`, consent: true });
  await expect(page.getByText(explanation)).toBeVisible();
  await expect(page.getByText(evidenceUrl)).toBeVisible();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('main img')).toHaveCount(0);

  const moderator = await asPersona(browser, 'moderator');
  await moderator.page.goto(`/dashboard/disputes/${await disputeIdOf(followUp)}`);
  await expect(moderator.page.getByText(explanation)).toBeVisible();
  await expect(moderator.page.getByRole('link', { name: evidenceUrl })).toHaveAttribute('rel', /noreferrer/);
  const decide = moderator.page.getByRole('form', { name: 'Decide' });
  await decide.getByLabel('Reason').fill(`${HOSTILE} motif hostile`);
  await decide.getByRole('button', { name: 'Reject' }).click();
  await expect(moderator.page.getByText(`${HOSTILE} motif hostile`).first()).toBeVisible();
  expect(await moderator.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(moderator.page.locator('main img')).toHaveCount(0);
  await moderator.context.close();

  await page.goto(followUp);
  await expect(page.getByText(`${HOSTILE} motif hostile`).first()).toBeVisible();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  // Published with the reader's consent, under the verdict: still text.
  await page.goto(`/en/claims/${SEEDED_CLAIM.slug}/contest`);
  const challenges = page.getByRole('region', { name: 'Reader challenges' });
  await expect(challenges.getByText(explanation)).toBeVisible();
  await expect(challenges.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('an admin who approved the verdict cannot decide a dispute on it, and is told why', async ({ browser }) => {
  const [author] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = 'seed-author@attest.local'`;
  const [admin] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = ${personas.admin.email}`;
  const claim = await createContestableClaim(prisma, { authorId: author?.id ?? '', reviewerId: admin?.id ?? '' });
  const dispute = await createDispute(prisma, { claimId: claim.id, verdictId: claim.verdictId });
  const { context, page } = await asPersona(browser, 'admin');
  await page.goto(`/dashboard/disputes/${dispute.id}`);
  await expect(page.getByText('You approved this verdict: another moderator must decide disputes on it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reject' })).toHaveCount(0);
  await context.close();
});

test.describe('accessibility and layout', () => {
  test('the contest form and the follow-up page, in both languages, at 390 and 1280 px', async ({ browser }) => {
    const token = randomBytes(32).toString('base64url');
    const [author] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = 'seed-author@attest.local'`;
    const [reviewer] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = 'seed-reviewer@attest.local'`;
    const claim = await createContestableClaim(prisma, { authorId: author?.id ?? '', reviewerId: reviewer?.id ?? '' });
    const dispute = await createDispute(prisma, { claimId: claim.id, verdictId: claim.verdictId, message: `Une explication avec un mot très long : ${'x'.repeat(120)}` });
    // Decided and published with consent, so that the contest page's "Reader challenges" lists it too.
    await sql`
      UPDATE disputes SET follow_up_token_hash = ${createHash('sha256').update(token).digest('hex')}, status = 'REJECTED',
        resolution_note = 'Le verdict répond déjà à cette objection.', closed_at = now(), publish_consent = true
      WHERE id = ${dispute.id}`;
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 844 } });
      const page = await context.newPage();
      for (const prefix of ['', '/en']) {
        for (const path of [`/claims/${claim.slug}/contest`, `/disputes/${token}`]) {
          await page.goto(`${prefix}${path}`);
          await expect(page.locator('html')).toHaveAttribute('lang', prefix ? 'en' : 'fr');
          await expectNoAxeViolations(page);
          await expectNoHorizontalScroll(page);
        }
      }
      await context.close();
    }
  });

  test('the queue and a dispute page, in English and in French (the account’s language), at 390 and 1280 px', async ({ browser }) => {
    const [author] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = 'seed-author@attest.local'`;
    const [reviewer] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = 'seed-reviewer@attest.local'`;
    const claim = await createContestableClaim(prisma, { authorId: author?.id ?? '', reviewerId: reviewer?.id ?? '' });
    await createDispute(prisma, { claimId: claim.id, verdictId: claim.verdictId });
    const dispute = await createDispute(prisma, { claimId: claim.id, verdictId: claim.verdictId, kind: 'WRONG_RATING' });
    const [moderator] = await sql<{ id: string; locale: string | null }[]>`SELECT id, locale FROM users WHERE email = ${personas.moderator.email}`;
    try {
      for (const locale of ['en', 'fr'] as const) {
        await sql`UPDATE users SET locale = ${locale} WHERE id = ${moderator?.id ?? ''}`;
        for (const width of [390, 1280]) {
          const context = await browser.newContext({ storageState: storageStateFor('moderator'), viewport: { width, height: 844 } });
          const page = await context.newPage();
          await page.goto(`/dashboard/disputes?claim=${claim.id}`);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'en' ? en.disputeQueue.title : fr.disputeQueue.title);
          await expectNoAxeViolations(page);
          await expectNoHorizontalScroll(page);
          await page.goto(`/dashboard/disputes/${dispute.id}`);
          await expect(page.getByRole('button', { name: locale === 'en' ? en.disputePage.take.button : fr.disputePage.take.button })).toBeVisible();
          await expectNoAxeViolations(page);
          await expectNoHorizontalScroll(page);
          await context.close();
        }
      }
    } finally {
      await sql`UPDATE users SET locale = ${moderator?.locale ?? null} WHERE id = ${moderator?.id ?? ''}`;
    }
  });
});
