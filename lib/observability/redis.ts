import { Redis } from 'ioredis';
import { componentLogger } from './logger.mjs';
import { onShutdown } from './runtime.mjs';

// The Redis connection /api/health/ready pings. One per process and URL,
// created on the first check (a process without REDIS_URL never makes one),
// kept on globalThis for the reason runtime.mjs gives.
//
// Redis being down must make the instance "not ready", never crash it: the
// client has an 'error' listener (ioredis would otherwise print every failed
// reconnect), reconnects in the background with a capped backoff, and fails
// a command at once when the connection drops instead of queueing it.

const CLIENTS = Symbol.for('attest.observability.redis');
const CONNECT_TIMEOUT_MS = 1_000;
const logger = componentLogger('redis');

type GlobalWithClients = typeof globalThis & { [CLIENTS]?: Map<string, Redis> };

function clients(): Map<string, Redis> {
  const global = globalThis as GlobalWithClients;
  global[CLIENTS] ??= new Map();
  return global[CLIENTS];
}

function createClient(url: string): Redis {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    // While disconnected a PING fails at once rather than piling up in a queue, one per probe.
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  let lastLogged = 0;
  client.on('error', (error: Error) => {
    // One line a minute is enough to say Redis is unreachable; readiness says it on every probe.
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    logger.warn({ err: { message: error.message } }, 'redis connection error');
  });
  onShutdown(`redis:${clients().size}`, async () => {
    await client.quit().catch(() => client.disconnect());
  });
  return client;
}

export function redisClient(url: string): Redis {
  const existing = clients().get(url);
  if (existing) return existing;
  const client = createClient(url);
  clients().set(url, client);
  return client;
}

/** Resolves when Redis at url answers PING; rejects otherwise (unreachable, refused, wrong password…). */
export async function pingRedis(url: string): Promise<void> {
  const client = redisClient(url);
  if (client.status === 'wait') await client.connect();
  const answer = await client.ping();
  if (answer !== 'PONG') throw new Error(`unexpected PING answer`);
}
