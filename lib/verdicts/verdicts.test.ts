import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findPublicClaimBySlug } from '../claims/queries';
import { ForbiddenError } from '../permissions';
import { closeSeededDatabase, openSeededDatabase, type DemoActors, type SeededDatabase } from '../testing/demo-actors';
import { rejectsWith } from '../testing/mutation-error';
import { EvidenceQuoteError } from './evidence';
import { findClaimHistory } from './history-queries';
import { findDashboardHome } from './home-queries';
import { saveVerdictDraft, submitVerdict } from './mutations';
import { findVerdictEditor, renderExplanationPreview } from './queries';
import { listReviewQueue } from './review-queries';
import { approveVerdict, requestVerdictChanges } from './review-mutations';
import { verdictDraftSchema, verdictSubmissionSchema } from './schema';

// The verdict workflow against a real database: what an editor, a reviewer
// and a reader would notice, and that every change wrote its audit rows in the
// same transaction (and nothing at all when it was refused).

let db: SeededDatabase;
let actors: DemoActors;
const ratingIds = new Map<string, string>();

before(async () => {
  db = await openSeededDatabase();
  actors = db.actors;
  for (const rating of await db.prisma.rating.findMany()) ratingIds.set(rating.key, rating.id);
});
after(() => closeSeededDatabase(db));

const rating = (key: string) => ratingIds.get(key) ?? assert.fail(`rating ${key}`);

async function claimBySlug(slug: string) {
  return db.prisma.claim.findUniqueOrThrow({ where: { slug } });
}

async function sourceQuoting(passage: string) {
  return db.prisma.source.findFirstOrThrow({ where: { text: { contains: passage } } });
}

type Fields = Record<string, unknown> & { claimId: string };

function verdictFields(fields: Fields) {
  return { ratingId: rating('mostly-true'), headline: 'Pyongyang l’a bien annoncé.', explanation: 'Les articles **le rapportent**.', asOf: '2024-12-05', evidence: [], ...fields };
}
const draft = (fields: Fields) => verdictDraftSchema.parse(verdictFields(fields));
const submission = (fields: Fields) => verdictSubmissionSchema.parse(verdictFields(fields));

async function counts() {
  const [audit, verdicts, evidence, reviews, corrections] = await Promise.all([
    db.prisma.auditEvent.count(),
    db.prisma.verdict.count(),
    db.prisma.evidence.count(),
    db.prisma.verdictReview.count(),
    db.prisma.correction.count(),
  ]);
  return { audit, verdicts, evidence, reviews, corrections };
}

async function auditActionsSince(count: number): Promise<string[]> {
  const rows = await db.prisma.auditEvent.findMany({ orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { action: true, at: true } });
  return rows.slice(count).map((row) => row.action).sort();
}

