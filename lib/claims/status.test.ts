import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClaimWithAppearance, createVerdict, type CreatedClaim, type CopiedAppearance } from '../../seed/factories/claims';
import { closeSeededDatabase, openSeededDatabase, type DemoActors, type SeededDatabase } from '../testing/demo-actors';
import { submitVerdict } from '../verdicts/mutations';
import { approveVerdict, requestVerdictChanges } from '../verdicts/review-mutations';
import { verdictSubmissionSchema } from '../verdicts/schema';
import { claimAfterVerdict, type ClaimStatus } from './status';

// Each transition of a claim's status that a verdict causes, through the
// verdict mutations, against a clone of the seeded database. Every claim is
// made by the shared factories, so no seeded record is changed.

let db: SeededDatabase;
before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));
const actors = (): DemoActors => db.actors;

type ArrangedClaim = CreatedClaim & { appearance: CopiedAppearance };

async function claimState(claim: ArrangedClaim) {
  const row = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true, publishedAt: true, version: true } });
  const audit = await db.prisma.auditEvent.findMany({ where: { entityType: 'Claim', entityId: claim.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { action: true, after: true } });
  return { ...row, claimAudit: audit.map((event) => event.action), lastAudit: audit.at(-1)?.after };
}

/**
 * The editor submits the claim's verdict, as the verdict form does: a new one,
 * or (given its id) the draft a review sent back.
 */
async function submit(claim: ArrangedClaim, options: { verdictId?: string; correctionNote?: string } = {}) {
  const rating = await db.prisma.rating.findFirstOrThrow({ where: { active: true }, orderBy: { position: 'asc' } });
  const current = options.verdictId ? await db.prisma.verdict.findUniqueOrThrow({ where: { id: options.verdictId }, select: { version: true } }) : null;
  const input = verdictSubmissionSchema.parse({
    claimId: claim.id,
    verdictId: options.verdictId,
    version: current ? String(current.version) : undefined,
    ratingId: rating.id,
    headline: 'Un verdict soumis.',
    explanation: 'Explication.',
    asOf: '2024-12-05',
    correctionNote: options.correctionNote ?? '',
    evidence: [{ sourceId: claim.appearance.sourceId, quote: claim.appearance.exact, stance: 'SUPPORTS', note: '' }],
  });
  const saved = await submitVerdict(actors().editor, input);
  return db.prisma.verdict.findUniqueOrThrow({ where: { id: saved.verdictId }, select: { id: true, version: true } });
}

/** A claim readers already see, with its published verdict by the editor and approved by the reviewer. */
async function publishedClaim(status: Extract<ClaimStatus, 'PUBLISHED' | 'ARCHIVED'>, publishedAt: Date) {
  const claim = await createClaimWithAppearance(db.prisma, { status, publishedAt });
  await createVerdict(db.prisma, { claimId: claim.id, authorId: actors().editor.id, reviewerId: actors().reviewer.id, state: 'PUBLISHED', evidenceSourceId: claim.appearance.sourceId });
  return claim;
}

describe('a claim never published', () => {
  test('goes into review when its first verdict is submitted, with a claim.in_review audit row', async () => {
    const claim = await createClaimWithAppearance(db.prisma);
    const verdict = await submit(claim);
    const after = await claimState(claim);
    assert.equal(after.status, 'IN_REVIEW');
    assert.equal(after.publishedAt, null);
    assert.equal(after.version, 2);
    assert.deepEqual(after.claimAudit, ['claim.in_review']);
    assert.deepEqual(after.lastAudit, { status: 'IN_REVIEW', publishedAt: null, version: 2, verdictId: verdict.id });
  });

  test('goes back to draft when the review sends its verdict back to its author, with a claim.back_to_draft audit row', async () => {
    const claim = await createClaimWithAppearance(db.prisma);
    const verdict = await submit(claim);
    await requestVerdictChanges(actors().reviewer, { verdictId: verdict.id, version: verdict.version, comment: 'Précisez la source.' });
    const after = await claimState(claim);
    assert.equal(after.status, 'DRAFT', 'the claim no longer says "In review" while its verdict is back with its author');
    assert.deepEqual(after.claimAudit, ['claim.in_review', 'claim.back_to_draft']);

    // Resubmitted, it is in review again.
    await submit(claim, { verdictId: verdict.id });
    assert.equal((await claimState(claim)).status, 'IN_REVIEW');
  });

  test('is published when a second editor approves its verdict, dated by the approval', async () => {
    const claim = await createClaimWithAppearance(db.prisma);
    const verdict = await submit(claim);
    const approvedAfter = new Date();
    await approveVerdict(actors().reviewer, { verdictId: verdict.id, version: verdict.version });
    const after = await claimState(claim);
    assert.equal(after.status, 'PUBLISHED');
    assert.ok(after.publishedAt && after.publishedAt >= approvedAfter, 'first published now');
    assert.deepEqual(after.claimAudit, ['claim.in_review', 'claim.publish']);
  });
});

