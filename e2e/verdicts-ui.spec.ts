import { randomBytes } from 'node:crypto';
import { createClaimWithAppearance, createVerdict } from '../seed/factories/claims';
import { createScenarioUser, prisma, sql } from './fixtures/database';
import { personas, storageStateFor } from './fixtures/personas';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, type Browser, type Page } from './fixtures/test';

// The verdict editor, the review queue and review pages, and a claim's
// history, in English (the demo personas, an English browser) and in French
// (scenario accounts whose language setting is French): each page passes axe
// and fits a phone's and a laptop's width; the review page links each quote
// to its passage; a resubmitted verdict is compared with the version the
// reviewer sent back; the claim and the queue say where a sent-back verdict
// is; the audit trail reads as names, titles and plain actions.

const run = randomBytes(3).toString('hex');
const PASSWORD = `verdicts-ui-${run}-password`;
const viewports = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

type Language = 'en' | 'fr';
type Arranged = {
  /** A claim with an appearance and no verdict: the new-verdict page. */
  newVerdictClaimId: string;
  /** Per language: a claim whose draft verdict (by that language's editor) has three evidence rows. */
  drafts: Record<Language, { claimId: string; verdictId: string }>;
  /** A submitted verdict by the English editor, with a quoted evidence row. */
  submitted: { claimId: string; verdictId: string; summary: string; appearanceId: string; evidenceId: string; sourceId: string };
  /** A proposed change to a published claim, by the English editor. */
  revisionId: string;
  /** A seeded claim with two verdict versions and the seed's audit trail. */
  correctedClaimId: string;
};

const users: Record<Language, { editor: { id: string; email: string; name: string }; reviewer: { id: string; email: string; name: string } }> = {
  en: { editor: { id: '', email: personas.editor.email, name: personas.editor.name }, reviewer: { id: '', email: personas.reviewer.email, name: personas.reviewer.name } },
  fr: { editor: { id: '', email: '', name: '' }, reviewer: { id: '', email: '', name: '' } },
};
let arranged: Arranged;

