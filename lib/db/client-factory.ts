import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

/** A Prisma client over its own pool of `max` connections to `url`. */
export function newPrismaClient(url: string, pool: { max: number; connectionTimeoutMillis?: number; query_timeout?: number }): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, ...pool }) });
}
