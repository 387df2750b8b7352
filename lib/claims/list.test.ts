import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Actor } from '../permissions';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { listDashboardClaims } from './dashboard-queries';
import { type DashboardClaimFilters, type DashboardClaimSort, dashboardClaimFiltersSchema, dashboardClaimSorts } from './schema';

// The dashboard's claims list: keyset pages that cover every claim exactly
// once whatever the sort (ties on the sort key included), and filters.

let db: SeededDatabase;
let editor: Actor;

before(async () => {
  db = await openSeededDatabase();
  editor = db.actors.editor;
  // 40 more claims whose timestamps and dates collide in groups of five, a
  // third without a claimed date, so that pages break inside runs of ties.
  const claimants = await db.prisma.claimant.findMany({ select: { id: true } });
  const statuses = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED'] as const;
  for (let i = 0; i < 40; i++) {
    const group = Math.floor(i / 5);
    const at = new Date(Date.UTC(2024, 10, 1 + group, 12));
    await db.prisma.claim.create({
      data: {
        slug: `liste-${i}`,
        text: `Texte de la déclaration numéro ${i}.`,
        summary: `Déclaration de test ${i}`,
        language: 'fr',
        claimantId: claimants[i % claimants.length]?.id ?? assert.fail(),
        claimedAt: i % 3 === 0 ? null : new Date(Date.UTC(2024, 9, 1 + group)),
        status: statuses[i % 4] ?? 'DRAFT',
        publishedAt: i % 4 >= 2 ? at : null,
        tags: i % 2 === 0 ? ['liste-paire'] : [],
        createdAt: at,
      },
    });
  }
  await db.sql`UPDATE claims SET updated_at = created_at WHERE slug LIKE 'liste-%'`;
});
after(() => closeSeededDatabase(db));

function filters(values: Record<string, string>): DashboardClaimFilters {
  return dashboardClaimFiltersSchema.parse(values);
}

/** Every page, following nextCursor, as the "Next page" link does. */
async function allPages(values: Record<string, string>, pageSize: number) {
  const seen: { id: string; updatedAt: string; createdAt: string; claimedAt: string | null }[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await listDashboardClaims(editor, filters({ ...values, ...(cursor ? { cursor } : {}) }), pageSize);
    seen.push(...result.items);
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  return assert.fail('pagination does not end');
}

function isSortedBy(sort: DashboardClaimSort, rows: { id: string; updatedAt: string; createdAt: string; claimedAt: string | null }[]): boolean {
  return rows.every((row, i) => {
    const previous = rows[i - 1];
    if (!previous) return true;
    if (sort === 'updated') return previous.updatedAt > row.updatedAt || (previous.updatedAt === row.updatedAt && previous.id < row.id);
    if (sort === 'created') return previous.createdAt > row.createdAt || (previous.createdAt === row.createdAt && previous.id > row.id);
    const [a, b] = [previous.claimedAt ?? '', row.claimedAt ?? ''];
    return a > b || (a === b && previous.id > row.id);
  });
}

describe('the dashboard claims list', () => {
  test('every claim appears exactly once across keyset pages, in order, for every sort', async () => {
    const total = await db.prisma.claim.count();
    for (const sort of dashboardClaimSorts) {
      const rows = await allPages({ sort }, 7);
      assert.equal(rows.length, total, sort);
      assert.equal(new Set(rows.map((r) => r.id)).size, total, `${sort}: no claim twice`);
      assert.ok(isSortedBy(sort, rows), `${sort}: rows in order`);
    }
  });

  test('pages through a filter the same way', async () => {
    const rows = await allPages({ sort: 'claimed', status: 'DRAFT' }, 3);
    const expected = await db.prisma.claim.count({ where: { status: 'DRAFT' } });
    assert.equal(rows.length, expected);
    assert.equal(new Set(rows.map((r) => r.id)).size, expected);
  });

  test('filters by status, claimant, tag and rating', async () => {
    const inReview = await listDashboardClaims(editor, filters({ status: 'IN_REVIEW' }), 100);
    assert.equal(inReview.items.length, await db.prisma.claim.count({ where: { status: 'IN_REVIEW' } }));
    assert.ok(inReview.items.every((c) => c.status === 'IN_REVIEW'));

    const lavrov = await db.prisma.claimant.findUniqueOrThrow({ where: { slug: 'sergei-lavrov' } });
    const byLavrov = await listDashboardClaims(editor, filters({ claimant: lavrov.id }), 100);
    assert.equal(byLavrov.items.length, await db.prisma.claim.count({ where: { claimantId: lavrov.id } }));
    assert.ok(byLavrov.items.every((c) => c.claimant.id === lavrov.id));

    const tagged = await listDashboardClaims(editor, filters({ tag: 'Koursk' }), 100);
    assert.ok(tagged.items.length > 0 && tagged.items.every((c) => c.tags.includes('Koursk')));

    const rated = await listDashboardClaims(editor, filters({ rating: 'mostly-false' }), 100);
    assert.equal(rated.items.length, 3);
    assert.ok(rated.items.every((c) => c.rating?.key === 'mostly-false'));
    // The claim whose "unproven" verdict was superseded is rated by its published verdict now.
    const corrected = await db.prisma.claim.findFirstOrThrow({ where: { verdicts: { some: { state: 'SUPERSEDED' } } } });
    const unproven = await listDashboardClaims(editor, filters({ rating: 'unproven' }), 100);
    assert.ok(unproven.items.length > 0 && unproven.items.every((c) => c.rating?.key === 'unproven' && c.id !== corrected.id));
    // A claim in review shows the rating of its submitted verdict (no published one yet).
    const inReviewRated = inReview.items.filter((c) => c.rating !== null);
    assert.ok(inReviewRated.length > 0 && inReviewRated.every((c) => c.verdictState === 'SUBMITTED'));
  });

  test('free text finds accented words typed without accents, and fragments of the summary', async () => {
    const coreens = await listDashboardClaims(editor, filters({ q: 'coreens' }), 100);
    assert.ok(coreens.items.length > 0);
    // The public search's match: the summary, the text, the claimant's names and the published verdict.
    const texts = await db.prisma.claim.findMany({
      where: { id: { in: coreens.items.map((c) => c.id) } },
      select: { summary: true, text: true, claimant: { select: { name: true, aliases: true } }, verdicts: { where: { state: 'PUBLISHED' }, select: { headline: true, explanation: true } } },
    });
    const searched = (c: (typeof texts)[number]) =>
      [c.summary, c.text, c.claimant.name, ...c.claimant.aliases, ...c.verdicts.flatMap((v) => [v.headline, v.explanation])].join(' ');
    assert.ok(texts.every((c) => /coré/i.test(searched(c))), 'each match mentions "coréens" (or "Corée")');

    // Every "Déclaration de test N" by its fragment (and, by the word, a seeded verdict that says "déclaré").
    const fragment = await listDashboardClaims(editor, filters({ q: 'Déclaration de te' }), 100);
    assert.equal(fragment.items.filter((c) => c.slug.startsWith('liste-')).length, 40);
    const nothing = await listDashboardClaims(editor, filters({ q: 'zzzqqq' }), 100);
    assert.equal(nothing.items.length, 0);
  });

  test('a malformed cursor or filter shows the first page instead of failing', async () => {
    const page = await listDashboardClaims(editor, filters({ cursor: 'not-a-cursor', status: 'NOPE', sort: 'sideways' }), 5);
    assert.equal(page.items.length, 5);
  });
});
