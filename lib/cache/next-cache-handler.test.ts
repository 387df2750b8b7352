import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import AttestCacheHandler, { closeSharedCache } from './next-cache-handler.mjs';

// The handler against the machine's real Redis (127.0.0.1:6379), under a key
// prefix of this run. "Instance B" is another Node process: it has its own
// Redis connection and its own copy of Next's in-process tag state, as a
// second app instance would.

const REDIS_URL = process.env.ATTEST_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/4';
const HANDLER_URL = pathToFileURL(fileURLToPath(new URL('./next-cache-handler.mjs', import.meta.url))).href;
const prefix = `attest-test-shared:${randomBytes(4).toString('hex')}:`;
const run = promisify(execFile);

type HandlerContext = { kind: string; tags?: string[]; softTags?: string[]; fetchCache?: boolean; revalidate?: number };
type Handler = {
  get(key: string, ctx: HandlerContext): Promise<{ lastModified: number; value: Record<string, unknown> } | null>;
  set(key: string, data: unknown, ctx: HandlerContext): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
};

function handlerHere(): Handler {
  return new AttestCacheHandler({}) as unknown as Handler;
}

/** One operation on a fresh process ("instance B"); returns what it printed as JSON. */
async function onInstanceB(operation: 'get' | 'revalidateTag', ...args: unknown[]): Promise<unknown> {
  const script = `
    const { default: Handler, closeSharedCache } = await import(${JSON.stringify(HANDLER_URL)});
    const handler = new Handler({});
    const args = JSON.parse(process.argv[1]);
    const result = await handler[${JSON.stringify(operation)}](...args);
    process.stdout.write(JSON.stringify(result ?? null));
    await closeSharedCache();`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(args)], {
    env: { ...process.env, REDIS_URL, ATTEST_CACHE_PREFIX: prefix },
  });
  return JSON.parse(stdout);
}

const fetchContext = (tags: string[]): HandlerContext => ({ kind: 'FETCH', fetchCache: true, tags, softTags: [], revalidate: 300 });
const fetchEntry = (body: string, tags: string[]) => ({
  kind: 'FETCH',
  data: { headers: {}, body: Buffer.from(JSON.stringify(body)).toString('base64'), status: 200, url: '' },
  revalidate: 300,
  tags,
});

describe('the shared Next cache (REDIS_URL set)', () => {
  let redis: Redis;

  before(async () => {
    process.env.REDIS_URL = REDIS_URL;
    process.env.ATTEST_CACHE_PREFIX = prefix;
    redis = new Redis(REDIS_URL);
    assert.equal(await redis.ping(), 'PONG', `Redis is not reachable at ${REDIS_URL}`);
  });

  after(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await closeSharedCache();
    delete process.env.REDIS_URL;
    delete process.env.ATTEST_CACHE_PREFIX;
  });

  test('an entry set on one instance is read on another', async () => {
    await handlerHere().set('claim-a', fetchEntry('verdict one', ['claim:a']), fetchContext(['claim:a']));
    const seen = (await onInstanceB('get', 'claim-a', fetchContext(['claim:a']))) as { value: { data: { body: string } } } | null;
    assert.ok(seen, 'instance B missed an entry instance A wrote');
    assert.equal(JSON.parse(Buffer.from(seen.value.data.body, 'base64').toString()), 'verdict one');
  });

  test('a tag expired on instance A is a miss on instance B at once, and the reverse', async () => {
    const here = handlerHere();
    await here.set('claim-b', fetchEntry('old verdict', ['claim:b']), fetchContext(['claim:b']));
    assert.ok(await onInstanceB('get', 'claim-b', fetchContext(['claim:b'])), 'instance B should see the entry before the expiry');
    await here.revalidateTag(['claim:b']);
    assert.equal(await onInstanceB('get', 'claim-b', fetchContext(['claim:b'])), null, 'instance B served an entry whose tag instance A expired');

    await here.set('claim-c', fetchEntry('old verdict', ['claim:c']), fetchContext(['claim:c']));
    await new Promise((resolve) => setTimeout(resolve, 2)); // the expiry must come after the entry's read
    await onInstanceB('revalidateTag', 'claim:c');
    assert.equal(await handlerHere().get('claim-c', fetchContext(['claim:c'])), null, 'instance A served an entry whose tag instance B expired');
  });

  test('an entry refilled after the expiry is fresh again everywhere', async () => {
    const here = handlerHere();
    await here.set('claim-d', fetchEntry('old verdict', ['claim:d']), fetchContext(['claim:d']));
    await new Promise((resolve) => setTimeout(resolve, 2));
    await here.revalidateTag('claim:d');
    await new Promise((resolve) => setTimeout(resolve, 2));
    assert.equal(await here.get('claim-d', fetchContext(['claim:d'])), null);
    await here.set('claim-d', fetchEntry('new verdict', ['claim:d']), fetchContext(['claim:d']));
    const seen = (await onInstanceB('get', 'claim-d', fetchContext(['claim:d']))) as { value: { data: { body: string } } } | null;
    assert.ok(seen, 'the refilled entry should be a hit');
    assert.equal(JSON.parse(Buffer.from(seen.value.data.body, 'base64').toString()), 'new verdict');
  });

  test('data read before an expiry and written after it is not taken for fresh', async () => {
    const here = handlerHere();
    // A render starts (miss), an editor publishes meanwhile, then the render stores what it read.
    assert.equal(await here.get('claim-e', fetchContext(['claim:e'])), null);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await onInstanceB('revalidateTag', 'claim:e');
    await here.set('claim-e', fetchEntry('read before the publish', ['claim:e']), fetchContext(['claim:e']));
    assert.equal(await onInstanceB('get', 'claim-e', fetchContext(['claim:e'])), null);
  });

  test('ISR pages keep their payload (Buffers, segment Maps) and expire by the tags in their header', async () => {
    const here = handlerHere();
    const page = {
      kind: 'APP_PAGE',
      html: '<html>claim</html>',
      rscData: Buffer.from('rsc payload'),
      headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/claims/x,claim:x' },
      postponed: undefined,
      status: 200,
      segmentData: new Map([['/_tree', Buffer.from('tree')]]),
    };
    await here.set('/claims/x', page, { kind: 'APP_PAGE', cacheControl: { revalidate: 300, expire: 3600 } } as HandlerContext);
    const read = await here.get('/claims/x', { kind: 'APP_PAGE' });
    assert.ok(read);
    assert.ok(Buffer.isBuffer(read.value.rscData));
    assert.equal(String(read.value.rscData), 'rsc payload');
    assert.ok(read.value.segmentData instanceof Map);
    assert.equal(String((read.value.segmentData as Map<string, Buffer>).get('/_tree')), 'tree');
    await new Promise((resolve) => setTimeout(resolve, 2));
    await onInstanceB('revalidateTag', ['claim:x']);
    assert.equal(await here.get('/claims/x', { kind: 'APP_PAGE' }), null);
  });

  test('revalidateTag with a profile marks entries stale on the other instance (served, then refreshed)', async () => {
    const here = handlerHere();
    await here.set('claim-f', fetchEntry('verdict', ['claim:f']), fetchContext(['claim:f']));
    await new Promise((resolve) => setTimeout(resolve, 2));
    await onInstanceB('revalidateTag', ['claim:f'], { expire: 3600 });
    const read = await here.get('claim-f', fetchContext(['claim:f']));
    assert.ok(read, 'a stale entry is still served');
    const { areTagsStale } = (await import('next/dist/server/lib/incremental-cache/tags-manifest.external.js')) as unknown as {
      areTagsStale: (tags: string[], timestamp: number) => boolean;
    };
    assert.equal(areTagsStale(['claim:f'], read.lastModified), true, "Next's tag state here should say the entry is stale");
  });
});