describe('a first verdict, from draft to publication', () => {
  const slug = 'choe-son-hui-renforcer-arsenal-nucleaire';
  const passage = 'son pays allait renforcer son arsenal nucléaire';

  test('draft → submit → changes requested → resubmit → approved by a second editor, audited at every step', async () => {
    const claim = await claimBySlug(slug);
    const source = await sourceQuoting(passage);
    const evidence = [{ sourceId: source.id, quote: passage, stance: 'SUPPORTS', note: 'La ministre l’a déclaré à Moscou.' }];

    let mark = await counts();
    const saved = await saveVerdictDraft(actors.editor, draft({ claimId: claim.id, 'evidence': evidence }));
    let verdict = await db.prisma.verdict.findUniqueOrThrow({ where: { id: saved.verdictId }, include: { evidence: true } });
    assert.equal(verdict.number, 1);
    assert.equal(verdict.state, 'DRAFT');
    assert.equal(verdict.evidence[0]?.exact, passage);
    assert.equal(source.text.slice(verdict.evidence[0]?.start ?? -1, verdict.evidence[0]?.end ?? -1), passage);
    assert.deepEqual(await auditActionsSince(mark.audit), ['verdict.create']);

    await rejectsWith(saveVerdictDraft(actors.reviewer, draft({ claimId: claim.id })), 'INVALID_STATE', /^This claim already has a verdict in progress/);

    mark = await counts();
    await submitVerdict(actors.editor, submission({ claimId: claim.id, verdictId: verdict.id, version: String(verdict.version), evidence }));
    verdict = await db.prisma.verdict.findUniqueOrThrow({ where: { id: saved.verdictId }, include: { evidence: true } });
    assert.equal(verdict.state, 'SUBMITTED');
    assert.ok(verdict.submittedAt);
    assert.equal((await claimBySlug(slug)).status, 'IN_REVIEW');
    assert.deepEqual(await auditActionsSince(mark.audit), ['claim.in_review', 'verdict.submit', 'verdict.update']);

    assert.ok(!(await listReviewQueue(actors.editor)).some((item) => item.verdictId === verdict.id), 'nobody sees their own verdict in the queue');
    assert.ok((await listReviewQueue(actors.reviewer)).some((item) => item.verdictId === verdict.id));

    mark = await counts();
    await rejectsWith(approveVerdict(actors.editor, { verdictId: verdict.id, version: verdict.version }), 'FORBIDDEN');
    await rejectsWith(requestVerdictChanges(actors.editor, { verdictId: verdict.id, version: verdict.version, comment: 'Moi-même' }), 'FORBIDDEN');
    assert.deepEqual(await counts(), mark, 'the author reviewing their own verdict wrote nothing');

    await requestVerdictChanges(actors.reviewer, { verdictId: verdict.id, version: verdict.version, comment: 'Citez aussi la dépêche de l’AFP.' });
    verdict = await db.prisma.verdict.findUniqueOrThrow({ where: { id: saved.verdictId }, include: { evidence: true } });
    assert.equal(verdict.state, 'DRAFT');
    const review = await db.prisma.verdictReview.findFirstOrThrow({ where: { verdictId: verdict.id } });
    assert.equal(review.decision, 'CHANGES_REQUESTED');
    assert.equal(review.comment, 'Citez aussi la dépêche de l’AFP.');
    assert.deepEqual(await auditActionsSince(mark.audit), ['claim.back_to_draft', 'verdict.request_changes', 'verdict_review.create']);
    assert.equal((await claimBySlug(slug)).status, 'DRAFT', 'the claim went back to draft with its verdict');

    const home = await findDashboardHome(actors.editor);
    assert.equal(home.changesRequested?.find((item) => item.verdictId === verdict.id)?.comment, 'Citez aussi la dépêche de l’AFP.');
    assert.ok(home.myDrafts?.verdicts.some((item) => item.verdictId === verdict.id));
    const editor = await findVerdictEditor(actors.editor, claim.id, verdict.id);
    assert.equal(editor?.verdict?.reviews[0]?.decision, 'CHANGES_REQUESTED');

    await submitVerdict(actors.editor, submission({ claimId: claim.id, verdictId: verdict.id, version: String(verdict.version), evidence, headline: 'Pyongyang l’a bien annoncé à Moscou.' }));
    verdict = await db.prisma.verdict.findUniqueOrThrow({ where: { id: saved.verdictId }, include: { evidence: true } });
    assert.equal(verdict.state, 'SUBMITTED');

    mark = await counts();
    const published = await approveVerdict(actors.reviewer, { verdictId: verdict.id, version: verdict.version });
    assert.deepEqual(published.sourceIds.includes(source.id), true);
    verdict = await db.prisma.verdict.findUniqueOrThrow({ where: { id: saved.verdictId }, include: { evidence: true } });
    assert.equal(verdict.state, 'PUBLISHED');
    assert.equal(verdict.reviewerId, actors.reviewer.id);
    assert.ok(verdict.publishedAt);
    const publishedClaim = await claimBySlug(slug);
    assert.equal(publishedClaim.status, 'PUBLISHED');
    assert.ok(publishedClaim.publishedAt);
    assert.deepEqual(await auditActionsSince(mark.audit), ['claim.publish', 'verdict.publish', 'verdict_review.create']);

    const detail = await findPublicClaimBySlug(slug);
    assert.equal(detail?.verdict?.headline, 'Pyongyang l’a bien annoncé à Moscou.');
    assert.equal(detail?.verdict?.evidence[0]?.quote?.exact, passage);

    const history = await findClaimHistory(actors.moderator, claim.id);
    assert.deepEqual(history?.verdicts.map((v) => v.state), ['PUBLISHED']);
    const actions = history?.audit.map((event) => event.action) ?? [];
    for (const action of ['verdict.create', 'verdict.submit', 'verdict.request_changes', 'verdict.publish', 'claim.publish', 'verdict_review.create']) {
      assert.ok(actions.includes(action), `history shows ${action}`);
    }
  });
});

