// The scratch database a benchmark fills: named attest_bench…, created if
// missing, migrated and seeded (the seed is idempotent), so that a benchmark
// never runs against a database someone cares about.

import { spawnSync } from 'node:child_process';
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