async function personaId(email: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = ${email}`;
  if (!row) throw new Error(`the seeded account ${email} is missing`);
  return row.id;
}

/** A copy of the claim's appearance anchor, as evidence quoting the same passage. */
async function quotedEvidence(claimId: string, verdictId: string, position: number, note: string) {
  const [anchor] = await sql<{ source_id: string; exact: string; prefix: string; suffix: string; start: number; end: number }[]>`
    SELECT source_id, exact, prefix, suffix, start, "end" FROM appearances WHERE claim_id = ${claimId} LIMIT 1`;
  if (!anchor) throw new Error('the claim has no appearance to quote');
  return prisma.evidence.create({
    data: {
      verdictId,
      sourceId: anchor.source_id,
      stance: 'REFUTES',
      note,
      exact: anchor.exact,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      start: anchor.start,
      end: anchor.end,
      position,
    },
    select: { id: true, sourceId: true },
  });
}

async function draftWithThreeRows(authorId: string) {
  const claim = await createClaimWithAppearance(prisma, { createdById: authorId });
  const verdict = await createVerdict(prisma, { claimId: claim.id, authorId, evidenceSourceId: claim.appearance.sourceId });
  await quotedEvidence(claim.id, verdict.id, 1, `Deuxième preuve (${run}).`);
  await quotedEvidence(claim.id, verdict.id, 2, `Troisième preuve (${run}).`);
  return { claimId: claim.id, verdictId: verdict.id };
}

test.beforeAll(async () => {
  users.en.editor.id = await personaId(personas.editor.email);
  users.en.reviewer.id = await personaId(personas.reviewer.email);
  for (const role of ['editor', 'reviewer'] as const) {
    const user = await createScenarioUser('EDITOR', PASSWORD);
    await sql`UPDATE users SET locale = 'fr' WHERE id = ${user.id}`;
    users.fr[role] = user;
  }

  const newVerdict = await createClaimWithAppearance(prisma);
  const drafts = { en: await draftWithThreeRows(users.en.editor.id), fr: await draftWithThreeRows(users.fr.editor.id) };

  const submittedClaim = await createClaimWithAppearance(prisma, { status: 'IN_REVIEW', summary: `Affirmation en relecture (${run})` });
  const submittedVerdict = await createVerdict(prisma, { claimId: submittedClaim.id, authorId: users.en.editor.id, state: 'DRAFT' });
  const evidence = await quotedEvidence(submittedClaim.id, submittedVerdict.id, 0, 'Même passage.');
  await sql`UPDATE verdicts SET state = 'SUBMITTED', submitted_at = now() WHERE id = ${submittedVerdict.id}`;
  const [appearance] = await sql<{ id: string }[]>`SELECT id FROM appearances WHERE claim_id = ${submittedClaim.id}`;

  const published = await createClaimWithAppearance(prisma, { status: 'PUBLISHED' });
  await createVerdict(prisma, { claimId: published.id, authorId: users.en.editor.id, state: 'PUBLISHED', evidenceSourceId: published.appearance.sourceId, reviewerId: users.en.reviewer.id });
  const [claimRow] = await sql<{ version: number; text: string; summary: string; language: string; claimant_id: string; claimed_at: Date | null }[]>`
    SELECT version, text, summary, language, claimant_id, claimed_at FROM claims WHERE id = ${published.id}`;
  if (!claimRow) throw new Error('the published claim is missing');
  const revision = await prisma.claimRevision.create({
    data: {
      claimId: published.id,
      baseVersion: claimRow.version,
      baseText: claimRow.text,
      baseSummary: claimRow.summary,
      baseLanguage: claimRow.language,
      baseClaimantId: claimRow.claimant_id,
      baseClaimedAt: claimRow.claimed_at,
      text: claimRow.text,
      summary: `${claimRow.summary} (corrigé)`.slice(0, 75),
      language: claimRow.language,
      claimantId: claimRow.claimant_id,
      claimedAt: claimRow.claimed_at,
      note: `Le résumé précise la déclaration (${run}).`,
      authorId: users.en.editor.id,
    },
    select: { id: true },
  });

  const [corrected] = await sql<{ claim_id: string }[]>`SELECT claim_id FROM verdicts WHERE state = 'SUPERSEDED' ORDER BY created_at LIMIT 1`;
  if (!corrected) throw new Error('the seed has no corrected claim');

  arranged = {
    correctedClaimId: corrected.claim_id,
    newVerdictClaimId: newVerdict.id,
    drafts,
    submitted: {
      claimId: submittedClaim.id,
      verdictId: submittedVerdict.id,
      summary: submittedClaim.summary,
      appearanceId: appearance?.id ?? '',
      evidenceId: evidence.id,
      sourceId: evidence.sourceId,
    },
    revisionId: revision.id,
  };
});

/** A signed-in page: a demo persona's stored session (English), or a scenario account signed in through the form (French). */
async function signedIn(browser: Browser, language: Language, role: 'editor' | 'reviewer'): Promise<Page> {
  if (language === 'en') return (await browser.newContext({ storageState: storageStateFor(role) })).newPage();
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(users.fr[role].email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

/** The page at both widths: no axe violation, no sideways scrolling. */
async function checkAtBothWidths(page: Page, path: string, afterLoad?: (page: Page) => Promise<void>) {
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await page.goto(path);
    await afterLoad?.(page);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  }
}

const words = {
  en: { newVerdict: 'New verdict', addEvidence: 'Add evidence', evidence: 'Evidence', queue: 'Waiting for review', review: 'Review: version 1', history: 'History', revision: /^Review a change to:/ },
  fr: { newVerdict: 'Nouveau verdict', addEvidence: 'Ajouter une preuve', evidence: 'Preuve', queue: 'En attente de relecture', review: /^Relecture\s: version 1$/, history: 'Historique', revision: /^Relire une modification de\s:/ },
} as const;

for (const language of ['en', 'fr'] as const) {
  const w = words[language];

  test(`[${language}] the verdict editor, new and with three evidence rows, passes axe and fits both widths`, async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await signedIn(browser, language, 'editor');
    await checkAtBothWidths(page, `/dashboard/claims/${arranged.newVerdictClaimId}/verdicts/new`, async (loaded) => {
      await expect(loaded.getByRole('heading', { level: 1, name: w.newVerdict })).toBeVisible();
      // A long source title in the evidence row's select used to widen the whole editor (1,728 px at 1,280).
      await loaded.getByRole('button', { name: w.addEvidence }).click();
      await expect(loaded.getByRole('group', { name: `${w.evidence} 1` })).toBeVisible();
    });
    const draft = arranged.drafts[language];
    await checkAtBothWidths(page, `/dashboard/claims/${draft.claimId}/verdicts/${draft.verdictId}`, async (loaded) => {
      await expect(loaded.getByRole('group', { name: new RegExp(`^${w.evidence} \\d$`) })).toHaveCount(3);
    });
    await page.context().close();
  });

  test(`[${language}] the review queue, a verdict review and a claim-revision review pass axe and fit both widths`, async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await signedIn(browser, language, 'reviewer');
    await checkAtBothWidths(page, '/dashboard/review', async (loaded) => {
      await expect(loaded.getByRole('heading', { level: 1, name: w.queue })).toBeVisible();
      await expect(loaded.getByRole('link', { name: arranged.submitted.summary })).toBeVisible();
    });
    await checkAtBothWidths(page, `/dashboard/review/${arranged.submitted.verdictId}`, async (loaded) => {
      await expect(loaded.getByRole('heading', { level: 1, name: w.review })).toBeVisible();
    });
    await checkAtBothWidths(page, `/dashboard/review/revisions/${arranged.revisionId}`, async (loaded) => {
      await expect(loaded.getByRole('heading', { level: 1, name: w.revision })).toBeVisible();
    });
    await page.context().close();
  });

  test(`[${language}] a claim's history passes axe and fits both widths`, async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await signedIn(browser, language, 'editor');
    // With the comparison of its two versions open, and the seed's audit trail (relations, appearances, verdicts).
    await checkAtBothWidths(page, `/dashboard/claims/${arranged.correctedClaimId}/history?a=1&b=2`, async (loaded) => {
      await expect(loaded.getByRole('heading', { level: 1, name: w.history })).toBeVisible();
      await expect(loaded.getByRole('heading', { level: 3, name: /^Version 1 → version 2$/ })).toBeVisible();
    });
    await page.context().close();
  });
}