describe('a correction: a second verdict supersedes the published one', () => {
  const slug = 'lavrov-accusations-trompeuses';

  test('submitting without a correction note is refused, with nothing written', async () => {
    const claim = await claimBySlug(slug);
    const published = await db.prisma.verdict.findFirstOrThrow({ where: { claimId: claim.id, state: 'PUBLISHED' }, include: { evidence: true } });
    const evidence = published.evidence.map((e) => ({ sourceId: e.sourceId, stance: e.stance, note: e.note ?? '', quote: e.exact ?? '' }));
    const mark = await counts();
    const refusal = await rejectsWith(submitVerdict(actors.editor, submission({ claimId: claim.id, evidence })), 'INVALID_STATE');
    assert.deepEqual(refusal.fieldErrors.correctionNote, ['Explain what changed and why: readers will see this correction.']);
    assert.deepEqual(await counts(), mark);
  });

  test('the approved correction supersedes the old verdict, writes a Correction and shows in the public history', async () => {
    const claim = await claimBySlug(slug);
    const old = await db.prisma.verdict.findFirstOrThrow({ where: { claimId: claim.id, state: 'PUBLISHED' }, include: { evidence: true } });
    const evidence = old.evidence.map((e) => ({ sourceId: e.sourceId, stance: e.stance, note: e.note ?? '', quote: e.exact ?? '' }));
    const note = 'Nous avons revu la note : de nouveaux éléments confirment la présence des troupes.';
    const saved = await submitVerdict(actors.editor, submission({ claimId: claim.id, evidence, ratingId: rating('false'), correctionNote: note }));
    assert.equal((await claimBySlug(slug)).status, 'PUBLISHED', 'a published claim stays published while its next verdict is reviewed');
    assert.equal((await findPublicClaimBySlug(slug))?.verdict?.number, old.number, 'readers still see the published verdict');

    const submitted = await db.prisma.verdict.findUniqueOrThrow({ where: { id: saved.verdictId } });
    assert.equal(submitted.number, old.number + 1);

    // A stale review (the page was opened on an older version) is a conflict.
    const mark = await counts();
    await rejectsWith(approveVerdict(actors.reviewer, { verdictId: submitted.id, version: submitted.version - 1 }), 'CONFLICT', /changed by Elise Editor/);
    assert.deepEqual(await counts(), mark);

    await approveVerdict(actors.reviewer, { verdictId: submitted.id, version: submitted.version });
    const superseded = await db.prisma.verdict.findUniqueOrThrow({ where: { id: old.id } });
    assert.equal(superseded.state, 'SUPERSEDED');
    assert.ok(superseded.supersededAt);
    const current = await db.prisma.verdict.findUniqueOrThrow({ where: { id: submitted.id } });
    assert.equal(current.state, 'PUBLISHED');
    assert.equal(current.supersedesId, old.id);
    const correction = await db.prisma.correction.findUniqueOrThrow({ where: { toVerdictId: submitted.id } });
    assert.equal(correction.fromVerdictId, old.id);
    assert.equal(correction.fromRatingId, old.ratingId);
    assert.equal(correction.toRatingId, rating('false'));
    assert.equal(correction.note, note);
    assert.deepEqual(await auditActionsSince(mark.audit), ['correction.create', 'verdict.publish', 'verdict.supersede', 'verdict_review.create']);

    const detail = await findPublicClaimBySlug(slug);
    assert.equal(detail?.verdict?.number, current.number);
    assert.equal(detail?.verdict?.rating.key, 'false');
    const earlier = detail?.history.find((item) => item.number === old.number);
    assert.equal(earlier?.correction?.note, note);
    assert.equal(earlier?.correction?.toRating.key, 'false');

    // The same verdict cannot be approved twice.
    await rejectsWith(approveVerdict(actors.admin, { verdictId: current.id, version: current.version }), 'INVALID_STATE');
  });
});

