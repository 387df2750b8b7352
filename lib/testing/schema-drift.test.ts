import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from './test-database';

// prisma/schema.prisma and prisma/migrations must describe the same database:
// a model change without its migration (or the reverse) fails here, not in
// production. Raw-SQL parts of the migrations (triggers, partial and
// expression indexes) are invisible to Prisma's diff, as they should be.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let db: TestDatabase;

before(async () => {
  db = await createTestDatabase();
});
after(async () => {
  await db?.drop();
});

test('the migrations produce exactly the Prisma schema', () => {
  const result = spawnSync(
    process.execPath,
    ['node_modules/prisma/build/index.js', 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--script', '--exit-code'],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.url }, encoding: 'utf8', timeout: 120_000 },
  );
  // --exit-code: 0 = no difference, 2 = the schema needs a migration.
  assert.equal(result.status, 0, `schema and migrations differ:\n${result.stdout}\n${result.stderr}`);
});
