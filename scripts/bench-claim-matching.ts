// Benchmark of claim matching (issue 11) at newsroom scale: fills a scratch
// database with 100,000 claims and 20,000 sources (scripts/bench-database.ts,
// the archive the other benchmarks use), then times what the claim editor asks
// at each pause in the typing (findClaimMatches) for several inputs, the
// save-time check (findNearDuplicateClaim) and a public page's "Related fact
// checks" (findRelatedFactChecks), beside a baseline in the same run: the
// same statement with the two trigram indexes of migration
// 20261201130000_claim_matching dropped (inside a transaction that is rolled
// back, so the database keeps them). It prints figures and asserts nothing;
// the target is a p95 of the match query ≤ 100 ms.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/attest_bench_matching \
//     node scripts/run-tsx.mjs scripts/bench-claim-matching.ts [--runs=40] [--claims=100000] [--sources=20000]
//
// The benchmark claims are one template ("Selon la déclaration N, les X et
// les Y de Z changent la donne.") over 30 words: every claim shares a dozen
// trigrams and most words with every other, which is harder on trigram and
// full-text matching than real claims are.

import postgres from 'postgres';
import { type ClaimMatchRequestInput, claimMatchRequestSchema } from '../lib/claim-matching/schema';
import { CLAIM_MATCH_LIMIT, claimMatchSql, findClaimMatches, findNearDuplicateClaim, findRelatedFactChecks, type MatchInput, matchInputOfRequest } from '../lib/claim-matching/queries';
import { getPrisma } from '../lib/db';
import type { Actor } from '../lib/permissions';
import { type BenchTiming, benchOption, fillBenchClaims, fillBenchSources, prepareBenchDatabase, timeRuns } from './bench-database';

const TARGET_CLAIMS = benchOption('claims', 100_000);
const TARGET_SOURCES = benchOption('sources', 20_000);
const RUNS = benchOption('runs', 40);
const WARM_UP_RUNS = 3;
const TRIGRAM_INDEXES = ['claims_text_fold_trgm_idx', 'claims_summary_fold_trgm_idx'];

const actor: Actor = { id: 'bench', name: 'Benchmark', email: 'bench@attest.local', role: 'ADMIN', locale: null };

const REWORDED = 'Selon Blinken, dix mille militaires nord-coréens sont arrivés en Russie';
// A paragraph pasted whole (the seed's first article, about 1,300 characters).
const PARAGRAPH =
  'Le secrétaire d’État américain Antony Blinken a déclaré jeudi que 10 000 soldats nord-coréens seraient entrés en Russie, ' +
  'dont 8 000 dans la région de Koursk, frontalière de l’Ukraine. Selon Washington, ces troupes n’ont pas encore été engagées ' +
  'au combat contre les forces ukrainiennes, mais elles pourraient l’être dans les prochains jours. Le Kremlin a qualifié ces ' +
  'informations de « fausses nouvelles », tandis que Pyongyang a dénoncé des « rumeurs sans fondement ». Le renseignement ' +
  'sud-coréen affirme de son côté que la Corée du Nord envisage d’envoyer jusqu’à 12 000 soldats. L’OTAN, par la voix de son ' +
  'secrétaire général Mark Rutte, a confirmé que des unités nord-coréennes avaient été déployées dans la région de Koursk. ' +
  'Kiev estime que 50 000 soldats, dont des Nord-Coréens, sont massés pour reprendre les zones conquises par l’armée ' +
  'ukrainienne en août. Séoul accuse aussi Pyongyang d’avoir livré des millions d’obus et de munitions à la Russie, en échange ' +
  'de technologies militaires, de systèmes de défense aérienne et d’un soutien à son programme nucléaire et balistique. ' +
  'Le ministre russe des Affaires étrangères Sergueï Lavrov a jugé « trompeuses » les accusations de déploiement, tout en ' +
  'évoquant des contacts « très étroits » entre militaires russes et nord-coréens.';

type Scenario = { label: string; request: ClaimMatchRequestInput };

async function scenarios(sql: postgres.Sql): Promise<Scenario[]> {
  const [blinken] = await sql<{ id: string }[]>`SELECT id FROM claimants WHERE slug = 'antony-blinken'`;
  const [quoted] = await sql<{ source_id: string; start: number; end: number }[]>`
    SELECT source_id, start, "end" FROM appearances WHERE id = 'bench_appearance_10000'`;
  const [bench] = await sql<{ text: string; summary: string; claimant_id: string }[]>`SELECT text, summary, claimant_id FROM claims WHERE id = 'bench_4242'`;
  return [
    { label: 'short text', request: { text: REWORDED } },
    { label: 'short text, common words only', request: { text: 'Les soldats nord-coréens en Russie et en Ukraine' } },
    { label: 'long text (pasted paragraph)', request: { text: PARAGRAPH } },
    { label: 'summary only', request: { summary: 'Blinken : dix mille soldats nord-coréens en Russie' } },
    { label: 'short text + claimant picked', request: { text: REWORDED, claimantId: blinken?.id ?? '' } },
    { label: 'short text + claimant typed', request: { text: REWORDED, claimant: 'Blinken' } },
    {
      label: 'text + source passage',
      request: { text: 'Texte archivé', sourceId: quoted?.source_id ?? '', start: String(quoted?.start ?? 0), end: String(quoted?.end ?? 5) },
    },
    { label: 'a benchmark claim re-typed', request: { text: bench?.text ?? '', summary: bench?.summary ?? '', claimantId: bench?.claimant_id ?? '' } },
  ];
}

