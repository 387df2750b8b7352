import { env } from '@/lib/env';
import { componentLogger } from './logger.mjs';
import { pingDatabase } from './queries';
import { pingRedis } from './redis';
import { isShuttingDown } from './runtime.mjs';

// Liveness and readiness, for load balancers, Varnish probes and
// orchestrators (app/api/health/{live,ready}).
//
// Live: the process serves requests. Nothing else, so that a database
// outage never makes an orchestrator restart every healthy instance.
// Ready: this instance can answer requests now: PostgreSQL (and Redis, when
// REDIS_URL is set) answer within CHECK_TIMEOUT_MS, and the server is not
// stopping (scripts/serve.mjs marks it on SIGTERM, so probes take the
// instance out while it finishes its requests).
//
// Probes arrive every second or so from each prober: checks running at the
// same moment share one round trip instead of queueing on the pool.

const CHECK_TIMEOUT_MS = 2_000;
const logger = componentLogger('health');

export type DependencyName = 'database' | 'redis';
export type DependencyState = 'ok' | 'failed' | 'timeout';
export type Readiness =
  | { status: 'ok'; checks: Partial<Record<DependencyName, DependencyState>> }
  | { status: 'unavailable'; failed: DependencyName[]; checks: Partial<Record<DependencyName, DependencyState>> }
  | { status: 'shutting-down' };

export type ReadinessOptions = {
  /** Defaults to REDIS_URL; undefined means no Redis to check. */
  redisUrl?: string | undefined;
  /** Defaults to a query over the app's pool. */
  database?: () => Promise<void>;
};

async function withinTimeout(name: DependencyName, check: () => Promise<void>): Promise<DependencyState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CHECK_TIMEOUT_MS);
  });
  try {
    const state = await Promise.race([check().then(() => 'ok' as const), timeout]);
    if (state === 'timeout') logger.warn({ dependency: name, timeoutMs: CHECK_TIMEOUT_MS }, 'readiness check timed out');
    return state;
  } catch (error) {
    // The message stays in the log (it may name a host); the probe's answer only names the dependency.
    logger.warn({ dependency: name, err: { message: error instanceof Error ? error.message : String(error) } }, 'readiness check failed');
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

async function runChecks(options: ReadinessOptions): Promise<Readiness> {
  const redisUrl = 'redisUrl' in options ? options.redisUrl : env().REDIS_URL;
  const [database, redis] = await Promise.all([
    withinTimeout('database', options.database ?? (() => pingDatabase())),
    redisUrl ? withinTimeout('redis', () => pingRedis(redisUrl)) : undefined,
  ]);
  const checks: Partial<Record<DependencyName, DependencyState>> = redis ? { database, redis } : { database };
  const failed = (Object.keys(checks) as DependencyName[]).filter((name) => checks[name] !== 'ok');
  return failed.length === 0 ? { status: 'ok', checks } : { status: 'unavailable', failed, checks };
}

let inFlight: Promise<Readiness> | undefined;

export async function checkReadiness(options: ReadinessOptions = {}): Promise<Readiness> {
  if (isShuttingDown()) return { status: 'shutting-down' };
  // Only the default checks are shared: a caller passing its own options gets its own answer.
  if (Object.keys(options).length > 0) return runChecks(options);
  inFlight ??= runChecks(options).finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}
