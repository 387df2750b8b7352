// Next's incremental cache (unstable_cache entries, ISR pages and route
// handlers), shared by every instance through Redis when REDIS_URL is set.
// Without it, Next's own file-system cache runs unchanged: one instance
// works exactly as before.
//
// Plain JavaScript: Next imports this file at run time (next.config.ts
// `cacheHandler`), outside the bundles. The choice is made here, per process
// and at run time, not in next.config.ts: a build made without REDIS_URL
// serves from Redis when the server starts with it.
//
// Written on ioredis rather than @fortedigital/nextjs-cache-handler 3.3.0:
// that package needs Node >= 22 (we run 20.19), ignores Next 16's
// revalidateTag durations, expires a tag by scanning every entry's tag list,
// and deletes entries, so a render that began before the expiry can write its
// old data back after it. Here a tag's expiry is a timestamp in one Redis
// hash that every read checks: instance B sees a tag expired by instance A at
// its next read, and an entry computed from data read before the expiry is
// never taken for fresh.
//
// Redis unreachable degrades to "no cache": a read is a miss (the page or
// query is computed), a write is dropped, a tag expiry is kept in memory and
// sent again when Redis is back. Nothing here throws to Next.

import { createRequire } from 'node:module';
import { onShutdown } from '../observability/runtime.mjs';
import { createFailFastRedis } from './redis-client.mjs';

const require = createRequire(import.meta.url);
const { default: FileSystemCache } = require('next/dist/server/lib/incremental-cache/file-system-cache.js');
// Next's own in-process tag state. Its IncrementalCache decides "stale"
// (serve, then refresh in the background) from it; the shared state is copied
// in before each answer so that a revalidateTag(tag, profile) made on another
// instance marks entries stale here too.
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js');

const PRODUCTION_BUILD_PHASE = 'phase-production-build';
const DEFAULT_PREFIX = 'attest:';
/** Entries without a lifetime of their own (revalidate false) still leave Redis eventually. */
const MAX_ENTRY_SECONDS = 7 * 24 * 3600;
const LOG_INTERVAL_MS = 10_000;
const READ_START_MAX_MS = 60_000;

/** The Redis client of this process, shared by every handler Next creates (one per request). */
let shared;

function sharedStore() {
  const url = process.env.REDIS_URL;
  if (!url || process.env.NEXT_PHASE === PRODUCTION_BUILD_PHASE) return null;
  const prefix = process.env.ATTEST_CACHE_PREFIX || DEFAULT_PREFIX;
  if (shared?.url !== url || shared.prefix !== prefix) {
    shared?.redis.disconnect();
    const { redis, connected } = createFailFastRedis(url, (error) => logProblem('Redis connection', error));
    const store = { url, prefix, redis, connected, pendingTagWrites: new Map(), readStarts: new Map() };
    redis.on('ready', () => void flushPendingTagWrites(store));
    shared = store;
    // A stopping server (scripts/serve.mjs) closes it with the database pools.
    onShutdown('redis (next cache)', closeSharedCache);
  }
  return shared;
}

let lastLog = 0;
function logProblem(what, error) {
  const now = Date.now();
  if (now - lastLog < LOG_INTERVAL_MS) return;
  lastLog = now;
  console.error(JSON.stringify({ level: 'warn', msg: `next cache: ${what} failed, serving uncached`, error: String(error?.message ?? error) }));
}

// Buffers (RSC payloads, route bodies) and Maps (segment data) survive JSON.
function replacer(key, value) {
  const original = this[key];
  if (Buffer.isBuffer(original)) return { $buffer: original.toString('base64') };
  if (original instanceof Map) return { $map: [...original.entries()] };
  return value;
}

function reviver(_key, value) {
  if (value && typeof value === 'object') {
    if (typeof value.$buffer === 'string') return Buffer.from(value.$buffer, 'base64');
    if (Array.isArray(value.$map)) return new Map(value.$map);
  }
  return value;
}

/** Every tag an entry depends on: its own, the implicit path tags, and for pages the tags header. */
function entryTags(entry, ctx) {
  const tags = new Set([...(entry.tags ?? []), ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]);
  const header = entry.value?.headers?.['x-next-cache-tags'];
  if (typeof header === 'string') for (const tag of header.split(',')) if (tag) tags.add(tag);
  return [...tags];
}

function entrySeconds(data, ctx) {
  const expire = ctx?.cacheControl?.expire;
  const revalidate = ctx?.cacheControl?.revalidate ?? data?.revalidate ?? ctx?.revalidate;
  // Kept past its revalidate time so that it can be served stale while it refreshes.
  const seconds = typeof expire === 'number' ? expire : typeof revalidate === 'number' ? revalidate * 2 : MAX_ENTRY_SECONDS;
  return Math.max(1, Math.min(Math.ceil(seconds), MAX_ENTRY_SECONDS));
}

function remember(map, key, value) {
  if (map.size >= 10_000) map.clear();
  map.set(key, value);
}

async function flushPendingTagWrites(store) {
  if (store.pendingTagWrites.size === 0) return;
  const writes = [...store.pendingTagWrites.values()];
  store.pendingTagWrites.clear();
  for (const write of writes) await writeTagTimes(store, write);
}

