import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { createContestableClaim, createDispute, type ContestableClaim } from '../../seed/factories/disputes';
import { createVerdict } from '../../seed/factories/claims';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { inEnglish, openedForm, TEST_SECRET } from '../testing/disputes';
import { rejectsWithMutationError } from '../testing/mutation-error';
import { approveVerdict } from '../verdicts/review-mutations';
import { findDisputeForModeration, listClaimsNeedingNewVerdict, listDisputeQueue } from './dashboard-queries';
import { confirmDisputeDecision, markDisputeDuplicate, rejectDispute, takeDispute, upholdDispute } from './moderation-mutations';
import { purgeClosedDisputeEmails, submitDispute, type SubmitDisputeContext } from './mutations';
import { findDisputeFollowUp, findPublicChallenges } from './queries';
import { submitDisputeSchema, type SubmitDisputeInput } from './schema';
import { hashFollowUpToken, signFormToken } from './tokens';

// Every dispute mutation against a clone of the seeded database: the reader's
// submission and its defences, the moderators' decisions (independence,
// quorum, duplicates, optimistic locking), the resolution of upheld disputes
// by a published correction, and the purge of contact emails.

let db: SeededDatabase;
let seedAuthorId: string;
let seedReviewerId: string;

before(async () => {
  db = await openSeededDatabase();
  const users = await db.prisma.user.findMany({ where: { email: { startsWith: 'seed-' } }, select: { id: true, email: true } });
  seedAuthorId = users.find((user) => user.email === 'seed-author@attest.local')?.id ?? '';
  seedReviewerId = users.find((user) => user.email === 'seed-reviewer@attest.local')?.id ?? '';
});
after(() => closeSeededDatabase(db));
afterEach(() => {
  delete process.env.ATTEST_DISPUTE_QUORUM;
});

let addressCounter = 0;
/** A fresh client address per submission, unless a test is about one address. */
const freshAddress = () => `198.51.100.${++addressCounter % 250}`;

function context(overrides: Partial<SubmitDisputeContext> = {}): SubmitDisputeContext {
  return { clientAddress: freshAddress(), origin: 'https://attest.example', secret: TEST_SECRET, ...overrides };
}

async function formFor(claimSlug: string, now: Date, fields: Partial<Record<string, string>> = {}): Promise<SubmitDisputeInput> {
  return submitDisputeSchema.parse({
    claimSlug,
    formToken: await openedForm(db.prisma, claimSlug, now),
    locale: 'en',
    kind: 'WRONG_RATING',
    explanation: 'The rating ignores the figures published on 4 December by NATO.',
    ...fields,
  });
}

async function contestable(): Promise<ContestableClaim> {
  return createContestableClaim(db.prisma, { authorId: seedAuthorId, reviewerId: seedReviewerId });
}

