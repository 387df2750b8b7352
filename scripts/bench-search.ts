// Benchmark of the public search at newsroom scale: fills a scratch database
// with 100,000 claims and 20,000 sources (scripts/bench-database.ts, the
// archive bench-claims-list.ts uses), then times the search a reader's /search
// runs — common, rare, accented and misspelled queries — beside a plain
// ILIKE '%…%' baseline on the same data, in the same run. It prints figures
// and asserts nothing.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/attest_bench_search \
//     node scripts/run-tsx.mjs scripts/bench-search.ts [--runs=40] [--claims=100000] [--sources=20000]
//
// "search" is what the results list costs: the typed words made a tsquery
// (attest_search_query: stems, accents, typos), then the first page of 20
// published claims ranked on the stored vector, with highlighted snippets.
// "page" adds the side results the first page shows (claimants by trigram,
// quoted sources by title), run alongside as lib/search/cache.ts does.
// The baseline is the naive way: ILIKE '%…%' over the same fields (summary,
// claim text, claimant's name and aliases, published verdict's headline and
// explanation) of every published claim, summary matches first, then newest:
// like any ranked search it must look at every match to order them.

import postgres from 'postgres';
import { getPrisma } from '../lib/db';
import { findMatchingClaimants, findMatchingSources, prepareSearch, searchPublishedClaims } from '../lib/search/queries';
import { SEARCH_PAGE_SIZE, type SearchFilters } from '../lib/search/schema';
import { type BenchTiming, benchOption, fillBenchClaims, fillBenchSources, prepareBenchDatabase, timeRuns } from './bench-database';

const TARGET_CLAIMS = benchOption('claims', 100_000);
const TARGET_SOURCES = benchOption('sources', 20_000);
const RUNS = benchOption('runs', 40);
const WARM_UP_RUNS = 3;

type Kind = 'common' | 'rare' | 'accented' | 'misspelled';
const QUERIES: { kind: Kind; q: string }[] = [
  { kind: 'common', q: 'soldats' },
  { kind: 'common', q: 'Russie' },
  { kind: 'common', q: 'missiles' },
  { kind: 'common', q: 'Ukraine' },
  { kind: 'common', q: 'soldats Russie' },
  { kind: 'rare', q: 'trompeuses' },
  { kind: 'rare', q: 'ATACMS' },
  { kind: 'rare', q: 'déclaration 4242' },
  { kind: 'accented', q: 'coreens' },
  { kind: 'accented', q: 'deploiement' },
  { kind: 'accented', q: 'Seoul' },
  { kind: 'accented', q: 'frontiere' },
  { kind: 'misspelled', q: 'Pyongyng' },
  { kind: 'misspelled', q: 'Lavrof' },
  { kind: 'misspelled', q: 'Kursk' },
  { kind: 'misspelled', q: 'sanctons' },
  { kind: 'misspelled', q: 'nucleare' },
];

const NO_FILTERS: SearchFilters = { rating: null, claimant: null, from: null, to: null };

async function resultsList(q: string) {
  const { tsquery } = await prepareSearch(q);
  return tsquery === null ? null : searchPublishedClaims({ tsquery, filters: NO_FILTERS, limit: SEARCH_PAGE_SIZE, after: null });
}

async function wholePage(q: string) {
  const { tsquery } = await prepareSearch(q);
  if (tsquery === null) return;
  await Promise.all([
    searchPublishedClaims({ tsquery, filters: NO_FILTERS, limit: SEARCH_PAGE_SIZE, after: null }),
    findMatchingClaimants(q),
    findMatchingSources(tsquery),
  ]);
}

/** ILIKE over the fields the search covers: summary, claim text, claimant's names, published verdict. */
const ILIKE_MATCH = (sql: postgres.Sql, pattern: string) => sql`
  (c.summary ILIKE ${pattern} OR c.text ILIKE ${pattern} OR cl.name ILIKE ${pattern} OR array_to_string(cl.aliases, ' ') ILIKE ${pattern}
   OR v.headline ILIKE ${pattern} OR v.explanation ILIKE ${pattern})`;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function ilikeBaseline(sql: postgres.Sql, q: string) {
  const pattern = likePattern(q);
  return sql`
    SELECT c.id, c.slug, c.summary FROM claims c
    JOIN claimants cl ON cl.id = c.claimant_id
    LEFT JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED'
    WHERE c.status = 'PUBLISHED' AND ${ILIKE_MATCH(sql, pattern)}
    ORDER BY (c.summary ILIKE ${pattern}) DESC, c.published_at DESC, c.id DESC
    LIMIT ${SEARCH_PAGE_SIZE + 1}`;
}