async function writeTagTimes(store, { tags, stale, expired }) {
  try {
    if (!(await store.connected())) throw new Error('not connected');
    const multi = store.redis.multi();
    for (const tag of tags) {
      if (stale !== undefined) multi.hset(`${store.prefix}tag-stale`, tag, String(stale));
      if (expired !== undefined) multi.hset(`${store.prefix}tag-expired`, tag, String(expired));
    }
    await multi.exec();
  } catch (error) {
    logProblem('tag expiry (kept, sent again on reconnect)', error);
    remember(store.pendingTagWrites, `${tags.join(',')}|${stale}|${expired}`, { tags, stale, expired });
  }
}

class RedisCache {
  constructor(store) {
    this.store = store;
  }

  async get(key, ctx) {
    const { redis, prefix, readStarts } = this.store;
    // The set that follows a miss (or a stale hit) stores data read from now
    // on: an entry is dated by when its data was read, not by when it was
    // written, so data read before a tag expiry is never taken for fresh. The
    // earliest pending read wins; one older than any render is forgotten.
    const started = readStarts.get(key);
    if (started === undefined || Date.now() - started > READ_START_MAX_MS) remember(readStarts, key, Date.now());
    try {
      if (!(await this.store.connected())) return null;
      const raw = await redis.get(`${prefix}entry:${key}`);
      if (raw === null) return null;
      const entry = JSON.parse(raw, reviver);
      const tags = entryTags(entry, ctx);
      if (tags.length > 0) {
        const [expired, stale] = await redis.pipeline().hmget(`${prefix}tag-expired`, ...tags).hmget(`${prefix}tag-stale`, ...tags).exec();
        const now = Date.now();
        for (const [index, tag] of tags.entries()) {
          const expiredAt = Number(expired?.[1]?.[index] ?? Number.NaN);
          const staleAt = Number(stale?.[1]?.[index] ?? Number.NaN);
          if (expiredAt <= now && expiredAt >= entry.lastModified) return null;
          if (!Number.isNaN(expiredAt) || !Number.isNaN(staleAt)) {
            const local = tagsManifest.get(tag) ?? {};
            tagsManifest.set(tag, {
              ...local,
              ...(Number.isNaN(staleAt) || (local.stale ?? 0) >= staleAt ? {} : { stale: staleAt }),
              ...(Number.isNaN(expiredAt) || (local.expired ?? 0) >= expiredAt ? {} : { expired: expiredAt }),
            });
          }
        }
      }
      return { lastModified: entry.lastModified, value: entry.value, ...(entry.cacheControl ? { cacheControl: entry.cacheControl } : {}) };
    } catch (error) {
      logProblem('read', error);
      return null;
    }
  }

  async set(key, data, ctx) {
    const { redis, prefix, readStarts } = this.store;
    const started = readStarts.get(key);
    const lastModified = started !== undefined && Date.now() - started <= READ_START_MAX_MS ? started : Date.now();
    readStarts.delete(key);
    try {
      if (!(await this.store.connected())) return;
      if (data === null) {
        await redis.del(`${prefix}entry:${key}`);
        return;
      }
      const entry = { lastModified, value: data, tags: ctx?.tags ?? data?.tags ?? [], ...(ctx?.cacheControl ? { cacheControl: ctx.cacheControl } : {}) };
      await redis.set(`${prefix}entry:${key}`, JSON.stringify(entry, replacer), 'EX', entrySeconds(data, ctx));
    } catch (error) {
      logProblem('write', error);
    }
  }

  async revalidateTag(tagOrTags, durations) {
    const tags = typeof tagOrTags === 'string' ? [tagOrTags] : [...tagOrTags];
    if (tags.length === 0) return;
    const now = Date.now();
    // As Next's file-system cache does: no durations (updateTag, or a
    // revalidatePath) expires now; a profile marks stale now and expires later.
    const write = durations
      ? { tags, stale: now, expired: durations.expire === undefined ? undefined : now + durations.expire * 1000 }
      : { tags, stale: undefined, expired: now };
    for (const tag of tags) {
      const local = tagsManifest.get(tag) ?? {};
      tagsManifest.set(tag, { ...local, ...(write.stale === undefined ? {} : { stale: write.stale }), ...(write.expired === undefined ? {} : { expired: write.expired }) });
    }
    await writeTagTimes(this.store, write);
  }

  resetRequestCache() {}
}

/** The class next.config.ts names as `cacheHandler`: Next makes one per request. */
export default class AttestCacheHandler {
  constructor(ctx) {
    const store = sharedStore();
    this.cache = store ? new RedisCache(store) : new FileSystemCache(ctx);
  }

  get(key, ctx) {
    return this.cache.get(key, ctx);
  }

  set(key, data, ctx) {
    return this.cache.set(key, data, ctx);
  }

  revalidateTag(tags, durations) {
    return this.cache.revalidateTag(tags, durations);
  }

  resetRequestCache() {
    this.cache.resetRequestCache?.();
  }
}

/** For tests and graceful shutdown: closes this process's Redis connection. */
export async function closeSharedCache() {
  const current = shared;
  shared = undefined;
  if (current) await current.redis.quit().catch(() => current.redis.disconnect());
}