describe('refusals', () => {
  test('an evidence quote that is not in the source is refused; an ambiguous one asks which occurrence', async () => {
    const claim = await claimBySlug('pyongyang-deploiement-conforme-droit-international');
    const source = await sourceQuoting('Corée du Nord');
    const mark = await counts();
    const absent = await rejectsWith(
      saveVerdictDraft(actors.editor, draft({ claimId: claim.id, evidence: [{ sourceId: source.id, quote: 'Une phrase que personne n’a écrite.', stance: 'CONTEXT' }] })),
      'INVALID_STATE',
    );
    assert.ok(absent.error instanceof EvidenceQuoteError);
    assert.deepEqual(absent.fieldErrors['evidence.0.quote'], ['This quote is not in the source text']);
    assert.deepEqual(await counts(), mark, 'nothing written');

    const ambiguous = await rejectsWith(
      saveVerdictDraft(actors.editor, draft({ claimId: claim.id, evidence: [{ sourceId: source.id, quote: 'Corée du Nord', stance: 'CONTEXT' }] })),
      'INVALID_STATE',
    );
    assert.ok(ambiguous.error instanceof EvidenceQuoteError);
    const choices = ambiguous.error.occurrences['0'] ?? [];
    assert.ok(choices.length > 1);
    assert.deepEqual(ambiguous.fieldErrors['evidence.0.quote'], [`This quote appears ${choices.length} times in the source: choose which one.`]);
    const second = choices[1] ?? assert.fail('a second occurrence');
    const saved = await saveVerdictDraft(
      actors.editor,
      draft({ claimId: claim.id, evidence: [{ sourceId: source.id, quote: 'Corée du Nord', occurrence: String(second.index), stance: 'CONTEXT' }] }),
    );
    const evidence = await db.prisma.evidence.findFirstOrThrow({ where: { verdictId: saved.verdictId } });
    assert.equal(evidence.start, second.start);
  });

  test('saving a draft with a stale version is a conflict and leaves the draft unchanged', async () => {
    const claim = await claimBySlug('pyongyang-deploiement-conforme-droit-international');
    const verdict = await db.prisma.verdict.findFirstOrThrow({ where: { claimId: claim.id, state: 'DRAFT' } });
    await saveVerdictDraft(actors.editor, draft({ claimId: claim.id, verdictId: verdict.id, version: String(verdict.version), headline: 'Première version.' }));
    const mark = await counts();
    await rejectsWith(
      saveVerdictDraft(actors.editor, draft({ claimId: claim.id, verdictId: verdict.id, version: String(verdict.version), headline: 'Écrasement.' })),
      'CONFLICT',
      /reload/,
    );
    assert.deepEqual(await counts(), mark);
    assert.equal((await db.prisma.verdict.findUniqueOrThrow({ where: { id: verdict.id } })).headline, 'Première version.');
    await rejectsWith(
      saveVerdictDraft(actors.reviewer, draft({ claimId: claim.id, verdictId: verdict.id, version: String(verdict.version + 1) })),
      'FORBIDDEN',
    );
  });

  test('a moderator is refused everywhere, and nothing is written', async () => {
    const queued = await db.prisma.verdict.findFirstOrThrow({ where: { state: 'SUBMITTED' } });
    const claim = await claimBySlug('zelensky-troupes-nord-coreennes-vont-croitre');
    const source = await db.prisma.source.findFirstOrThrow();
    const evidence = [{ sourceId: source.id, stance: 'CONTEXT' }];
    const mark = await counts();
    const forbidden = (promise: Promise<unknown> | (() => unknown)) =>
      assert.rejects(async () => (typeof promise === 'function' ? promise() : promise), ForbiddenError);
    await forbidden(saveVerdictDraft(actors.moderator, draft({ claimId: claim.id, evidence })));
    await forbidden(submitVerdict(actors.moderator, submission({ claimId: claim.id, evidence })));
    await forbidden(approveVerdict(actors.moderator, { verdictId: queued.id, version: queued.version }));
    await forbidden(requestVerdictChanges(actors.moderator, { verdictId: queued.id, version: queued.version, comment: 'Non.' }));
    await forbidden(() => renderExplanationPreview(actors.moderator, '**x**'));
    await forbidden(listReviewQueue(actors.moderator));
    assert.deepEqual(await counts(), mark);

    const home = await findDashboardHome(actors.moderator);
    assert.equal(home.myDrafts, null);
    assert.equal(home.waitingForMyReview, null);
    assert.ok(home.recentlyPublished.length > 0 && home.recentlyPublished.length <= 10);
    assert.ok(home.counts.publishedClaims > 0);
  });

  test('a draft left by a deactivated author can be taken over; the preview is sanitized', async () => {
    const verdict = await db.prisma.verdict.findFirstOrThrow({ where: { state: 'SUBMITTED', author: { active: false } }, include: { evidence: true } });
    await requestVerdictChanges(actors.reviewer, { verdictId: verdict.id, version: verdict.version, comment: 'À reprendre.' });
    const evidence = verdict.evidence.map((e) => ({ sourceId: e.sourceId, stance: e.stance, quote: e.exact ?? '', note: e.note ?? '' }));
    await saveVerdictDraft(actors.editor, draft({ claimId: verdict.claimId, verdictId: verdict.id, version: String(verdict.version + 1), evidence }));
    assert.equal((await db.prisma.verdict.findUniqueOrThrow({ where: { id: verdict.id } })).authorId, actors.editor.id);

    const html = renderExplanationPreview(actors.editor, '**gras** <script>alert(1)</script> [x](javascript:alert(1))');
    assert.match(html, /<strong>gras<\/strong>/);
    assert.doesNotMatch(html, /<script|javascript:/);
  });
});
