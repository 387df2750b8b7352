import type Redis from 'ioredis';
/** An ioredis client that fails fast while disconnected; `connected()` waits only for the first connection (≤ 1 s). */
export function createFailFastRedis(url: string, onError: (error: Error) => void): { redis: Redis; connected: () => Promise<boolean> };
