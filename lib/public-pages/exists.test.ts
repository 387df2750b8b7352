import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { publicAddressCanNameRecord } from './addresses';
import { isPublicRecord, publicPageExists } from './exists';

// The cached reads ask this before they cache anything, and the pages answer
// an unknown record with the not-found text; the proxy only asks, without the
// database, whether an address could name a record at all.

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

test('claimant, tag and rating pages exist when public; unknown and hostile keys do not, without a database error', async () => {
  assert.equal(await publicPageExists('/claimants/kremlin'), true);
  assert.equal(await publicPageExists(`/tags/${encodeURIComponent('troupes nord-coréennes')}`), true);
  assert.equal(await publicPageExists('/tags/Koursk/'), true);
  assert.equal(await publicPageExists('/ratings/mostly-false'), true);

  const hostile = [
    '/claimants/no-such-claimant',
    '/claimants/%00',
    `/claimants/${'x'.repeat(300)}`,
    '/tags/no%20such%20tag',
    '/tags/koursk', // tags are keys, exactly as written
    '/tags/%20Koursk',
    '/tags/Koursk%0A',
    '/tags/%00',
    `/tags/${'é'.repeat(61)}`,
    '/tags/%E0%A4%A',
    '/ratings/no-such-rating',
    '/ratings/FALSE',
    '/ratings/%00',
    `/ratings/${'a'.repeat(41)}`,
    "/ratings/false'%20OR%20'1'='1",
  ];
  for (const path of hostile) assert.equal(await publicPageExists(path), false, path);
  assert.equal(await isPublicRecord('tags', 'x\u0000'), false);
  assert.equal(await isPublicRecord('tags', 'a'.repeat(100_000)), false);
  assert.equal(await isPublicRecord('ratings', '\u0000'), false);
});

test('a claimant without a public claim, a tag only drafts carry and a retired unused rating have no page', async () => {
  const draft = await db.prisma.claim.findFirstOrThrow({ where: { status: 'DRAFT' }, select: { id: true, claimantId: true } });
  await db.prisma.claim.update({ where: { id: draft.id }, data: { tags: { push: 'seulement-brouillon' } } });
  assert.equal(await publicPageExists('/tags/seulement-brouillon'), false);

  const lonely = await db.prisma.claimant.create({ data: { slug: 'sans-public', name: 'Sans public', kind: 'PERSON' } });
  assert.equal(await publicPageExists(`/claimants/${lonely.slug}`), false);

  const unused = await db.prisma.rating.create({
    data: { key: 'retiree', labelFr: 'Retirée', labelEn: 'Retired', descriptionFr: 'x', descriptionEn: 'x', colour: '#1a7f37', position: 99, active: false },
  });
  assert.equal(await publicPageExists(`/ratings/${unused.key}`), false);
  await db.prisma.rating.update({ where: { id: unused.id }, data: { active: true } });
  assert.equal(await publicPageExists(`/ratings/${unused.key}`), true, 'an active rating has its page even before it rates a claim');
});

test('feeds are not its business: their route handlers answer their own 404', async () => {
  for (const path of ['/feeds/claimants/no-such-claimant/rss', '/feeds/tags/no%20such%20tag/atom', '/feeds/fact-checks/xml', '/claimants', '/tags']) {
    assert.equal(await publicPageExists(path), true, path);
  }
});

test('the proxy refuses, without the database, only addresses no record can have', () => {
  const refused = ['/claims/%00', '/claims/%E0%A4%A', `/claims/${'x'.repeat(10_000)}`, '/sources/%1F', '/tags/Koursk%0A', `/ratings/${'a'.repeat(41)}`, '/claims/%00/contest', '/disputes/short', '/_paged', '/claimants/kremlin/_paged'];
  for (const path of refused) assert.equal(publicAddressCanNameRecord(path), false, path);
  const passed = ['/claims/no-such-claim', '/claimants/kremlin', `/tags/${encodeURIComponent('troupes nord-coréennes')}`, '/ratings/mostly-false', '/claims/x/contest', '/', '/search', '/feeds/tags/x/rss'];
  for (const path of passed) assert.equal(publicAddressCanNameRecord(path), true, path);
});
