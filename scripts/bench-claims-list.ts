// Benchmark of the dashboard's claims list at newsroom scale: fills a scratch
// database with 100,000 claims, then times the first page and a deep page for
// every sort and filter. It prints figures and asserts nothing.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/attest_bench \
//     node scripts/run-tsx.mjs scripts/bench-claims-list.ts [--runs=5] [--claims=100000] [--proposed-indexes=on|off]
//
// --proposed-indexes=on creates, =off drops, the two sort indexes the
// migrations do not have yet (recently created, claimed date), to compare.
//
// The database must be called attest_bench…: the script creates it if needed,
// applies the migrations, seeds the corpus, and adds claims (with claimants,
// tags and verdicts) until there are --claims of them. Re-running reuses them.

import postgres from 'postgres';
import { listDashboardClaims } from '../lib/claims/dashboard-queries';
import { type DashboardClaimSort, dashboardClaimFiltersSchema, dashboardClaimSorts } from '../lib/claims/schema';
import { getPrisma } from '../lib/db';
import type { Actor } from '../lib/permissions';
import { benchOption, fillBenchClaims, prepareBenchDatabase, timeRuns } from './bench-database';

const TARGET_CLAIMS = benchOption('claims', 100_000);
const RUNS = benchOption('runs', 5);
const PAGE_SIZE = 25;
const WALK_PAGE = 2000;

// Indexes that would serve the "recently created" and "claimed date" sorts as
// (status, updated_at DESC, id) serves "recently updated".
const PROPOSED_INDEXES = {
  claims_created_at_id_idx: 'CREATE INDEX IF NOT EXISTS "claims_created_at_id_idx" ON "claims" ("created_at" DESC, "id" DESC)',
  claims_claimed_at_id_idx: 'CREATE INDEX IF NOT EXISTS "claims_claimed_at_id_idx" ON "claims" ("claimed_at" DESC NULLS LAST, "id" DESC)',
};

async function applyProposedIndexes(sql: postgres.Sql) {
  const choice = process.argv.find((arg) => arg.startsWith('--proposed-indexes='))?.split('=')[1];
  for (const [name, create] of Object.entries(PROPOSED_INDEXES)) {
    if (choice === 'on') await sql.unsafe(create);
    if (choice === 'off') await sql.unsafe(`DROP INDEX IF EXISTS "${name}"`);
  }
  if (choice) await sql`ANALYZE claims`;
  const present = await sql<{ indexname: string }[]>`
    SELECT indexname FROM pg_indexes WHERE tablename = 'claims' AND indexname IN ${sql(Object.keys(PROPOSED_INDEXES))}`;
  console.log(`Proposed sort indexes present: ${present.map((row) => row.indexname).join(', ') || 'none'}.`);
}

const actor: Actor = { id: 'bench', name: 'Benchmark', email: 'bench@attest.local', role: 'ADMIN', locale: null };

type Scenario = { label: string; filters: Record<string, string> };

async function scenarios(sql: postgres.Sql): Promise<Scenario[]> {
  const [busiest] = await sql<{ id: string; name: string }[]>`
    SELECT cl.id, cl.name FROM claims c JOIN claimants cl ON cl.id = c.claimant_id GROUP BY cl.id ORDER BY count(*) DESC LIMIT 1`;
  return [
    { label: 'no filter', filters: {} },
    { label: 'status=PUBLISHED', filters: { status: 'PUBLISHED' } },
    { label: 'status=IN_REVIEW', filters: { status: 'IN_REVIEW' } },
    { label: `claimant (${busiest?.name ?? '?'})`, filters: { claimant: busiest?.id ?? '' } },
    { label: 'rating=misleading', filters: { rating: 'misleading' } },
    { label: 'tag=sujet-7', filters: { tag: 'sujet-7' } },
    { label: 'q=coreens', filters: { q: 'coreens' } },
    { label: 'q=Kours (fragment)', filters: { q: 'Kours' } },
    { label: 'q=missiles, status=DRAFT', filters: { q: 'missiles', status: 'DRAFT' } },
  ];
}

async function timeIt(work: () => Promise<unknown>): Promise<number> {
  return (await timeRuns(work, RUNS)).p50;
}

/**
 * A cursor about 90% of the way down the result, reached by following
 * cursors with big pages, so that the timed query starts deep.
 */
async function deepCursor(sort: DashboardClaimSort, filters: Record<string, string>, total: number) {
  const target = Math.floor(total * 0.9);
  let cursor: string | undefined;
  let position = 0;
  while (position + WALK_PAGE <= target) {
    const page = await listDashboardClaims(actor, dashboardClaimFiltersSchema.parse({ ...filters, sort, cursor }), WALK_PAGE);
    if (!page.nextCursor) return null;
    cursor = page.nextCursor;
    position += page.items.length;
  }
  return cursor ? { cursor, position } : null;
}

/** How many claims match, counted by following every page: also proves the pages end. */
async function countMatching(filters: Record<string, string>): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await listDashboardClaims(actor, dashboardClaimFiltersSchema.parse({ ...filters, cursor }), WALK_PAGE);
    count += page.items.length;
    if (!page.nextCursor) return count;
    cursor = page.nextCursor;
  }
}

async function main() {
  const { url } = await prepareBenchDatabase('100,000 benchmark claims');
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  try {
    await fillBenchClaims(sql, TARGET_CLAIMS);
    await applyProposedIndexes(sql);
    const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM claims`;
    console.log(`\n${n} claims. Median of ${RUNS} runs, page size ${PAGE_SIZE}, milliseconds.\n`);
    console.log(['sort'.padEnd(9), 'filter'.padEnd(34), 'matches'.padStart(8), 'first'.padStart(8), 'deep'.padStart(8), '  deep page starts at'].join(' '));
    for (const scenario of await scenarios(sql)) {
      const matches = await countMatching(scenario.filters);
      for (const sort of dashboardClaimSorts) {
        const first = await timeIt(() => listDashboardClaims(actor, dashboardClaimFiltersSchema.parse({ ...scenario.filters, sort }), PAGE_SIZE));
        const deep = await deepCursor(sort, scenario.filters, matches);
        const deepTime = deep
          ? await timeIt(() => listDashboardClaims(actor, dashboardClaimFiltersSchema.parse({ ...scenario.filters, sort, cursor: deep.cursor }), PAGE_SIZE))
          : null;
        console.log(
          [
            sort.padEnd(9),
            scenario.label.slice(0, 34).padEnd(34),
            String(matches).padStart(8),
            first.toFixed(1).padStart(8),
            (deepTime === null ? '—' : deepTime.toFixed(1)).padStart(8),
            deep ? `  row ${deep.position}` : '  (too few matches)',
          ].join(' '),
        );
      }
    }
  } finally {
    await sql.end();
    await getPrisma().$disconnect();
  }
}

await main();
