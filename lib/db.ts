import type { PrismaClient } from './generated/prisma/client';
import { getPrimaryClient } from './db/primary';
import { publicReadReplicaClient } from './db/public-read';
import { assertOutsideMutationTransaction } from './mutations/transaction-scope';

// No 'server-only' here: the seed and the tests import this file too.

/** The primary database's client (DATABASE_URL). */
export function getPrisma(): PrismaClient {
  return getPrimaryClient();
}

// Inside a public read (lib/db/public-read.ts) reads go to its replica; a
// write or a transaction there still goes to the primary, so that nothing
// that writes can ever reach a read-only standby.
const READ_OPERATIONS: ReadonlySet<PropertyKey> = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
]);
const READ_CLIENT_METHODS: ReadonlySet<PropertyKey> = new Set(['$queryRaw', '$queryRawUnsafe', '$queryRawTyped']);

function bound(source: object, property: PropertyKey): unknown {
  const value: unknown = Reflect.get(source, property, source);
  return typeof value === 'function' ? value.bind(source) : value;
}

function routed(replica: PrismaClient, primary: PrismaClient, property: PropertyKey): unknown {
  if (typeof property === 'string' && property.startsWith('$')) return bound(READ_CLIENT_METHODS.has(property) ? replica : primary, property);
  const delegate: unknown = Reflect.get(replica, property, replica);
  if (typeof delegate !== 'object' || delegate === null) return bound(primary, property);
  // A model (prisma.claim): its reads on the replica, anything else on the primary.
  return new Proxy(delegate, {
    get(replicaModel, operation) {
      return bound(READ_OPERATIONS.has(operation) ? replicaModel : (Reflect.get(primary, property, primary) as object), operation);
    },
  });
}

/** Lazily-connected client: importing this module opens no connection. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    assertOutsideMutationTransaction(property);
    const primary = getPrimaryClient();
    const replica = publicReadReplicaClient();
    return replica ? routed(replica, primary, property) : bound(primary, property);
  },
});

export type { PrismaClient };
export { Prisma } from './generated/prisma/client';
