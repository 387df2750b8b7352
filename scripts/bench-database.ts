// The scratch database a benchmark fills: named attest_bench…, created if
// missing, migrated and seeded (the seed is idempotent), so that a benchmark
// never runs against a database someone cares about; and the benchmark
// archive the scripts share (claims, sources), added to it.

import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * DATABASE_URL, once it names a ready attest_bench… database; exits with a
 * message otherwise. `purpose` says what the benchmark is about to do to it.
 */
export async function prepareBenchDatabase(purpose: string): Promise<{ url: string; name: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to a scratch database whose name starts with attest_bench.');
    process.exit(2);
  }
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name.startsWith('attest_bench')) {
    console.error(`Refusing to use "${name}" for ${purpose}: the database name must start with attest_bench.`);
    process.exit(2);
  }
  const serverUrl = new URL(url);
  serverUrl.pathname = '/postgres';
  const admin = postgres(serverUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (!exists) await admin.unsafe(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  console.log(`Preparing ${name}: migrations and seed…`);
  for (const [label, args] of [
    ['prisma migrate deploy', ['node_modules/prisma/build/index.js', 'migrate', 'deploy']],
    ['seed', ['scripts/run-tsx.mjs', 'seed/index.ts']],
  ] as const) {
    const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DATABASE_URL: url } });
    if (result.status !== 0) throw new Error(`${label} failed`);
  }
  return { url, name };
}

/** The vocabulary of the benchmark claims (and of the sources' titles). */
export const BENCH_WORDS = [
  'soldats', 'nord-coréens', 'Koursk', 'Russie', 'Ukraine', 'Pyongyang', 'Moscou', 'missiles', 'munitions', 'troupes',
  'déploiement', 'frontière', 'alliance', 'nucléaire', 'sanctions', 'Kiev', 'Séoul', 'Washington', 'OTAN', 'combat',
  'offensive', 'renseignement', 'ministre', 'président', 'déclaration', 'accord', 'armée', 'drones', 'artillerie', 'coréens',
];
const TAGS = Array.from({ length: 40 }, (_, i) => `sujet-${i + 1}`);

/**
 * Adds claims (with claimants, tags and verdicts) until there are
 * `targetClaims` of them. Words, statuses, dates and tags are drawn from the
 * row number, so re-runs build the same archive; a database already filled
 * is left as it is.
 */