describe('the shared Next cache with Redis down', () => {
  let dir: string;
  let server: ReturnType<typeof spawn> | undefined;
  const port = 6441;
  const url = `redis://127.0.0.1:${port}`;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-redis-'));
    process.env.REDIS_URL = url;
    process.env.ATTEST_CACHE_PREFIX = prefix;
  });

  after(async () => {
    await closeSharedCache();
    server?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.REDIS_URL;
    delete process.env.ATTEST_CACHE_PREFIX;
  });

  test('reads miss, writes and expiries do not throw, and the expiry reaches Redis once it is back', async () => {
    const here = handlerHere();
    assert.equal(await here.get('anything', fetchContext(['claim:z'])), null);
    await here.set('anything', fetchEntry('x', ['claim:z']), fetchContext(['claim:z']));
    await here.revalidateTag(['claim:z']);

    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => 100 });
    redis.on('error', () => {}); // refused until the server is up
    try {
      const deadline = Date.now() + 10_000;
      let expiry: string | null = null;
      while (Date.now() < deadline) {
        expiry = await redis.hget(`${prefix}tag-expired`, 'claim:z').catch(() => null);
        if (expiry !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(expiry !== null, 'the tag expiry made while Redis was down was not sent when it came back');
    } finally {
      redis.disconnect();
    }
  });
});

describe('the Next cache without REDIS_URL', () => {
  test("is Next's own file-system cache", async () => {
    delete process.env.REDIS_URL;
    const { default: FileSystemCache } = (await import('next/dist/server/lib/incremental-cache/file-system-cache.js')) as unknown as {
      default: new (...args: unknown[]) => unknown;
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-fs-cache-'));
    try {
      const handler = new AttestCacheHandler({ fs: nodeFs(), serverDistDir: dir, flushToDisk: true, dev: false, revalidatedTags: [] }) as unknown as {
        cache: unknown;
      } & Handler;
      assert.ok(handler.cache instanceof FileSystemCache);
      await handler.set('local', fetchEntry('here', ['claim:l']), fetchContext(['claim:l']));
      assert.ok(await handler.get('local', fetchContext(['claim:l'])));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The fs wrapper Next hands its cache (node-fs-methods). */
function nodeFs() {
  return {
    existsSync: fs.existsSync,
    readFile: fs.promises.readFile,
    readFileSync: fs.readFileSync,
    writeFile: (file: string, data: string | Buffer) => fs.promises.writeFile(file, data),
    mkdir: (dir: string) => fs.promises.mkdir(dir, { recursive: true }),
    stat: (file: string) => fs.promises.stat(file),
  };
}