describe('a claim readers already see', () => {
  const firstPublished = new Date('2024-11-20T08:00:00.000Z');

  test('stays published, with its first publication date, while its next verdict is submitted, sent back and approved', async () => {
    const claim = await publishedClaim('PUBLISHED', firstPublished);
    const submitted = await submit(claim, { correctionNote: 'Nouvelle source.' });
    assert.equal((await claimState(claim)).status, 'PUBLISHED');
    await requestVerdictChanges(actors().reviewer, { verdictId: submitted.id, version: submitted.version, comment: 'Précisez.' });
    assert.equal((await claimState(claim)).status, 'PUBLISHED');

    const verdict = await submit(claim, { verdictId: submitted.id, correctionNote: 'Nouvelle source, précisée.' });
    await approveVerdict(actors().reviewer, { verdictId: verdict.id, version: verdict.version });

    const after = await claimState(claim);
    assert.equal(after.status, 'PUBLISHED');
    assert.equal(after.publishedAt?.toISOString(), firstPublished.toISOString());
    assert.deepEqual(after.claimAudit, [], 'the claim itself did not change');
  });

  test('stays archived when a correction to its verdict is approved', async () => {
    const claim = await publishedClaim('ARCHIVED', firstPublished);
    const verdict = await submit(claim, { correctionNote: 'Correction après archivage.' });
    await approveVerdict(actors().reviewer, { verdictId: verdict.id, version: verdict.version });
    const after = await claimState(claim);
    assert.equal(after.status, 'ARCHIVED');
    assert.equal(after.publishedAt?.toISOString(), firstPublished.toISOString());
    assert.equal(await db.prisma.verdict.count({ where: { claimId: claim.id, state: 'PUBLISHED' } }), 1);
    assert.deepEqual(after.claimAudit, []);
  });
});

describe('claimAfterVerdict', () => {
  const at = new Date('2024-12-06T10:00:00.000Z');
  const earlier = new Date('2024-11-01T10:00:00.000Z');

  test('decides every status a verdict can move a claim to', () => {
    const cases: [ClaimStatus, Date | null, 'submitted' | 'approved' | 'changes_requested', ClaimStatus, Date | null][] = [
      ['DRAFT', null, 'submitted', 'IN_REVIEW', null],
      ['PUBLISHED', earlier, 'submitted', 'PUBLISHED', earlier],
      ['ARCHIVED', earlier, 'submitted', 'ARCHIVED', earlier],
      ['IN_REVIEW', null, 'approved', 'PUBLISHED', at],
      ['PUBLISHED', earlier, 'approved', 'PUBLISHED', earlier],
      ['ARCHIVED', earlier, 'approved', 'ARCHIVED', earlier],
      ['IN_REVIEW', null, 'changes_requested', 'DRAFT', null],
      ['PUBLISHED', earlier, 'changes_requested', 'PUBLISHED', earlier],
      ['ARCHIVED', earlier, 'changes_requested', 'ARCHIVED', earlier],
    ];
    for (const [status, publishedAt, event, expectedStatus, expectedPublishedAt] of cases) {
      assert.deepEqual(claimAfterVerdict({ status, publishedAt }, event, at), { status: expectedStatus, publishedAt: expectedPublishedAt }, `${status} after ${event}`);
    }
  });
});