type Timing = BenchTiming;

function time(work: () => Promise<unknown>): Promise<Timing> {
  return timeRuns(work, RUNS, WARM_UP_RUNS);
}

async function main() {
  const { url } = await prepareBenchDatabase('100,000 benchmark claims and 20,000 sources');
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  try {
    await fillBenchClaims(sql, TARGET_CLAIMS);
    await fillBenchSources(sql, TARGET_SOURCES);
    const [counts] = await sql<{ claims: number; published: number; sources: number; words: number }[]>`
      SELECT (SELECT count(*)::int FROM claims) AS claims, (SELECT count(*)::int FROM claims WHERE status = 'PUBLISHED') AS published,
             (SELECT count(*)::int FROM sources) AS sources, (SELECT count(*)::int FROM search_words) AS words`;
    console.log(
      `\n${counts?.claims} claims (${counts?.published} published), ${counts?.sources} sources, ${counts?.words} words to mend typos against.` +
        `\nMilliseconds over ${RUNS} runs per query (after ${WARM_UP_RUNS} to warm up); first page of ${SEARCH_PAGE_SIZE}.\n`,
    );
    const header = ['kind'.padEnd(10), 'query'.padEnd(17), 'found'.padStart(6), 'ILIKE found'.padStart(11), 'search p50'.padStart(10), 'p95'.padStart(6),
      'page p50'.padStart(9), 'p95'.padStart(6), 'ILIKE p50'.padStart(10), 'p95'.padStart(6), 'ILIKE÷search'.padStart(12)];
    console.log(header.join(' '));
    const byKind = new Map<Kind, { search: Timing; page: Timing; ilike: Timing }[]>();
    for (const { kind, q } of QUERIES) {
      const { tsquery } = await prepareSearch(q);
      const [found] = tsquery === null
        ? [{ n: 0 }]
        : await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM claims WHERE search_vector @@ ${tsquery}::tsquery AND status = 'PUBLISHED'`;
      const [ilikeFound] = await sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM claims c JOIN claimants cl ON cl.id = c.claimant_id
        LEFT JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED'
        WHERE c.status = 'PUBLISHED' AND ${ILIKE_MATCH(sql, likePattern(q))}`;
      const search = await time(() => resultsList(q));
      const page = await time(() => wholePage(q));
      const ilike = await time(() => ilikeBaseline(sql, q));
      byKind.set(kind, [...(byKind.get(kind) ?? []), { search, page, ilike }]);
      console.log(
        [
          kind.padEnd(10),
          q.padEnd(17),
          String(found?.n ?? 0).padStart(6),
          String(ilikeFound?.n ?? 0).padStart(11),
          search.p50.toFixed(1).padStart(10),
          search.p95.toFixed(1).padStart(6),
          page.p50.toFixed(1).padStart(9),
          page.p95.toFixed(1).padStart(6),
          ilike.p50.toFixed(1).padStart(10),
          ilike.p95.toFixed(1).padStart(6),
          `${(ilike.p50 / search.p50).toFixed(1)}×`.padStart(12),
        ].join(' '),
      );
    }
    console.log('\nBy kind: the worst p95 (results list, whole page) and the smallest ILIKE÷search ratio of the p50s:');
    for (const [kind, rows] of byKind) {
      const worst = (pick: (row: (typeof rows)[number]) => Timing) => Math.max(...rows.map((row) => pick(row).p95)).toFixed(1);
      const ratio = Math.min(...rows.map((row) => row.ilike.p50 / row.search.p50));
      console.log(`  ${kind.padEnd(10)} p95 ≤ ${worst((row) => row.search)} ms (page ${worst((row) => row.page)} ms), ≥ ${ratio.toFixed(1)}× faster than ILIKE`);
    }
  } finally {
    await sql.end();
    await getPrisma().$disconnect();
  }
}

await main();