/** The statement findClaimMatches runs for a request, as the baseline replays it. */
const matchInput = (request: ClaimMatchRequestInput): MatchInput => matchInputOfRequest(claimMatchRequestSchema.parse(request), CLAIM_MATCH_LIMIT);

class Rollback extends Error {}

/** The same statements without the trigram indexes: dropped in a transaction, timed, rolled back. */
async function timeWithoutTrigramIndexes(sql: postgres.Sql, requests: ClaimMatchRequestInput[]): Promise<BenchTiming[]> {
  const timings: BenchTiming[] = [];
  try {
    await sql.begin(async (tx) => {
      for (const index of TRIGRAM_INDEXES) await tx.unsafe(`DROP INDEX "${index}"`);
      for (const request of requests) {
        const statement = claimMatchSql(matchInput(request));
        // Fewer runs: each reads every claim.
        timings.push(await timeRuns(() => tx.unsafe(statement.text, statement.values as never[]), Math.min(RUNS, 10), 1));
      }
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return timings;
}

const ms = (value: number) => value.toFixed(1).padStart(8);

async function main() {
  const { url } = await prepareBenchDatabase('100,000 benchmark claims and 20,000 sources');
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  try {
    await fillBenchClaims(sql, TARGET_CLAIMS);
    await fillBenchSources(sql, TARGET_SOURCES);
    const [counts] = await sql<{ claims: number; published: number; appearances: number }[]>`
      SELECT (SELECT count(*)::int FROM claims) AS claims, (SELECT count(*)::int FROM claims WHERE status = 'PUBLISHED') AS published,
             (SELECT count(*)::int FROM appearances) AS appearances`;
    console.log(
      `\n${counts?.claims} claims (${counts?.published} published), ${counts?.appearances} appearances.` +
        `\nMilliseconds over ${RUNS} runs per input (after ${WARM_UP_RUNS} to warm up); the baseline over ${Math.min(RUNS, 10)}.\n`,
    );
    const list = await scenarios(sql);
    const baseline = await timeWithoutTrigramIndexes(sql, list.map((scenario) => scenario.request));
    console.log(['input'.padEnd(32), 'found'.padStart(5), 'first match'.padEnd(44), 'p50'.padStart(8), 'p95'.padStart(8), 'no-index p50'.padStart(13), 'p95'.padStart(8)].join(' '));
    let worstP95 = 0;
    for (const [index, scenario] of list.entries()) {
      const request = claimMatchRequestSchema.parse(scenario.request);
      const found = await findClaimMatches(actor, request);
      const timing = await timeRuns(() => findClaimMatches(actor, request), RUNS, WARM_UP_RUNS);
      worstP95 = Math.max(worstP95, timing.p95);
      const without = baseline[index];
      console.log(
        [
          scenario.label.padEnd(32),
          String(found.length).padStart(5),
          `${found[0]?.slug ?? '—'}${found[0]?.nearDuplicate ? ' (near duplicate)' : ''}`.slice(0, 44).padEnd(44),
          ms(timing.p50),
          ms(timing.p95),
          (without ? without.p50.toFixed(1) : '—').padStart(13),
          without ? ms(without.p95) : '',
        ].join(' '),
      );
    }
    console.log(`\nWorst p95 of the match query: ${worstP95.toFixed(1)} ms (target ≤ 100 ms).`);

    const prisma = getPrisma();
    const [busiest] = await sql<{ id: string; claims: number }[]>`
      SELECT claimant_id AS id, count(*)::int AS claims FROM claims GROUP BY claimant_id ORDER BY count(*) DESC LIMIT 1`;
    const [sample] = await sql<{ text: string; summary: string }[]>`SELECT text, summary FROM claims WHERE claimant_id = ${busiest?.id ?? ''} LIMIT 1`;
    const nearDuplicate = await timeRuns(
      () => findNearDuplicateClaim(prisma, { text: `${sample?.text ?? ''} !`, claimantId: busiest?.id ?? '' }),
      RUNS,
      WARM_UP_RUNS,
    );
    console.log(`Save-time check (findNearDuplicateClaim), claimant with ${busiest?.claims} claims: p50 ${nearDuplicate.p50.toFixed(1)} ms, p95 ${nearDuplicate.p95.toFixed(1)} ms.`);
    for (const slug of ['blinken-10-000-soldats-nord-coreens-en-russie', 'bench-4245']) {
      const related = await timeRuns(() => findRelatedFactChecks(slug), RUNS, WARM_UP_RUNS);
      console.log(`Related fact checks of ${slug} (uncached read): p50 ${related.p50.toFixed(1)} ms, p95 ${related.p95.toFixed(1)} ms.`);
    }
  } finally {
    await sql.end();
    await getPrisma().$disconnect();
  }
}

await main();