const version = async (id: string) => (await db.prisma.dispute.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe('submitDispute', () => {
  test('writes the dispute, its first status change and an audit row without the email, and returns the token once', async () => {
    const claim = await contestable();
    const now = new Date();
    const email = `reader-${Date.now()}@example.org`;
    const input = await formFor(claim.slug, now, { email, publishConsent: 'on', evidenceUrl: 'https://example.org/report.pdf' });
    const result = await submitDispute(input, context({ now }));

    assert.match(result.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(result.followUpPath.endsWith(`/disputes/${result.token}`), true);
    const dispute = await db.prisma.dispute.findUniqueOrThrow({ where: { id: result.disputeId }, include: { statusHistory: true } });
    assert.equal(dispute.status, 'OPEN');
    assert.equal(dispute.verdictId, claim.verdictId);
    assert.equal(dispute.contactEmail, email);
    assert.equal(dispute.publishConsent, true);
    assert.equal(dispute.locale, 'en');
    assert.equal(dispute.followUpTokenHash, hashFollowUpToken(result.token));
    assert.deepEqual(dispute.statusHistory.map((change) => [change.fromStatus, change.toStatus]), [[null, 'OPEN']]);

    const audit = await db.sql<{ action: string; actor_id: string | null; text: string }[]>`
      SELECT action, actor_id, coalesce(before::text, '') || coalesce(after::text, '') AS text FROM audit_events WHERE entity_id = ${result.disputeId}`;
    assert.deepEqual(audit.map((row) => [row.action, row.actor_id]), [['dispute.submit', null]]);
    assert.ok(!audit.some((row) => row.text.includes(email)), 'the audit row never holds the email');
    assert.ok(!audit.some((row) => row.text.includes(result.token) || row.text.includes(hashFollowUpToken(result.token))), 'nor the token');
    assert.match(audit[0]?.text ?? '', /"hasContactEmail": ?true/);
  });

  test('the sixth dispute from one address within the hour is refused with when to try again; another address is not', async () => {
    const claim = await contestable();
    const start = new Date();
    const clientAddress = '203.0.113.7';
    for (let index = 0; index < 5; index++) {
      const now = new Date(start.getTime() + index * 60_000);
      await submitDispute(await formFor(claim.slug, now), context({ now, clientAddress }));
    }
    const sixthAt = new Date(start.getTime() + 10 * 60_000);
    const refused = await rejectsWithMutationError(submitDispute(await formFor(claim.slug, sixthAt), context({ now: sixthAt, clientAddress })));
    assert.equal(refused.code, 'RATE_LIMITED');
    assert.equal(
      inEnglish(refused.message),
      'Several requests were sent from your network address in the last hour. Try again in 50 minutes.',
    );
    assert.equal(await db.prisma.dispute.count({ where: { claimId: claim.id } }), 5);
    await submitDispute(await formFor(claim.slug, sixthAt), context({ now: sixthAt, clientAddress: '203.0.113.8' }));
    // The store keeps a keyed hash of the address, never the address.
    assert.equal(await db.prisma.rateLimitHit.count({ where: { key: { contains: clientAddress } } }), 0);
  });

  test('a claim takes 50 disputes a day, whoever sends them', async () => {
    const claim = await contestable();
    const now = new Date();
    const input = await formFor(claim.slug, now);
    for (let index = 0; index < 50; index++) await submitDispute(input, context({ now, clientAddress: `2001:db8::${index + 1}` }));
    const refused = await rejectsWithMutationError(submitDispute(input, context({ now, clientAddress: '2001:db8::ffff' })));
    assert.equal(refused.code, 'RATE_LIMITED');
    assert.equal(inEnglish(refused.message), 'This fact check has received many requests today. Try again in 24 hours.');
  });

  test('a filled-in honeypot is refused and writes nothing', async () => {
    const claim = await contestable();
    const now = new Date();
    const refused = await rejectsWithMutationError(submitDispute(await formFor(claim.slug, now, { website: 'https://spam.example' }), context({ now })));
    assert.equal(inEnglish(refused.message), 'Your request could not be sent. Reload the page and try again.');
    assert.equal(await db.prisma.dispute.count({ where: { claimId: claim.id } }), 0);
  });

  test('a form sent within seconds of opening, a day-old form and a forged or foreign signature are refused', async () => {
    const claim = await contestable();
    const other = await contestable();
    const now = new Date();
    const opening = { claimId: claim.id, verdictId: claim.verdictId };
    const send = (formToken: string) => submitDispute({ ...(submitDisputeSchema.parse({ claimSlug: claim.slug, formToken, kind: 'OTHER', explanation: 'x'.repeat(40) })) }, context({ now }));

    const tooFast = await rejectsWithMutationError(send(signFormToken({ ...opening, openedAt: new Date(now.getTime() - 1_000) }, TEST_SECRET)));
    assert.equal(inEnglish(tooFast.message), 'That was quick. Read your request over, then send it again.');
    const expired = await rejectsWithMutationError(send(signFormToken({ ...opening, openedAt: new Date(now.getTime() - 25 * 3600_000) }, TEST_SECRET)));
    assert.match(inEnglish(expired.message), /^This form has expired/);
    const forged = await rejectsWithMutationError(send(signFormToken({ ...opening, openedAt: new Date(now.getTime() - 60_000) }, 'another-secret')));
    assert.match(inEnglish(forged.message), /^This form has expired/);
    const foreign = await rejectsWithMutationError(
      send(signFormToken({ claimId: other.id, verdictId: other.verdictId, openedAt: new Date(now.getTime() - 60_000) }, TEST_SECRET)),
    );
    assert.match(inEnglish(foreign.message), /^This form has expired/);
    assert.equal(await db.prisma.dispute.count({ where: { claimId: claim.id } }), 0);
  });

  test('a verdict replaced since the form was opened, and a claim that is not published, are refused', async () => {
    const claim = await contestable();
    const now = new Date();
    const input = await formFor(claim.slug, now);
    await db.prisma.verdict.update({ where: { id: claim.verdictId }, data: { state: 'SUPERSEDED', supersededAt: now } });
    await createVerdict(db.prisma, { claimId: claim.id, authorId: seedAuthorId, reviewerId: seedReviewerId, state: 'PUBLISHED' });
    const changed = await rejectsWithMutationError(submitDispute(input, context({ now })));
    assert.equal(changed.code, 'CONFLICT');

    const draft = await db.prisma.claim.create({
      data: { slug: `brouillon-${Date.now()}`, text: 'Brouillon.', summary: 'Brouillon', language: 'fr', claimantId: claim.claimantId },
      select: { slug: true },
    });
    const notPublished = await rejectsWithMutationError(submitDispute({ ...input, claimSlug: draft.slug }, context({ now })));
    assert.equal(notPublished.code, 'NOT_FOUND');
  });
});

describe('the form schema', () => {
  const base = { claimSlug: 'x', formToken: 't', kind: 'OTHER', explanation: 'Une explication assez longue.' };
  const errorsOf = (fields: Record<string, string>) => {
    const parsed = submitDisputeSchema.safeParse({ ...base, ...fields });
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), inEnglish(issue.message)]));
  };

  test('refuses a short, a long or a control-character explanation, a non-http link and a malformed email', () => {
    assert.equal(errorsOf({ explanation: 'Trop court.' }).explanation, 'Write at least 20 characters.');
    assert.equal(errorsOf({ explanation: 'é'.repeat(5_001) }).explanation, 'Write at most 5,000 characters.');
    assert.ok(errorsOf({ explanation: `Une explication \u0000 assez longue.` }).explanation);
    assert.equal(errorsOf({ evidenceUrl: 'javascript:alert(1)' }).evidenceUrl, 'Give an address that starts with http:// or https://.');
    assert.equal(errorsOf({ email: 'not-an-address' }).email, 'This email address does not look right.');
    assert.equal(errorsOf({ kind: 'LIES' }).kind, 'Choose what is wrong.');
    assert.deepEqual(errorsOf({ evidenceUrl: 'https://example.org/a', email: 'reader@example.org' }), {});
  });

  test('the consent box is off unless ticked', () => {
    assert.equal(submitDisputeSchema.parse(base).publishConsent, false);
    assert.equal(submitDisputeSchema.parse({ ...base, publishConsent: 'on' }).publishConsent, true);
  });
});

