// Process-wide operational state, shared by scripts/serve.mjs (plain Node)
// and the app's server code (bundled by Next.js).
//
// Why globalThis: Next bundles lib/ into its own chunks, so a module imported
// by serve.mjs and the "same" module imported by a route handler are two
// module instances in one process. A flag set by one would be invisible to
// the other; a value under a Symbol.for key on globalThis is seen by both.
// Plain JavaScript (with runtime.d.mts for TypeScript) so serve.mjs can
// import it without a build step.

const STATE = Symbol.for('attest.observability.runtime');

function state() {
  globalThis[STATE] ??= { shuttingDown: false, shutdownHooks: new Map(), databasePools: new Map() };
  return globalThis[STATE];
}

/** From now on /api/health/ready answers 503, so load balancers stop sending traffic here. */
export function markShuttingDown() {
  state().shuttingDown = true;
}

export function isShuttingDown() {
  return state().shuttingDown;
}

/**
 * Registers what must be closed after the last request, once per name (a
 * module evaluated twice, in serve.mjs and in Next's bundle, replaces its
 * own entry instead of closing twice).
 */
export function onShutdown(name, close) {
  state().shutdownHooks.set(name, close);
}

/** Runs every shutdown hook, in parallel; returns the names of those that failed or took longer than timeoutMs. */
export async function runShutdownHooks(timeoutMs = 2_000) {
  const hooks = [...state().shutdownHooks.entries()];
  state().shutdownHooks.clear();
  const results = await Promise.all(
    hooks.map(async ([name, close]) => {
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} did not close within ${timeoutMs} ms`)), timeoutMs);
        timer.unref?.();
      });
      try {
        await Promise.race([Promise.resolve().then(close), timeout]);
        return null;
      } catch (error) {
        return { name, message: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return results.filter((result) => result !== null);
}

/** A node-postgres pool whose counts /api/metrics reports, under a name such as "primary". */
export function registerDatabasePool(name, pool) {
  state().databasePools.set(name, pool);
}

export function databasePools() {
  return [...state().databasePools.entries()];
}
