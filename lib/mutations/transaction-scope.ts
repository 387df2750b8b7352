import { AsyncLocalStorage } from 'node:async_hooks';

// Marks the async context of a running mutation transaction (runMutation).
// lib/db.ts asks it before every query through the outer client: on the
// embedded database (one transaction at a time) such a query waits for the
// transaction that waits for it, and hangs. Refusing it turns a hang that
// only the embedded database shows into an error every test sees.
const insideTransaction = new AsyncLocalStorage<true>();

export function runInsideMutationTransaction<T>(work: () => Promise<T>): Promise<T> {
  return insideTransaction.run(true, work);
}

export function assertOutsideMutationTransaction(property: PropertyKey): void {
  if (insideTransaction.getStore() === true) {
    throw new Error(`prisma.${String(property)} was used inside a mutation's transaction: use the transaction client (tx) that runMutation hands out.`);
  }
}
