import { type Prisma, prisma } from '../db';
import { conflictError } from './conflict';
import { MutationError } from './errors';
import { runInsideMutationTransaction } from './transaction-scope';
import { isUniqueViolation } from './unique-violation';

export type Tx = Prisma.TransactionClient;

/**
 * The refusal for a unique index, called after the rollback (so it may read
 * the row that won the race). Null keeps the original error.
 */
export type UniqueViolationRefusal = () => MutationError | null | Promise<MutationError | null>;

export type RunMutationOptions = {
  /**
   * Unique indexes the change may race on, each with the refusal the user
   * reads ("already exists"): two editors saving the same thing at once get
   * one row and one clear message, never a 500.
   */
  uniqueViolations?: Record<string, UniqueViolationRefusal>;
};

/**
 * Runs one mutation as one transaction: the change and its audit row commit
 * together or not at all. It hands out only the transaction's client: a query
 * through the outer `prisma` inside `work` throws (transaction-scope.ts). A
 * `MutationError.stale(…)` thrown inside becomes the "changed by NAME at TIME"
 * conflict once the transaction has rolled back; a unique violation on a
 * listed index becomes its message.
 */
// A burst of writes (a sign-in flood, many editors at once) queues for the
// pool's connections: waiting is better than failing a user's write after
// Prisma's default 2 s. The work itself is short; a transaction that runs
// past TRANSACTION_TIMEOUT_MS is rolled back.
const TRANSACTION_MAX_WAIT_MS = 15_000;
const TRANSACTION_TIMEOUT_MS = 20_000;

export async function runMutation<T>(work: (tx: Tx) => Promise<T>, options: RunMutationOptions = {}): Promise<T> {
  try {
    return await prisma.$transaction((tx) => runInsideMutationTransaction(() => work(tx)), {
      maxWait: TRANSACTION_MAX_WAIT_MS,
      timeout: TRANSACTION_TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof MutationError && error.staleRecord) throw await conflictError(error.staleRecord);
    for (const [index, refusal] of Object.entries(options.uniqueViolations ?? {})) {
      if (!isUniqueViolation(error, index)) continue;
      const refused = await refusal();
      if (refused) throw refused;
    }
    throw error;
  }
}
