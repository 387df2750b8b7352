import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { isPublicRecord, publicPageExists } from './exists';

// The proxy asks this for every claim and source page an anonymous reader
// requests, and the cached reads ask it before they cache anything.

let db: SeededDatabase;
before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

test('an address holding a NUL, a bad escape or an overlong key names nothing, and is answered without a database error', async () => {
  for (const path of ['/claims/%00', '/sources/%00', '/claims/a%00b', '/claims/%E0%A4%A', `/claims/${'x'.repeat(300)}`, '/sources/%1F']) {
    assert.equal(await publicPageExists(path), false, path);
  }
  assert.equal(await isPublicRecord('claims', 'slug\u0000'), false);
  assert.equal(await isPublicRecord('sources', '\u0000'), false);
});

test('public claims and sources exist; drafts and unknown keys do not; other paths are not its business', async () => {
  const published = await db.prisma.claim.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { slug: true, appearances: { select: { sourceId: true }, take: 1 } } });
  const draft = await db.prisma.claim.findFirstOrThrow({ where: { status: 'DRAFT' }, select: { slug: true } });
  assert.equal(await publicPageExists(`/claims/${encodeURIComponent(published.slug)}`), true);
  assert.equal(await publicPageExists(`/sources/${published.appearances[0]?.sourceId}`), true);
  assert.equal(await publicPageExists(`/claims/${draft.slug}`), false);
  assert.equal(await publicPageExists('/claims/no-such-claim'), false);
  assert.equal(await publicPageExists('/dashboard/claims'), true);
});