test('the review page links a quote and an evidence row to their passages in the archived source', async ({ browser }) => {
  const page = await signedIn(browser, 'en', 'reviewer');
  const { verdictId, sourceId, appearanceId, evidenceId } = arranged.submitted;
  for (const [link, quoteId] of [
    ['See it in the archived source', appearanceId],
    ['See the passage in the archived source', evidenceId],
  ] as const) {
    await page.goto(`/dashboard/review/${verdictId}`);
    await page.getByRole('link', { name: link }).click();
    await expect(page).toHaveURL(`/dashboard/sources/${sourceId}#quote-${quoteId}`);
    // The anchor is the highlighted passage itself (or an empty marker where several quotes start).
    const passage = page.locator(`#quote-${quoteId}`);
    await expect(passage).toBeAttached();
    await expect(page.locator(`mark[data-quotes~="${quoteId}"]`).first()).toBeInViewport();
  }
  await page.context().close();
});

test('the evidence "Remove" button asks first, and keeps the row unless confirmed', async ({ browser }) => {
  const page = await signedIn(browser, 'en', 'editor');
  const { claimId, verdictId } = arranged.drafts.en;
  await page.goto(`/dashboard/claims/${claimId}/verdicts/${verdictId}`);
  const rows = page.getByRole('group', { name: /^Evidence \d$/ });
  await expect(rows).toHaveCount(3);

  await page.getByRole('button', { name: 'Remove evidence 2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove evidence 2 from this verdict?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep evidence 2' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep evidence 2' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(3);

  await page.getByRole('button', { name: 'Remove evidence 2' }).click();
  await dialog.getByRole('button', { name: 'Confirm removal of evidence 2' }).click();
  await expect(rows).toHaveCount(2);
  // The third row is now the second, and keeps what it held.
  await expect(page.getByRole('group', { name: 'Evidence 2' }).getByLabel('Note')).toHaveValue(`Troisième preuve (${run}).`);
  await expect(page.getByRole('button', { name: 'Add evidence' })).toBeFocused();
  await page.context().close();
});

test.describe('a verdict sent back and resubmitted', () => {
  test('the review compares it with the version sent back; the claim, the queue and the history say where it is', async ({ browser }) => {
    test.setTimeout(120_000);
    const editor = await signedIn(browser, 'en', 'editor');
    const reviewer = await signedIn(browser, 'en', 'reviewer');
    const claim = await createClaimWithAppearance(prisma, { summary: `Renvoyée puis soumise à nouveau (${run})`, createdById: users.en.editor.id });
    const verdict = await createVerdict(prisma, { claimId: claim.id, authorId: users.en.editor.id, evidenceSourceId: claim.appearance.sourceId });
    const firstHeadline = `Le premier titre, envoyé à la relecture (${run}).`;
    const secondHeadline = `Le titre corrigé après la relecture (${run}).`;
    const editorPath = `/dashboard/claims/${claim.id}/verdicts/${verdict.id}`;

    await test.step('the editor submits it, the reviewer sends it back', async () => {
      await editor.goto(editorPath);
      await editor.getByLabel('Headline').fill(firstHeadline);
      await editor.getByRole('button', { name: 'Submit for review' }).click();
      await expect(editor).toHaveURL(/saved=submitted/);
      await reviewer.goto(`/dashboard/review/${verdict.id}`);
      await reviewer.getByLabel('Comment').fill('Le titre doit dater les faits.');
      await reviewer.getByRole('button', { name: 'Request changes' }).click();
      await expect(reviewer).toHaveURL(/done=changes-requested/);
    });

    await test.step('the queue, the claim and the history say the verdict is back with its author', async () => {
      const sentBack = reviewer.getByRole('region', { name: 'Sent back to their authors' });
      await expect(sentBack.getByRole('link', { name: claim.summary })).toBeVisible();
      await expect(sentBack.getByText(new RegExp(`^Version 1, with ${personas.editor.name} since ${personas.reviewer.name} requested changes on `))).toBeVisible();
      const backWithAuthor = new RegExp(`^Its verdict, version 1, is back with its author, ${personas.editor.name}: ${personas.reviewer.name} requested changes on `);
      await editor.goto(editorPath);
      await expect(editor.getByRole('region', { name: 'Claim', exact: true }).getByText(backWithAuthor)).toBeVisible();
      // A claim never published goes back to draft with its verdict, not "In review".
      await expect(editor.getByRole('region', { name: 'Claim', exact: true }).getByText(/^Draft · by /)).toBeVisible();
      // The claim editor's header too.
      await editor.goto(`/dashboard/claims/${claim.id}`);
      await expect(editor.getByText(backWithAuthor)).toBeVisible();
      await editor.goto(`/dashboard/claims/${claim.id}/history`);
      await expect(editor.getByText(backWithAuthor)).toBeVisible();
      await expect(editor.getByRole('region', { name: 'Verdict versions' }).getByText(/^Back with its author, /)).toBeVisible();
    });

    await test.step('the editor revises the headline and resubmits', async () => {
      await editor.goto(editorPath);
      await editor.getByLabel('Headline').fill(secondHeadline);
      await editor.getByRole('button', { name: 'Submit for review' }).click();
      await expect(editor).toHaveURL(/saved=submitted/);
    });

    await test.step('the reviewer sees what changed since the version sent back', async () => {
      await reviewer.goto('/dashboard/review');
      await reviewer.getByRole('link', { name: claim.summary }).click();
      await expect(reviewer.getByText("This is the claim's first verdict: nothing is published yet.")).toHaveCount(0);
      const since = reviewer.getByRole('region', { name: 'Changes since the request for changes' });
      await expect(since.getByText(new RegExp(`^${personas.reviewer.name} requested changes on `))).toBeVisible();
      await expect(since.getByRole('columnheader', { name: 'Version sent back' })).toBeVisible();
      // Word by word: what the reviewer read, struck out, and what the author wrote since.
      await expect(since.getByRole('deletion').filter({ hasText: 'premier' })).toBeVisible();
      await expect(since.getByRole('insertion').filter({ hasText: 'corrigé après' })).toBeVisible();
      await expect(since.getByRole('rowheader', { name: /^Rating \(unchanged\)$/ })).toBeVisible();
    });

    await test.step('the audit trail names people, records and actions in words', async () => {
      await editor.goto(`/dashboard/claims/${claim.id}/history`);
      const trail = editor.getByRole('region', { name: 'Audit trail' });
      const row = (who: string, what: string, record: string) =>
        trail.getByRole('row').filter({ has: editor.getByRole('cell', { name: who, exact: true }) }).filter({ has: editor.getByRole('cell', { name: what, exact: true }) }).filter({ has: editor.getByRole('cell', { name: record, exact: true }) });
      await expect(row(personas.editor.name, 'Verdict submitted for review', 'Verdict, version 1')).toHaveCount(2);
      await expect(row(personas.reviewer.name, 'Changes requested', 'Verdict, version 1')).toHaveCount(1);
      await expect(row(personas.reviewer.name, 'Review recorded', 'Review of verdict version 1')).toHaveCount(1);
      await expect(row(personas.reviewer.name, 'Claim back to draft (changes requested)', `Claim: ${claim.summary}`)).toHaveCount(1);
      // No raw action names nor record ids.
      await expect(trail).not.toContainText('verdict.submit');
      await expect(trail).not.toContainText(verdict.id);
      await expect(trail).not.toContainText(claim.id);
    });
    await editor.context().close();
    await reviewer.context().close();
  });

  test('a published claim whose next verdict was sent back stays published and says where the verdict is', async ({ browser }) => {
    const claim = await createClaimWithAppearance(prisma, { status: 'PUBLISHED' });
    await createVerdict(prisma, { claimId: claim.id, authorId: users.fr.editor.id, state: 'PUBLISHED', evidenceSourceId: claim.appearance.sourceId, reviewerId: users.fr.reviewer.id });
    const next = await createVerdict(prisma, { claimId: claim.id, authorId: users.fr.editor.id, evidenceSourceId: claim.appearance.sourceId });
    await prisma.verdictReview.create({ data: { verdictId: next.id, reviewerId: users.fr.reviewer.id, decision: 'CHANGES_REQUESTED', comment: 'Précisez la source.' } });

    const page = await signedIn(browser, 'fr', 'editor');
    await page.goto(`/dashboard/claims/${claim.id}/history`);
    await expect(page.getByText(/^.+ · Publiée · Ouvrir l’affirmation$/)).toBeVisible();
    await expect(
      page.getByText(new RegExp(`^Son verdict, version 2, est revenu à son auteur, ${users.fr.editor.name}\\s: ${users.fr.reviewer.name} a demandé des modifications le `)),
    ).toBeVisible();
    await page.context().close();
  });
});