describe('moderators', () => {
  test('take: OPEN → TRIAGED, assigned to me, with its history row and audit row; editors may not', async () => {
    const claim = await contestable();
    const dispute = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId });
    await rejectsWithMutationError(takeDispute(db.actors.editor, { disputeId: dispute.id, version: dispute.version, reason: null }));
    const taken = await takeDispute(db.actors.moderator, { disputeId: dispute.id, version: dispute.version, reason: 'Je regarde.' });
    assert.deepEqual([taken.status, taken.pending], ['TRIAGED', false]);
    const row = await db.prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id }, include: { statusHistory: { orderBy: { changedAt: 'asc' } } } });
    assert.equal(row.moderatorId, db.actors.moderator.id);
    assert.deepEqual(row.statusHistory.map((change) => [change.fromStatus, change.toStatus, change.actorId]), [
      [null, 'OPEN', null],
      ['OPEN', 'TRIAGED', db.actors.moderator.id],
    ]);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: dispute.id, action: 'dispute.take' } }), 1);
    const again = await rejectsWithMutationError(takeDispute(db.actors.admin, { disputeId: dispute.id, version: row.version, reason: null }));
    assert.equal(again.code, 'INVALID_STATE');
  });

  test('a decision on a version another moderator changed is refused as stale, and writes nothing', async () => {
    const claim = await contestable();
    const dispute = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId });
    await takeDispute(db.actors.moderator, { disputeId: dispute.id, version: dispute.version, reason: null });
    const stale = await rejectsWithMutationError(rejectDispute(db.actors.admin, { disputeId: dispute.id, version: dispute.version, reason: 'Hors sujet.' }));
    assert.equal(stale.code, 'CONFLICT');
    assert.equal(inEnglish(stale.message), 'Another moderator changed this dispute — reload to see what they did. Your reason is still in the form.');
    assert.equal((await db.prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).status, 'TRIAGED');
  });

  test('reject: closed with the reason the reader reads, on the follow-up page and in public', async () => {
    const claim = await contestable();
    const now = new Date();
    const submitted = await submitDispute(await formFor(claim.slug, now, { publishConsent: 'on', kind: 'MISSING_CONTEXT' }), context({ now }));
    const rejected = await rejectDispute(db.actors.moderator, { disputeId: submitted.disputeId, version: 1, reason: 'Le contexte demandé figure déjà dans le verdict.' });
    assert.equal(rejected.status, 'REJECTED');
    const row = await db.prisma.dispute.findUniqueOrThrow({ where: { id: submitted.disputeId } });
    assert.ok(row.closedAt, 'a rejected dispute is closed');

    const followUp = await findDisputeFollowUp(submitted.token);
    assert.equal(followUp?.status, 'REJECTED');
    assert.equal(followUp?.reason, 'Le contexte demandé figure déjà dans le verdict.');
    assert.deepEqual(followUp?.history.map((entry) => entry.status), ['OPEN', 'REJECTED']);
    assert.equal(await findDisputeFollowUp('A'.repeat(43)), null);

    const challenges = await findPublicChallenges(claim.slug);
    assert.deepEqual([challenges.received, challenges.open, challenges.decided.length], [1, 0, 1]);
    assert.equal(challenges.decided[0]?.explanation, 'The rating ignores the figures published on 4 December by NATO.');
    assert.equal(challenges.decided[0]?.reason, 'Le contexte demandé figure déjà dans le verdict.');
    assert.equal(JSON.stringify(challenges).includes(submitted.token), false);
  });

  test('a reader’s explanation is public only with their consent; open disputes are only counted', async () => {
    const claim = await contestable();
    const withoutConsent = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId, message: 'Explication privée du lecteur, à ne pas publier.' });
    await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId, message: 'Une contestation encore ouverte, à ne pas montrer.' });
    await rejectDispute(db.actors.moderator, { disputeId: withoutConsent.id, version: withoutConsent.version, reason: 'Sans objet.' });
    const challenges = await findPublicChallenges(claim.slug);
    assert.deepEqual([challenges.received, challenges.open], [2, 1]);
    assert.equal(challenges.decided[0]?.explanation, null);
    assert.equal(JSON.stringify(challenges).includes('encore ouverte'), false);
  });

  test('nobody decides a dispute on a verdict they wrote or approved; the dispute page says why', async () => {
    const claim = await createContestableClaim(db.prisma, { authorId: db.actors.moderator.id, reviewerId: db.actors.admin.id });
    const dispute = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId });
    const byAuthor = await rejectsWithMutationError(upholdDispute(db.actors.moderator, { disputeId: dispute.id, version: dispute.version, reason: 'Oui.' }));
    assert.equal(byAuthor.code, 'FORBIDDEN');
    assert.equal(inEnglish(byAuthor.message), 'You wrote this verdict: another moderator must decide disputes on it.');
    const byReviewer = await rejectsWithMutationError(rejectDispute(db.actors.admin, { disputeId: dispute.id, version: dispute.version, reason: 'Non.' }));
    assert.equal(inEnglish(byReviewer.message), 'You approved this verdict: another moderator must decide disputes on it.');
    const page = await findDisputeForModeration(db.actors.admin, dispute.id);
    assert.equal(inEnglish(page?.independenceRefusal ?? ''), 'You approved this verdict: another moderator must decide disputes on it.');
    assert.equal(await findDisputeForModeration(db.actors.reviewer, dispute.id), null, 'an editor reads only their own claims’ disputes');
    assert.equal((await db.prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).status, 'OPEN');
  });

  test('quorum 2: a wrong-rating rejection waits for a second, different moderator', async () => {
    process.env.ATTEST_DISPUTE_QUORUM = '2';
    const claim = await contestable();
    const dispute = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId, kind: 'WRONG_RATING' });
    const proposed = await rejectDispute(db.actors.moderator, { disputeId: dispute.id, version: dispute.version, reason: 'La note est justifiée par les sources.' });
    assert.deepEqual([proposed.status, proposed.pending], ['OPEN', true]);
    assert.equal(await db.prisma.disputeStatusChange.count({ where: { disputeId: dispute.id } }), 1, 'a proposal changes no status');

    const own = await rejectsWithMutationError(confirmDisputeDecision(db.actors.moderator, { disputeId: dispute.id, version: await version(dispute.id) }));
    assert.equal(inEnglish(own.message), 'You proposed this decision: a second moderator must confirm it.');
    const confirmed = await confirmDisputeDecision(db.actors.admin, { disputeId: dispute.id, version: await version(dispute.id) });
    assert.deepEqual([confirmed.status, confirmed.pending], ['REJECTED', false]);
    const row = await db.prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id }, include: { statusHistory: { orderBy: { changedAt: 'desc' }, take: 1 } } });
    assert.equal(row.resolutionNote, 'La note est justifiée par les sources.');
    assert.equal(row.moderatorId, db.actors.moderator.id);
    assert.deepEqual([row.statusHistory[0]?.toStatus, row.statusHistory[0]?.actorId, row.statusHistory[0]?.note], ['REJECTED', db.actors.admin.id, 'La note est justifiée par les sources.']);
    assert.equal(row.pendingStatus, null);
  });

  test('quorum 2 applies to wrong-rating upholds and rejections only', async () => {
    process.env.ATTEST_DISPUTE_QUORUM = '2';
    const claim = await contestable();
    const context = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId, kind: 'MISSING_CONTEXT' });
    assert.equal((await upholdDispute(db.actors.moderator, { disputeId: context.id, version: context.version, reason: 'Oui.' })).status, 'ESCALATED');
    const rating = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId, kind: 'WRONG_RATING' });
    assert.equal((await upholdDispute(db.actors.moderator, { disputeId: rating.id, version: rating.version, reason: 'Oui.' })).pending, true);
    const nothing = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId, kind: 'WRONG_RATING' });
    const refused = await rejectsWithMutationError(confirmDisputeDecision(db.actors.admin, { disputeId: nothing.id, version: nothing.version }));
    assert.equal(refused.code, 'INVALID_STATE');
  });

  test('mark as duplicate: of another dispute of the same claim, never of itself or of another claim’s', async () => {
    const claim = await contestable();
    const elsewhere = await contestable();
    const original = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId });
    const repeat = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId });
    const again = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId });
    const foreign = await createDispute(db.prisma, { claimId: elsewhere.id, verdictId: elsewhere.verdictId });

    for (const duplicateOfId of [repeat.id, foreign.id]) {
      const refused = await rejectsWithMutationError(markDisputeDuplicate(db.actors.moderator, { disputeId: repeat.id, version: repeat.version, duplicateOfId, reason: 'Doublon.' }));
      assert.equal(inEnglish(refused.fieldErrors?.duplicateOfId?.[0] ?? ''), 'Choose another dispute of the same claim.');
    }
    await markDisputeDuplicate(db.actors.moderator, { disputeId: repeat.id, version: repeat.version, duplicateOfId: original.id, reason: 'Même demande.' });
    // A duplicate of a duplicate points at the original.
    await markDisputeDuplicate(db.actors.moderator, { disputeId: again.id, version: again.version, duplicateOfId: repeat.id, reason: 'Même demande.' });
    const rows = await db.prisma.dispute.findMany({ where: { id: { in: [repeat.id, again.id] } }, select: { status: true, duplicateOfId: true, closedAt: true } });
    assert.deepEqual(rows.map((row) => [row.status, row.duplicateOfId, row.closedAt !== null]), [
      ['DUPLICATE', original.id, true],
      ['DUPLICATE', original.id, true],
    ]);
  });

  test('uphold flags the claim; publishing its corrected verdict resolves the dispute as UPHELD, linked to the correction', async () => {
    const claim = await contestable();
    const dispute = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId, kind: 'MISQUOTED' });
    await upholdDispute(db.actors.moderator, { disputeId: dispute.id, version: dispute.version, reason: 'La citation est tronquée.' });
    assert.ok((await listClaimsNeedingNewVerdict(db.actors.editor)).some((flagged) => flagged.claimId === claim.id && flagged.disputeIds.includes(dispute.id)));
    assert.equal((await findPublicChallenges(claim.slug)).decided[0]?.status, 'ESCALATED');

    const corrected = await createVerdict(db.prisma, {
      claimId: claim.id,
      authorId: db.actors.editor.id,
      state: 'SUBMITTED',
      evidenceSourceId: claim.sourceId,
      correctionNote: 'La citation est désormais complète.',
    });
    await approveVerdict(db.actors.reviewer, { verdictId: corrected.id, version: corrected.version });

    const row = await db.prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id }, include: { correction: true, statusHistory: { orderBy: { changedAt: 'desc' }, take: 1 } } });
    assert.equal(row.status, 'UPHELD');
    assert.equal(row.correction?.toVerdictId, corrected.id);
    assert.ok(row.closedAt);
    assert.deepEqual([row.statusHistory[0]?.fromStatus, row.statusHistory[0]?.toStatus, row.statusHistory[0]?.actorId], ['ESCALATED', 'UPHELD', db.actors.reviewer.id]);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: dispute.id, action: 'dispute.resolve_by_correction' } }), 1);
    assert.ok(!(await listClaimsNeedingNewVerdict(db.actors.editor)).some((flagged) => flagged.claimId === claim.id));
    const challenge = (await findPublicChallenges(claim.slug)).decided[0];
    assert.deepEqual([challenge?.status, challenge?.correction?.note], ['UPHELD', 'La citation est désormais complète.']);
  });

  test('the queue: oldest first, filtered, keyset-paginated, with counts per status; editors see their claims only', async () => {
    const claim = await createContestableClaim(db.prisma, { authorId: db.actors.editor.id, reviewerId: db.actors.reviewer.id });
    const base = new Date('2020-01-01T00:00:00Z');
    const ids: string[] = [];
    for (let index = 0; index < 30; index++) {
      ids.push((await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId, kind: index % 2 ? 'OTHER' : 'WRONG_RATING', createdAt: new Date(base.getTime() + index * 60_000) })).id);
    }
    const first = await listDisputeQueue(db.actors.moderator, { claim: claim.id, status: 'WAITING' });
    assert.equal(first.items.length, 25);
    assert.equal(first.items[0]?.id, ids[0]);
    assert.ok(first.nextCursor);
    const second = await listDisputeQueue(db.actors.moderator, { claim: claim.id, status: 'WAITING', cursor: first.nextCursor ?? undefined });
    assert.deepEqual(second.items.map((item) => item.id), ids.slice(25));
    assert.equal(second.nextCursor, null);
    const other = await listDisputeQueue(db.actors.moderator, { claim: claim.id, kind: 'OTHER', status: 'ALL' });
    assert.equal(other.items.length, 15);
    const old = await listDisputeQueue(db.actors.moderator, { claim: claim.id, age: '30d', status: 'ALL' });
    assert.equal(old.items.length, 25);
    assert.ok(first.counts.OPEN >= 30);

    const forEditor = await listDisputeQueue(db.actors.editor, { status: 'ALL' });
    assert.ok(forEditor.items.every((item) => item.claim.id === claim.id), 'the editor wrote this claim’s verdict only');
    assert.equal(forEditor.canModerate, false);
    const forReviewer = await listDisputeQueue(db.actors.reviewer, { claim: claim.id, status: 'ALL' });
    assert.equal(forReviewer.items.length, 0);
  });
});

