/** Next's incremental cache handler (next.config.ts `cacheHandler`): Redis when REDIS_URL is set, else Next's file-system cache. */
export default class AttestCacheHandler {
  constructor(ctx: Record<string, unknown>);
  get(key: string, ctx: Record<string, unknown>): Promise<unknown>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
/** Closes this process's Redis connection (tests, graceful shutdown). */
export function closeSharedCache(): Promise<void>;
