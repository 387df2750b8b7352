// Benchmark of the reader's browsing reads at newsroom scale: the public
// listing by claimant, tag and rating (first page and a deep keyset page),
// a claimant's scorecard, the claimants' directory and the existence checks
// the proxy makes. It prints p50/p95 and asserts nothing.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/attest_bench \
//     node scripts/run-tsx.mjs scripts/bench-public-lists.ts [--runs=20]
//
// It reads the archive scripts/bench-claims-list.ts fills (100,000 claims,
// 300 claimants, 40 tags): run that one first on the same database.

import postgres from 'postgres';
import { findPublicClaimantBySlug, isPublicClaimantSlug, listPublicClaimantDirectory } from '../lib/claimants/public-queries';
import { isPublicTag, listPublishedClaims, type PublicClaimFilter } from '../lib/claims/queries';
import type { ClaimListCursor } from '../lib/claims/schema';
import { getPrisma } from '../lib/db';
import { benchOption, prepareBenchDatabase, timeRuns } from './bench-database';

const RUNS = benchOption('runs', 20);
const PAGE_SIZE = 20;
const DEEP = 2000;

async function time(label: string, read: () => Promise<unknown>) {
  const { p50, p95 } = await timeRuns(read, RUNS);
  console.log(`${label.padEnd(58)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms`);
}

async function main() {
  const { url } = await prepareBenchDatabase('timing the public browsing reads');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM claims WHERE status = 'PUBLISHED'`;
    console.log(`${n} published claims. ${RUNS} runs each.\n`);
    // Fresh statistics and a flushed GIN pending list, as autovacuum keeps them on a live database after a bulk fill.
    await sql`VACUUM ANALYZE claims`;
    await sql`VACUUM ANALYZE verdicts`;
    const [claimant] = await sql<{ slug: string; n: number }[]>`
      SELECT ct.slug, count(*)::int AS n FROM claims c JOIN claimants ct ON ct.id = c.claimant_id WHERE c.status = 'PUBLISHED' GROUP BY ct.slug ORDER BY n DESC LIMIT 1`;
    const [tag] = await sql<{ tag: string; n: number }[]>`
      SELECT t AS tag, count(*)::int AS n FROM claims c, unnest(c.tags) t WHERE c.status = 'PUBLISHED' GROUP BY t ORDER BY n DESC LIMIT 1`;
    if (!claimant || !tag) throw new Error('run scripts/bench-claims-list.ts first: the archive is empty');
    const filters: [string, PublicClaimFilter][] = [
      ['all', {}],
      [`claimant ${claimant.slug} (${claimant.n} claims)`, { claimantSlug: claimant.slug }],
      [`tag ${tag.tag} (${tag.n} claims)`, { tag: tag.tag }],
      ['rating mostly-false', { ratingKey: 'mostly-false' }],
      ['tag + rating', { tag: tag.tag, ratingKey: 'mostly-false' }],
    ];
    for (const [label, filter] of filters) {
      await time(`list ${label}: first page`, () => listPublishedClaims({ limit: PAGE_SIZE, after: null, filter }));
      // A cursor DEEP claims down, found the slow way once, as a reader following "Older" links would hold it.
      let after: ClaimListCursor | null = null;
      let walked = 0;
      while (walked < DEEP) {
        const page = await listPublishedClaims({ limit: 100, after, filter });
        if (!page.nextCursor) break;
        after = page.nextCursor;
        walked += page.items.length;
      }
      if (after) {
        const deep = after;
        await time(`list ${label}: page after ${walked}`, () => listPublishedClaims({ limit: PAGE_SIZE, after: deep, filter }));
      }
    }
    await time(`scorecard of ${claimant.slug}`, () => findPublicClaimantBySlug(claimant.slug));
    await time('claimants’ directory (all, with counts)', () => listPublicClaimantDirectory());
    await time('exists: claimant', () => isPublicClaimantSlug(claimant.slug));
    await time('exists: tag', () => isPublicTag(tag.tag));
    await time('exists: unknown tag', () => isPublicTag('no such tag'));
  } finally {
    await sql.end();
    await getPrisma().$disconnect();
  }
}

await main();
