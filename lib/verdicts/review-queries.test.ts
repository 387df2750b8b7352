import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClaimWithAppearance } from '../../seed/factories/claims';
import { removeAppearance } from '../appearances/mutations';
import { listClaimAuditTrail } from '../audit/queries';
import { closeSeededDatabase, openSeededDatabase, type DemoActors, type SeededDatabase } from '../testing/demo-actors';
import { findClaimHistory } from './history-queries';
import { saveVerdictDraft, submitVerdict } from './mutations';
import { findVerdictEditor, findVerdictInProgress } from './queries';
import { findVerdictForReview, listReviewQueue, listSentBackVerdicts } from './review-queries';
import { requestVerdictChanges } from './review-mutations';
import { verdictDraftSchema, verdictSubmissionSchema } from './schema';

// What the reviewer and the history read about a verdict that went back and
// forth: the version the reviewer commented on (from its audit snapshot, the
// row itself being edited since), where the verdict is while it is back with
// its author, and the audit trail in names and titles rather than ids.

let db: SeededDatabase;
let actors: DemoActors;

before(async () => {
  db = await openSeededDatabase();
  actors = db.actors;
});
after(() => closeSeededDatabase(db));

async function ratingId(key: string): Promise<string> {
  return (await db.prisma.rating.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
}

async function version(verdictId: string): Promise<number> {
  return (await db.prisma.verdict.findUniqueOrThrow({ where: { id: verdictId }, select: { version: true } })).version;
}

describe('a verdict sent back, then resubmitted', () => {
  test('the review compares it with the version sent back; queue, editor and history say where it is', async () => {
    const claim = await createClaimWithAppearance(db.prisma, { summary: 'Renvoyée puis soumise à nouveau' });
    const evidence = [{ sourceId: claim.appearance.sourceId, quote: '', stance: 'CONTEXT', note: 'Le contexte.' }];
    const fields = { claimId: claim.id, ratingId: await ratingId('mostly-false'), explanation: 'Une ligne.\nUne autre.', asOf: '2024-12-05', evidence };
    const saved = await saveVerdictDraft(actors.editor, verdictDraftSchema.parse({ ...fields, headline: 'Le premier titre.' }));
    await submitVerdict(actors.editor, verdictSubmissionSchema.parse({ ...fields, verdictId: saved.verdictId, version: String(await version(saved.verdictId)), headline: 'Le premier titre.' }));

    let review = await findVerdictForReview(actors.reviewer, saved.verdictId);
    assert.equal(review?.commented, null, 'a verdict never sent back has no earlier version to compare with');
    assert.equal((await listReviewQueue(actors.reviewer)).find((item) => item.verdictId === saved.verdictId)?.isResubmission, false);

    await requestVerdictChanges(actors.reviewer, { verdictId: saved.verdictId, version: await version(saved.verdictId), comment: 'Datez les faits.' });

    const sentBack = (await listSentBackVerdicts(actors.reviewer)).find((item) => item.verdictId === saved.verdictId);
    assert.deepEqual(
      sentBack && { number: sentBack.number, author: sentBack.authorName, reviewer: sentBack.reviewerName },
      { number: 1, author: actors.editor.name, reviewer: actors.reviewer.name },
    );
    const whereabouts = await findVerdictInProgress(actors.editor, claim.id);
    assert.equal(whereabouts?.state, 'DRAFT');
    assert.equal(whereabouts?.changesRequested?.reviewerName, actors.reviewer.name);
    const editor = await findVerdictEditor(actors.editor, claim.id, saved.verdictId);
    assert.equal(editor?.claim.status, 'DRAFT');
    assert.equal(editor?.claim.verdictInProgress?.changesRequested?.reviewerName, actors.reviewer.name);

    await submitVerdict(
      actors.editor,
      verdictSubmissionSchema.parse({ ...fields, ratingId: await ratingId('false'), verdictId: saved.verdictId, version: String(await version(saved.verdictId)), headline: 'Le titre daté.' }),
    );

    assert.ok(!(await listSentBackVerdicts(actors.reviewer)).some((item) => item.verdictId === saved.verdictId), 'resubmitted: no longer back with its author');
    assert.equal((await listReviewQueue(actors.reviewer)).find((item) => item.verdictId === saved.verdictId)?.isResubmission, true);
    assert.equal((await findVerdictInProgress(actors.editor, claim.id))?.state, 'SUBMITTED');

    review = await findVerdictForReview(actors.reviewer, saved.verdictId);
    assert.equal(review?.verdict.headline, 'Le titre daté.');
    assert.equal(review?.commented?.reviewerName, actors.reviewer.name);
    assert.deepEqual(review?.commented?.verdict, {
      number: 1,
      rating: { labelEn: 'Mostly false', labelFr: 'Plutôt faux' },
      headline: 'Le premier titre.',
      explanation: 'Une ligne.\nUne autre.',
      asOf: '2024-12-05',
      evidence: [{ stance: 'CONTEXT', sourceTitle: review?.verdict.evidence[0]?.sourceTitle ?? null, note: 'Le contexte.', quote: null }],
    });
  });
});

describe('the claim audit trail', () => {
  test('names every record by its title or number, and who acted, with no ids to read', async () => {
    const claim = await createClaimWithAppearance(db.prisma, { summary: 'Une affirmation à retracer' });
    const appearance = await db.prisma.appearance.findFirstOrThrow({ where: { claimId: claim.id }, select: { id: true, source: { select: { title: true } } } });
    await removeAppearance(actors.editor, { appearanceId: appearance.id });
    const evidence = [{ sourceId: claim.appearance.sourceId, quote: '', stance: 'CONTEXT', note: 'Le contexte.' }];
    const saved = await saveVerdictDraft(
      actors.editor,
      verdictDraftSchema.parse({ claimId: claim.id, ratingId: await ratingId('false'), headline: 'Un titre.', explanation: 'Une ligne.', asOf: '2024-12-05', evidence }),
    );

    const trail = await listClaimAuditTrail(actors.moderator, claim.id);
    const byAction = new Map(trail.map((event) => [event.action, event]));
    assert.deepEqual(byAction.get('verdict.create')?.record, { kind: 'verdict', number: 1 });
    assert.equal(byAction.get('verdict.create')?.actorName, actors.editor.name);
    // The appearance is gone: its snapshot still says which source it quoted.
    assert.deepEqual(byAction.get('appearance.delete')?.record, { kind: 'quote', sourceTitle: appearance.source.title, proposed: false });
    assert.equal(saved.claimId, claim.id);

    // The seed's own events: the claim by its summary, relations by the other claim's summary.
    const seeded = await db.prisma.claim.findUniqueOrThrow({ where: { slug: 'kremlin-soldats-nord-coreens-fausses-nouvelles' }, select: { id: true, summary: true } });
    const seedTrail = (await findClaimHistory(actors.moderator, seeded.id))?.audit ?? [];
    const claimEvent = seedTrail.find((event) => event.action === 'seed.claim.create');
    assert.deepEqual(claimEvent?.record, { kind: 'claim', summary: seeded.summary, language: 'fr' });
    assert.equal(claimEvent?.actorName, null, 'seed rows have no actor: the page says "System"');
    const relation = seedTrail.find((event) => event.action === 'seed.relation.create');
    assert.equal(relation?.record.kind, 'relation');
    assert.ok(relation?.record.kind === 'relation' && relation.record.otherSummary && relation.record.otherSummary !== seeded.summary);
    for (const event of seedTrail) assert.notEqual(event.record.kind, 'other', `${event.action} on ${event.entityType} is named`);
  });
});
