import type { PrismaClient } from '../generated/prisma/client';
import { env } from '../env';
import { newPrismaClient } from './client-factory';
import { parseLsn } from './lsn';
import { log } from '../observability/log';

// The streaming replicas of DATABASE_REPLICA_URLS, and how far each has
// replayed the primary's log. A replica's replay position only grows: once
// seen past X it is past X for good, so it is asked again only when a public
// read needs a newer position than the one last seen.

export type Replica = {
  url: string;
  client: PrismaClient;
  /** Last replay position seen (-1 before the first answer). */
  replayed: bigint;
  /** The one question in flight, shared by every read that waits for it. */
  asking: Promise<void> | null;
  /** Not used until then (ms since the epoch), after it failed. */
  downUntil: number;
};

const PROBE_TIMEOUT_MS = 1000;
const DOWN_FOR_MS = 5000;

const globalForReplicas = globalThis as unknown as { attestReplicas?: { urls: string; replicas: Replica[]; next: number } };

function replicaSet() {
  const urls = env().DATABASE_REPLICA_URLS;
  const key = urls.join(',');
  if (globalForReplicas.attestReplicas?.urls !== key) {
    const { DATABASE_POOL_SIZE } = env();
    globalForReplicas.attestReplicas = {
      urls: key,
      // A replica that does not accept a connection in 2 s, or answer a query in 10 s, fails the read: the primary takes it.
      replicas: urls.map((url, index) => ({ url, client: newPrismaClient(url, { name: `replica-${index + 1}`, max: DATABASE_POOL_SIZE, connectionTimeoutMillis: 2000, query_timeout: 10_000 }), replayed: -1n, asking: null, downUntil: 0 })),
      next: 0,
    };
  }
  return globalForReplicas.attestReplicas;
}

export function hasReplicas(): boolean {
  return env().DATABASE_REPLICA_URLS.length > 0;
}

const lastLogged = new Map<string, number>();
export function logReplicaProblem(replica: Replica, what: string, error?: unknown): void {
  const now = Date.now();
  const key = `${replica.url}:${what}`;
  if (now - (lastLogged.get(key) ?? 0) < 10_000) return;
  lastLogged.set(key, now);
  const message = error instanceof Error ? error.message : error === undefined ? undefined : String(error);
  log.warn({ replica: redactUrl(replica.url), problem: what, ...(message ? { error: message } : {}) }, 'read replica unusable; the primary answers');
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export function markReplicaDown(replica: Replica, error: unknown): void {
  replica.downUntil = Date.now() + DOWN_FOR_MS;
  logReplicaProblem(replica, 'query failed', error);
}

async function askReplayPosition(replica: Replica): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = replica.client.$queryRaw<{ lsn: string | null }[]>`SELECT pg_last_wal_replay_lsn()::text AS lsn`;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
    });
    const [row] = await Promise.race([answer, timeout]);
    if (!row?.lsn) {
      // NULL: not in recovery, so not a replica of anything.
      replica.downUntil = Date.now() + DOWN_FOR_MS;
      logReplicaProblem(replica, 'is not a streaming replica (pg_last_wal_replay_lsn() is NULL)');
      return;
    }
    const replayed = parseLsn(row.lsn);
    if (replayed > replica.replayed) replica.replayed = replayed;
  } catch (error) {
    markReplicaDown(replica, error);
  } finally {
    clearTimeout(timer);
  }
}

async function hasReplayed(replica: Replica, required: bigint): Promise<boolean> {
  if (replica.replayed >= required) return true;
  replica.asking ??= askReplayPosition(replica).finally(() => {
    replica.asking = null;
  });
  await replica.asking;
  return replica.replayed >= required;
}

/**
 * A replica that has replayed at least `required`, taken in turn; null when
 * none has (or none is up): the read then goes to the primary.
 */
export async function replicaCaughtUpTo(required: bigint): Promise<Replica | null> {
  const set = replicaSet();
  const now = Date.now();
  const count = set.replicas.length;
  const start = set.next++ % Math.max(count, 1);
  for (let offset = 0; offset < count; offset++) {
    const replica = set.replicas[(start + offset) % count];
    if (!replica || replica.downUntil > now) continue;
    if (await hasReplayed(replica, required)) return replica;
  }
  return null;
}

/** For tests and shutdown: closes the replicas' pools. */
export async function disconnectReplicas(): Promise<void> {
  const set = globalForReplicas.attestReplicas;
  globalForReplicas.attestReplicas = undefined;
  await Promise.all((set?.replicas ?? []).map((replica) => replica.client.$disconnect()));
}
