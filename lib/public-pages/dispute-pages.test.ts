import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createContestableClaim, createDispute } from '../../seed/factories/disputes';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { hashFollowUpToken, newFollowUpToken } from '../disputes/tokens';
import { publicPageExists } from './exists';

// The proxy lets a contest form through only for a public claim, and a
// follow-up page only for a token that names a dispute: any other address is
// the reader's not-found page (lib/public-pages/exists.ts).

let db: SeededDatabase;
before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

test('a contest form exists for a public claim only', async () => {
  const published = await db.prisma.claim.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { slug: true } });
  const draft = await db.prisma.claim.findFirstOrThrow({ where: { status: 'DRAFT' }, select: { slug: true } });
  assert.equal(await publicPageExists(`/claims/${encodeURIComponent(published.slug)}/contest`), true);
  assert.equal(await publicPageExists(`/claims/${draft.slug}/contest`), false);
  assert.equal(await publicPageExists('/claims/no-such-claim/contest'), false);
  assert.equal(await publicPageExists('/claims/%E0%A4%A/contest'), false);
});

test('a follow-up page exists for a token that names a dispute only', async () => {
  const [author, reviewer] = [db.actors.editor.id, db.actors.reviewer.id];
  const claim = await createContestableClaim(db.prisma, { authorId: author, reviewerId: reviewer });
  const dispute = await createDispute(db.prisma, { claimId: claim.id, verdictId: claim.verdictId });
  const { token, hash } = newFollowUpToken();
  await db.prisma.dispute.update({ where: { id: dispute.id }, data: { followUpTokenHash: hash } });
  assert.equal(hashFollowUpToken(token), hash);
  assert.equal(await publicPageExists(`/disputes/${token}`), true);
  assert.equal(await publicPageExists(`/disputes/${newFollowUpToken().token}`), false);
  assert.equal(await publicPageExists('/disputes/short'), false);
  assert.equal(await publicPageExists('/disputes/%00'), false);
  assert.equal(await publicPageExists(`/disputes/${hash}`), false, 'the stored hash is not a link');
});