describe('purgeClosedDisputeEmails', () => {
  test('deletes the emails of disputes closed more than 90 days ago, and audits that (without the address)', async () => {
    const claim = await contestable();
    const now = new Date();
    const day = 24 * 3600_000;
    const make = async (closedDaysAgo: number | null) => {
      const dispute = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId, contactEmail: `purge-${closedDaysAgo}-${Date.now()}@example.org` });
      if (closedDaysAgo !== null) {
        await db.prisma.dispute.update({ where: { id: dispute.id }, data: { status: 'REJECTED', resolutionNote: 'Non.', closedAt: new Date(now.getTime() - closedDaysAgo * day) } });
      }
      return dispute.id;
    };
    const old = await make(91);
    const recent = await make(89);
    const open = await make(null);
    assert.ok((await purgeClosedDisputeEmails(now)) >= 1);
    const rows = new Map((await db.prisma.dispute.findMany({ where: { id: { in: [old, recent, open] } }, select: { id: true, contactEmail: true } })).map((row) => [row.id, row.contactEmail]));
    assert.equal(rows.get(old), null);
    assert.ok(rows.get(recent));
    assert.ok(rows.get(open));
    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: old, action: 'dispute.purge_contact_email' }, select: { actorId: true, after: true } });
    assert.deepEqual(audit, [{ actorId: null, after: { hasContactEmail: false } }]);
    assert.equal(await purgeClosedDisputeEmails(now), 0, 'a second run has nothing to do');
  });
});

describe('the audit trail', () => {
  test('holds no dispute’s contact email, whatever happened to the disputes above', async () => {
    const emails = await db.prisma.dispute.findMany({ where: { contactEmail: { not: null } }, select: { contactEmail: true } });
    const audit = await db.sql<{ text: string }[]>`SELECT coalesce(before::text, '') || coalesce(after::text, '') AS text FROM audit_events WHERE entity_type = 'Dispute'`;
    assert.ok(audit.length > 0);
    for (const { contactEmail } of emails) assert.ok(!audit.some((row) => contactEmail && row.text.includes(contactEmail)), `${contactEmail} is in the audit trail`);
  });

  test('the status history is append-only', async () => {
    await assert.rejects(db.sql`UPDATE dispute_status_changes SET note = 'rewritten'`, /append-only/);
  });
});
