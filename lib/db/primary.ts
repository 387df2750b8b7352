import type { PrismaClient } from '../generated/prisma/client';
import { env } from '../env';
import { newPrismaClient } from './client-factory';

// One primary client per process. In development Next.js reloads modules on
// every change; keeping the client on globalThis stops each reload opening a
// new pool.
const globalForPrisma = globalThis as unknown as { attestPrisma?: PrismaClient };

/** The client of the primary database (DATABASE_URL): every write, every dashboard read. */
export function getPrimaryClient(): PrismaClient {
  if (!globalForPrisma.attestPrisma) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    globalForPrisma.attestPrisma = newPrismaClient(DATABASE_URL, { name: 'primary', max: DATABASE_POOL_SIZE });
  }
  return globalForPrisma.attestPrisma;
}
