import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { onShutdown, registerDatabasePool } from '../observability/runtime.mjs';

/**
 * A Prisma client over its own pool of `max` connections to `url`. Our own
 * pg pool rather than the adapter's, so that /api/metrics can read its counts
 * under `name`; $disconnect ends it, which scripts/serve.mjs does on SIGTERM.
 */
export function newPrismaClient(
  url: string,
  options: { name: string; max: number; connectionTimeoutMillis?: number; query_timeout?: number },
): PrismaClient {
  const { name, ...poolOptions } = options;
  const pool = new pg.Pool({ connectionString: url, ...poolOptions });
  registerDatabasePool(name, pool);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  onShutdown(`database (${name})`, () => client.$disconnect());
  return client;
}
