import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import postgres from 'postgres';
import { assertLocalDatabaseUrl } from '../../scripts/local-database.mjs';
import { PrismaClient } from '../generated/prisma/client';

// Integration tests run against real PostgreSQL. `npm test` (scripts/test.mjs)
// migrates and seeds one template database; every test file clones it, so
// files never see each other's writes and a clone takes well under a second.

export type TestDatabase = {
  url: string;
  prisma: PrismaClient;
  /** postgres.js client for assertions written in SQL. */
  sql: postgres.Sql;
  drop: () => Promise<void>;
};

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.ATTEST_TEST_SERVER_URL;
  const template = process.env.ATTEST_TEST_TEMPLATE_DB;
  if (!serverUrl || !template) {
    throw new Error('Run integration tests through `npm test`, which prepares the template database (ATTEST_TEST_SERVER_URL / ATTEST_TEST_TEMPLATE_DB).');
  }
  assertLocalDatabaseUrl(serverUrl);
  const name = `attest_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }

  const url = withDatabase(serverUrl, name);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  return {
    url,
    prisma,
    sql,
    drop: async () => {
      await prisma.$disconnect();
      await sql.end();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
