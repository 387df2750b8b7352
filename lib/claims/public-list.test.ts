import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type postgres from 'postgres';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { listPublishedClaims, type PublicClaimFilter, type PublicClaimListItem } from './queries';

// The one public listing (home, claimant, tag and rating pages, feeds, read
// API): each filter lists exactly the published claims the database says it
// should, newest first, and keyset pages visit every one of them once.

let db: SeededDatabase;
const EXTRA = 23;

before(async () => {
  db = await openSeededDatabase();
  // Published claims of one claimant whose publication times collide in
  // groups of four, so that pages break inside runs of ties; a draft and an
  // archived claim with the same tag must never be listed.
  const claimant = await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'kremlin' }, select: { id: true } });
  for (let i = 0; i < EXTRA + 2; i++) {
    const status = i === EXTRA ? 'DRAFT' : i === EXTRA + 1 ? 'ARCHIVED' : 'PUBLISHED';
    await db.prisma.claim.create({
      data: {
        slug: `liste-publique-${i}`,
        text: `Déclaration publique numéro ${i}.`,
        summary: `Déclaration publique ${i}`,
        language: 'fr',
        claimantId: claimant.id,
        status,
        publishedAt: status === 'DRAFT' ? null : new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 4), 12)),
        archivedAt: status === 'ARCHIVED' ? new Date(Date.UTC(2025, 1, 1)) : null,
        tags: ['liste publique', i % 2 === 0 ? 'pair' : 'impair'],
      },
    });
  }
});
after(() => closeSeededDatabase(db));

/** Every page, following nextCursor, as the "Older fact checks" link does. */
async function allPages(filter: PublicClaimFilter, limit: number): Promise<PublicClaimListItem[]> {
  const seen: PublicClaimListItem[] = [];
  let cursor = null;
  for (let page = 0; page < 200; page++) {
    const result = await listPublishedClaims({ limit, after: cursor, filter });
    seen.push(...result.items);
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  return assert.fail('pagination does not end');
}

function isNewestFirst(items: PublicClaimListItem[]): boolean {
  return items.every((item, index) => index === 0 || (items[index - 1]?.publishedAt ?? '') >= item.publishedAt);
}

async function slugsWhere(condition: postgres.PendingQuery<postgres.Row[]>): Promise<string[]> {
  const rows = await db.sql<{ slug: string }[]>`SELECT c.slug FROM claims c WHERE c.status = 'PUBLISHED' AND ${condition} ORDER BY c.slug`;
  return rows.map((row) => row.slug);
}

describe('listPublishedClaims', () => {
  test('unfiltered, it lists every published claim once, newest first, and nothing else', async () => {
    const items = await allPages({}, 7);
    const [{ n } = { n: 0 }] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM claims WHERE status = 'PUBLISHED'`;
    assert.equal(items.length, n);
    assert.equal(new Set(items.map((item) => item.slug)).size, n);
    assert.ok(isNewestFirst(items));
    assert.ok(!items.some((item) => item.slug === `liste-publique-${EXTRA}` || item.slug === `liste-publique-${EXTRA + 1}`), 'no draft, no archived claim');
  });

  test('by claimant: exactly their published claims, each once across pages of ties', async () => {
    const items = await allPages({ claimantSlug: 'kremlin' }, 4);
    const expected = await slugsWhere(db.sql`c.claimant_id = (SELECT id FROM claimants WHERE slug = 'kremlin')`);
    assert.deepEqual(items.map((item) => item.slug).sort(), expected);
    assert.equal(new Set(items.map((item) => item.slug)).size, items.length);
    assert.ok(expected.length > EXTRA);
    assert.ok(isNewestFirst(items));
    assert.ok(items.every((item) => item.claimant.slug === 'kremlin'));
  });

  test('by tag: exactly as written, accents and spaces included', async () => {
    for (const tag of ['troupes nord-coréennes', 'Koursk', 'liste publique', 'pair']) {
      const items = await allPages({ tag }, 5);
      assert.deepEqual(items.map((item) => item.slug).sort(), await slugsWhere(db.sql`${tag} = ANY(c.tags)`), tag);
      assert.ok(items.length > 0, tag);
      assert.ok(items.every((item) => item.tags.includes(tag)));
      assert.ok(isNewestFirst(items));
    }
    assert.deepEqual((await listPublishedClaims({ limit: 10, after: null, filter: { tag: 'troupes nord-coreennes' } })).items, [], 'no accent folding: a tag is a key');
    assert.deepEqual((await listPublishedClaims({ limit: 10, after: null, filter: { tag: 'koursk' } })).items, []);
  });

  test('by rating: the rating of the current published verdict, never a superseded one', async () => {
    const ratings = await db.sql<{ key: string }[]>`SELECT key FROM ratings ORDER BY position`;
    let listed = 0;
    for (const { key } of ratings) {
      const items = await allPages({ ratingKey: key }, 3);
      const expected = await slugsWhere(
        db.sql`EXISTS (SELECT 1 FROM verdicts v JOIN ratings r ON r.id = v.rating_id WHERE v.claim_id = c.id AND v.state = 'PUBLISHED' AND r.key = ${key})`,
      );
      assert.deepEqual(items.map((item) => item.slug).sort(), expected, key);
      assert.ok(items.every((item) => item.rating?.key === key));
      listed += items.length;
    }
    const [{ n } = { n: 0 }] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM claims c WHERE c.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.state = 'PUBLISHED')`;
    assert.equal(listed, n, 'every rated claim under exactly one rating');
    // The seed's corrected claim was "unproven" before its correction: it is listed under its new rating only.
    const corrected = 'blinken-10-000-soldats-nord-coreens-en-russie';
    assert.ok(!(await allPages({ ratingKey: 'unproven' }, 50)).some((item) => item.slug === corrected));
    assert.ok((await allPages({ ratingKey: 'mostly-true' }, 50)).some((item) => item.slug === corrected));
  });

  test('filters combine, and a filter naming nothing lists nothing', async () => {
    const both = await allPages({ claimantSlug: 'kremlin', tag: 'pair' }, 4);
    assert.equal(both.length, Math.ceil(EXTRA / 2));
    assert.ok(both.every((item) => item.claimant.slug === 'kremlin' && item.tags.includes('pair')));
    for (const filter of [{ claimantSlug: 'nobody' }, { tag: 'no such tag' }, { ratingKey: 'no-such-rating' }]) {
      assert.deepEqual(await listPublishedClaims({ limit: 5, after: null, filter }), { items: [], nextCursor: null });
    }
  });

  test('an item carries what lists and feeds show: tags, rating, the current verdict’s headline and date', async () => {
    const [item] = (await listPublishedClaims({ limit: 1, after: null, filter: { tag: 'États-Unis', ratingKey: 'mostly-true' } })).items;
    assert.ok(item?.verdict && item.rating);
    const [verdict] = await db.sql<{ headline: string; published_at: Date }[]>`
      SELECT v.headline, v.published_at FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE c.slug = ${item.slug} AND v.state = 'PUBLISHED'`;
    assert.equal(item.verdict.headline, verdict?.headline);
    assert.equal(item.verdict.publishedAt, verdict?.published_at.toISOString());
    assert.ok(item.tags.includes('États-Unis'));
    assert.equal(item.path, `/claims/${item.slug}`);
  });
});
