import type Redis from 'ioredis';
import { createFailFastRedis } from '../cache/redis-client.mjs';
import { env } from '../env';
import { log } from '../observability/log';
import { onShutdown } from '../observability/runtime.mjs';
import { lsnSortKey, parseLsn } from './lsn';
import { getPrimaryClient } from './primary';

// The position in the primary's write-ahead log of the last commit that
// changed public content, shared by every instance (Redis when REDIS_URL is
// set, else this process's memory). A public read goes to a replica only if
// that replica has replayed at least this far (lib/db/replicas.ts): the page
// that refills a cache after a publish never reads the old verdict.

const KEY_SUFFIX = 'last-public-write-lsn';

// Keeps the larger of the stored and the given position (both 16 hex digits:
// text order is number order), atomically across instances.
const KEEP_MAX = `
local current = redis.call('GET', KEYS[1])
if current == false or current < ARGV[1] then redis.call('SET', KEYS[1], ARGV[1]) end
return 1`;

type State = { localMax: bigint; unsent: bigint | null; redis: Redis | null; connected: () => Promise<boolean>; blind: boolean };
const globalState = globalThis as unknown as { attestPublicWrites?: State };

function state(): State {
  if (!globalState.attestPublicWrites) {
    const { REDIS_URL } = env();
    const current: State = { localMax: 0n, unsent: null, redis: null, connected: async () => false, blind: false };
    if (REDIS_URL) {
      const { redis, connected } = createFailFastRedis(REDIS_URL, (error) => logOnce('redis', error));
      current.connected = connected;
      // A position noted while Redis was down is sent when it is back.
      redis.on('ready', () => {
        const unsent = current.unsent;
        current.unsent = null;
        if (unsent !== null) void storeShared(current, unsent);
      });
      current.redis = redis;
      // A stopping server (scripts/serve.mjs) closes it with the database pools.
      onShutdown('redis (last public write)', resetPublicWrites);
    }
    globalState.attestPublicWrites = current;
  }
  return globalState.attestPublicWrites;
}

const lastLogged = new Map<string, number>();
function logOnce(what: string, error: unknown): void {
  const now = Date.now();
  if (now - (lastLogged.get(what) ?? 0) < 10_000) return;
  lastLogged.set(what, now);
  log.warn({ problem: what, error: error instanceof Error ? error.message : String(error) }, 'last public write position: Redis failed');
}

function sharedKey(): string {
  return `${env().ATTEST_CACHE_PREFIX}${KEY_SUFFIX}`;
}

async function storeShared(current: State, lsn: bigint): Promise<void> {
  if (!current.redis) return;
  try {
    if (!(await current.connected())) throw new Error('Redis is not connected');
    await current.redis.eval(KEEP_MAX, 1, sharedKey(), lsnSortKey(lsn));
  } catch (error) {
    logOnce('storing the last public write position', error);
    if (current.unsent === null || current.unsent < lsn) current.unsent = lsn;
  }
}

/**
 * Call after a commit that changed public content, before its cache tags
 * expire (lib/actions/revalidate.ts does): from then on public reads wait
 * for replicas that have replayed it. Does nothing without replicas.
 */
export async function notePublicWrite(): Promise<void> {
  if (env().DATABASE_REPLICA_URLS.length === 0) return;
  const current = state();
  try {
    const [row] = await getPrimaryClient().$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
    if (!row) return;
    const lsn = parseLsn(row.lsn);
    if (lsn > current.localMax) current.localMax = lsn;
    current.blind = false;
    await storeShared(current, lsn);
  } catch (error) {
    // The write has committed; without its position every public read of
    // this process goes to the primary until a note succeeds again.
    current.blind = true;
    logOnce('reading the primary write position', error);
  }
}

/**
 * How far a replica must have replayed to answer a public read, or null when
 * that cannot be known (Redis unreachable): then the primary answers.
 */
export async function requiredReplayLsn(): Promise<bigint | null> {
  const current = state();
  if (current.blind) return null;
  if (!current.redis) return current.localMax;
  try {
    if (!(await current.connected())) throw new Error('Redis is not connected');
    const stored = await current.redis.get(sharedKey());
    const shared = stored === null ? 0n : BigInt(`0x${stored}`);
    return shared > current.localMax ? shared : current.localMax;
  } catch (error) {
    logOnce('reading the last public write position', error);
    return null;
  }
}

/** For tests and graceful shutdown: forgets this process's state and closes its Redis connection. */
export async function resetPublicWrites(): Promise<void> {
  const current = globalState.attestPublicWrites;
  globalState.attestPublicWrites = undefined;
  if (current?.redis) await current.redis.quit().catch(() => current.redis?.disconnect());
}
