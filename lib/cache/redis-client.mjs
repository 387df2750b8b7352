// The Redis connection of the state several instances share (Next's cache,
// the last public write's position). Plain JavaScript: Next's cache handler
// (next-cache-handler.mjs) is loaded outside the bundles and imports it too.
//
// A request never waits for Redis: a command while disconnected fails at
// once (no offline queue) and the caller degrades. Only the first requests
// of a process wait, once and for at most a second, for the first connection.

import Redis from 'ioredis';

const FIRST_CONNECTION_WAIT_MS = 1000;

/** @param {string} url @param {(error: Error) => void} onError */
export function createFailFastRedis(url, onError) {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    commandTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  redis.on('error', onError);
  const firstConnection = new Promise((resolve) => {
    const timer = setTimeout(resolve, FIRST_CONNECTION_WAIT_MS);
    timer.unref();
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
  return {
    redis,
    /** Whether commands can be sent now. */
    async connected() {
      if (redis.status !== 'ready') await firstConnection;
      return redis.status === 'ready';
    },
  };
}
