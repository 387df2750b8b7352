import { prisma, type PrismaClient } from '@/lib/db';

/** Resolves when PostgreSQL answers a trivial query over the app's own pool. */
export async function pingDatabase(client: Pick<PrismaClient, '$queryRaw'> = prisma): Promise<void> {
  await client.$queryRaw`SELECT 1`;
}
