import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';
import { assertOutsideMutationTransaction } from './mutations/transaction-scope';
import { onShutdown, registerDatabasePool } from './observability/runtime.mjs';

// One client per process. In development Next.js reloads modules on every
// change; keeping the client on globalThis stops each reload opening a new pool.
// No 'server-only' here: the seed and the tests import this file too.
const globalForPrisma = globalThis as unknown as { attestPrisma?: PrismaClient };

function createPrismaClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  // Our own pool rather than the adapter's, so /api/metrics can read its
  // counts; $disconnect ends it, which scripts/serve.mjs does on SIGTERM.
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE });
  registerDatabasePool('primary', pool);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  onShutdown('database', () => client.$disconnect());
  return client;
}

export function getPrisma(): PrismaClient {
  globalForPrisma.attestPrisma ??= createPrismaClient();
  return globalForPrisma.attestPrisma;
}

/** Lazily-connected client: importing this module opens no connection. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    assertOutsideMutationTransaction(property);
    const client = getPrisma();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export type { PrismaClient };
export { Prisma } from './generated/prisma/client';