export async function fillBenchClaims(sql: postgres.Sql, targetClaims: number) {
  const [{ n: existing } = { n: 0 }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM claims`;
  const missing = targetClaims - existing;
  if (missing <= 0) {
    console.log(`${existing} claims already there.`);
    return;
  }
  console.log(`Adding ${missing} claims to the ${existing} already there…`);
  const started = performance.now();
  await sql`
    INSERT INTO claimants (id, slug, name, kind, updated_at)
    SELECT 'bench_claimant_' || g, 'bench-claimant-' || g, 'Porte-parole ' || g, 'PERSON', now()
    FROM generate_series(1, 300) g
    ON CONFLICT DO NOTHING`;
  const offset = existing;
  // Words, statuses, dates and tags drawn from the row number, so re-runs build the same archive.
  await sql`
    WITH claimant_ids AS (SELECT array_agg(id ORDER BY id) AS ids FROM claimants),
    rows AS (
      SELECT g, (hashtext(g::text) & 2147483647) AS h,
             timestamp '2022-01-01' + ((hashtext('t' || g) & 2147483647) % (3 * 365 * 24 * 3600)) * interval '1 second' AS created
      FROM generate_series(${offset + 1}::int, ${offset + missing}::int) g
    )
    INSERT INTO claims (id, slug, text, summary, language, claimant_id, claimed_at, tags, status, published_at, archived_at,
                        archive_reason, created_at, updated_at)
    SELECT 'bench_' || g, 'bench-' || g,
           'Selon la déclaration ' || g || ', les ' || (${BENCH_WORDS}::text[])[1 + h % 30] || ' et les ' || (${BENCH_WORDS}::text[])[1 + (h / 30) % 30]
             || ' de ' || (${BENCH_WORDS}::text[])[1 + (h / 900) % 30] || ' changent la donne.',
           left('Déclaration ' || g || ' : ' || (${BENCH_WORDS}::text[])[1 + (h / 7) % 30] || ' et ' || (${BENCH_WORDS}::text[])[1 + (h / 11) % 30], 75),
           'fr',
           ids[1 + h % array_length(ids, 1)],
           CASE WHEN h % 5 = 0 THEN NULL ELSE (created - ((h % 60) || ' days')::interval)::date END,
           CASE h % 4 WHEN 0 THEN ARRAY[]::text[] WHEN 1 THEN ARRAY[(${TAGS}::text[])[1 + h % 40]]
                ELSE ARRAY[(${TAGS}::text[])[1 + h % 40], (${TAGS}::text[])[1 + (h / 40) % 40]] END,
           (CASE WHEN h % 100 < 10 THEN 'DRAFT' WHEN h % 100 < 15 THEN 'IN_REVIEW' WHEN h % 100 < 95 THEN 'PUBLISHED' ELSE 'ARCHIVED' END)::"ClaimStatus",
           CASE WHEN h % 100 >= 15 THEN created + interval '2 days' END,
           CASE WHEN h % 100 >= 95 THEN created + interval '40 days' END,
           CASE WHEN h % 100 >= 95 THEN 'Archivé pour le banc d’essai' END,
           created,
           created + ((h % 30) || ' days')::interval
    FROM rows, claimant_ids`;
  // One verdict for most claims: published for public ones, submitted in review, a draft for some drafts.
  await sql`
    WITH rating_ids AS (SELECT array_agg(id ORDER BY position) AS ids FROM ratings),
         author AS (SELECT id FROM users ORDER BY created_at LIMIT 1)
    INSERT INTO verdicts (id, claim_id, number, rating_id, headline, explanation, as_of, author_id, state, submitted_at, published_at, updated_at)
    SELECT 'bench_verdict_' || c.id, c.id, 1, ids[1 + (hashtext(c.id) & 2147483647) % array_length(ids, 1)],
           'Verdict du banc d’essai', 'Explication.', c.created_at::date, author.id,
           (CASE c.status WHEN 'IN_REVIEW' THEN 'SUBMITTED' WHEN 'DRAFT' THEN 'DRAFT' ELSE 'PUBLISHED' END)::"VerdictState",
           CASE WHEN c.status <> 'DRAFT' THEN c.created_at + interval '1 day' END,
           c.published_at, c.updated_at
    FROM claims c, rating_ids, author
    WHERE c.id LIKE 'bench\\_%' AND (c.status <> 'DRAFT' OR (hashtext(c.id) & 2147483647) % 3 = 0)
    ON CONFLICT DO NOTHING`;
  // VACUUM, not only ANALYZE: it also merges the GIN indexes' pending entries, as autovacuum
  // soon would on a live database (until then every search scans them one by one).
  await sql`VACUUM ANALYZE`;
  console.log(`Filled in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

const PUBLISHERS = ['Agence de presse', 'Le Quotidien', 'Radio Nationale', 'La Gazette', 'Le Journal du soir', 'Télévision publique'];

/**
 * Adds archived sources until there are `targetSources`, and quotes one
 * benchmark claim in every fifth of them (so that about a fifth are public):
 * titles from the claims' vocabulary, texts that hash as the database checks.
 */
export async function fillBenchSources(sql: postgres.Sql, targetSources: number) {
  const [{ n: existing } = { n: 0 }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sources`;
  const missing = targetSources - existing;
  if (missing <= 0) {
    console.log(`${existing} sources already there.`);
    return;
  }
  console.log(`Adding ${missing} sources to the ${existing} already there…`);
  const started = performance.now();
  await sql`
    WITH rows AS (
      SELECT g, (hashtext('s' || g) & 2147483647) AS h FROM generate_series(${existing + 1}::int, ${existing + missing}::int) g
    ),
    texts AS (
      SELECT g, h, 'Article ' || g || ' : ' || (${BENCH_WORDS}::text[])[1 + h % 30] || ', ' || (${BENCH_WORDS}::text[])[1 + (h / 30) % 30]
               || ' et ' || (${BENCH_WORDS}::text[])[1 + (h / 900) % 30] AS title,
             'Texte archivé de l’article ' || g || '. Il y est question de ' || (${BENCH_WORDS}::text[])[1 + (h / 7) % 30] || '.' AS body
      FROM rows
    )
    INSERT INTO sources (id, title, publisher, language, published_at, retrieved_at, raw_text, text, sha256, created_at, updated_at)
    SELECT 'bench_source_' || g, title, (${PUBLISHERS}::text[])[1 + h % 6], 'fr',
           (date '2022-01-01' + (h % 1000)), now(), body, body, encode(sha256(convert_to(body, 'UTF8')), 'hex'), now(), now()
    FROM texts
    ON CONFLICT DO NOTHING`;
  // "Texte" at the start of every fifth source, quoted by one benchmark claim.
  await sql`
    INSERT INTO appearances (id, claim_id, source_id, speaker_id, stance, exact, prefix, suffix, start, "end")
    SELECT 'bench_appearance_' || s.g, c.id, 'bench_source_' || s.g, c.claimant_id, 'REPORTS', 'Texte', '', ' archivé', 0, 5
    FROM generate_series(${existing + 1}::int, ${existing + missing}::int) AS s(g)
    JOIN claims c ON c.id = 'bench_' || s.g
    WHERE s.g % 5 = 0
    ON CONFLICT DO NOTHING`;
  // VACUUM, not only ANALYZE: it also merges the GIN indexes' pending entries, as autovacuum
  // soon would on a live database (until then every search scans them one by one).
  await sql`VACUUM ANALYZE`;
  console.log(`Filled in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

/** A whole-number command-line option --name=N of a benchmark, or its default. */
export function benchOption(name: string, fallback: number): number {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

export type BenchTiming = { p50: number; p95: number };

/** p50 and p95 (milliseconds) of `runs` runs of `work`, after `warmUps` unmeasured ones (plans, buffers, connections). */
export async function timeRuns(work: () => Promise<unknown>, runs: number, warmUps = 1): Promise<BenchTiming> {
  for (let i = 0; i < warmUps; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.ceil(fraction * samples.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}
