import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { publicPage, request, startTestBackend } from '../../deploy/varnish/test-backend.mjs';
import { backendsVcl, startVarnishd, type RunningVarnish } from '../../deploy/varnish/varnishd.mjs';
import { env, varnishUrlsSchema } from '../env';
import { purgeVarnishAfterCommit, purgeVarnishNodes, settleVarnishPurges, type VarnishPurgeFailure, varnishPurgeStats } from './varnish';

// The app's purge against a real varnishd running deploy/varnish/attest.vcl,
// with dead, failing and hanging nodes beside it. Ports of this file: Varnish
// 6184, backends and fake nodes 3225–3229 (3229: nobody listens).

const DEAD_NODE = 'http://127.0.0.1:3229';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ATTEST_VARNISH_URLS', () => {
  test('is a list of base URLs separated by commas or spaces; unset is none', () => {
    assert.deepEqual(varnishUrlsSchema.parse('http://127.0.0.1:6081, http://10.0.0.5:6081/\n https://cache.example.org'), [
      'http://127.0.0.1:6081',
      'http://10.0.0.5:6081',
      'https://cache.example.org',
    ]);
    assert.deepEqual(varnishUrlsSchema.parse(undefined), []);
    assert.deepEqual(varnishUrlsSchema.parse(' '), []);
    assert.deepEqual(varnishUrlsSchema.parse('http://127.0.0.1:6081,http://127.0.0.1:6081'), ['http://127.0.0.1:6081']);
  });

  test('a bad entry is refused with a message naming it', () => {
    for (const bad of ['127.0.0.1:6081', 'ftp://127.0.0.1', 'http://127.0.0.1:6081/purge', 'http://user:pw@127.0.0.1', 'http://127.0.0.1?x=1', 'not a url']) {
      const result = varnishUrlsSchema.safeParse(bad);
      assert.equal(result.success, false, bad);
      assert.ok(result.error.issues.some((issue) => issue.message.includes(bad.split(' ')[0] ?? bad)), bad);
    }
  });
});

describe('purging Varnish by tag', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let varnish: RunningVarnish;
  const servers: Array<http.Server | net.Server> = [];
  const tagsOf: Record<string, string[]> = {
    '/claims/a': ['claims', 'claim:a'],
    '/claims/b': ['claims', 'claim:b'],
    '/claims/c': ['claims', 'claim:c'],
    '/sources/s1': ['source:s1'],
  };

  before(async () => {
    backend = await startTestBackend(3225, (incoming) => publicPage(incoming, { tags: tagsOf[incoming.url ?? ''] ?? [] }));
    varnish = await startVarnishd({ port: 6184, includeText: backendsVcl({ backends: [{ host: '127.0.0.1', port: 3225 }], purgers: ['127.0.0.1'], probeUrl: '/probe' }) });
    // The configuration the write path reads: this Varnish and a node that is down.
    process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/unused';
    process.env.ATTEST_VARNISH_URLS = `${varnish.url}, ${DEAD_NODE}`;
  });
  after(async () => {
    await settleVarnishPurges();
    await varnish?.stop();
    await backend?.close();
    for (const server of servers) {
      if (server instanceof http.Server) server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  const cacheState = async (url: string) => (await request(varnish.url, { path: url })).headers['x-cache'];
  async function warm(...urls: string[]) {
    for (const url of urls) {
      await request(varnish.url, { path: url });
      assert.equal(await cacheState(url), 'HIT', url);
    }
  }

  test('removes exactly the pages carrying the tags', async () => {
    await warm('/claims/a', '/claims/b', '/sources/s1');
    const results = await purgeVarnishNodes([varnish.url], ['claim:a', 'source:s1']);
    assert.deepEqual(results, [{ node: varnish.url, tags: ['claim:a', 'source:s1'], ok: true, purged: 2, attempts: 1 }]);
    assert.equal(await cacheState('/claims/a'), 'MISS');
    assert.equal(await cacheState('/sources/s1'), 'MISS');
    assert.equal(await cacheState('/claims/b'), 'HIT');
  });

  test('a dead node is retried with backoff, each failure logged with node and tags, and nothing is thrown', async () => {
    await warm('/claims/b');
    const before = { ...varnishPurgeStats };
    const failures: VarnishPurgeFailure[] = [];
    const results = await purgeVarnishNodes([varnish.url, DEAD_NODE], ['claim:b'], { attempts: 3, backoffMs: 10, log: (failure) => failures.push(failure) });
    assert.deepEqual(results[0], { node: varnish.url, tags: ['claim:b'], ok: true, purged: 1, attempts: 1 });
    assert.equal(results[1]?.ok, false);
    assert.equal(results[1]?.attempts, 3);
    assert.deepEqual(
      failures.map(({ node, tags, attempt, willRetry }) => ({ node, tags, attempt, willRetry })),
      [1, 2, 3].map((attempt) => ({ node: DEAD_NODE, tags: ['claim:b'], attempt, willRetry: attempt < 3 })),
    );
    assert.match(failures[0]?.error ?? '', /ECONNREFUSED|fetch failed/);
    assert.deepEqual(
      { succeeded: varnishPurgeStats.succeeded - before.succeeded, failedAttempts: varnishPurgeStats.failedAttempts - before.failedAttempts, abandoned: varnishPurgeStats.abandoned - before.abandoned, objectsPurged: varnishPurgeStats.objectsPurged - before.objectsPurged },
      { succeeded: 1, failedAttempts: 3, abandoned: 1, objectsPurged: 1 },
    );
    assert.equal(await cacheState('/claims/b'), 'MISS');
  });

  test('a node that answers an error, or never answers, fails its tries too', async () => {
    const failing = http.createServer((_request, response) => response.writeHead(500).end('boom'));
    const hanging = net.createServer((socket) => socket.on('error', () => {}).setTimeout(1_000, () => socket.destroy()));
    servers.push(failing, hanging);
    await new Promise<void>((resolve) => failing.listen(3226, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => hanging.listen(3227, '127.0.0.1', resolve));
    const failures: VarnishPurgeFailure[] = [];
    const results = await purgeVarnishNodes(['http://127.0.0.1:3226', 'http://127.0.0.1:3227'], ['claims'], { attempts: 2, backoffMs: 10, timeoutMs: 200, log: (failure) => failures.push(failure) });
    assert.deepEqual(results.map((result) => [result.ok, result.attempts]), [[false, 2], [false, 2]]);
    assert.match(failures.find((failure) => failure.node.endsWith(':3226'))?.error ?? '', /HTTP 500 boom/);
    assert.match(failures.find((failure) => failure.node.endsWith(':3227'))?.error ?? '', /timeout|aborted/i);
  });

  test('tags Varnish could not tell apart are logged and not sent; the others are', async () => {
    await warm('/claims/a');
    const failures: VarnishPurgeFailure[] = [];
    const results = await purgeVarnishNodes([varnish.url], ['claim:a', 'has space', 'a,b', 'x\ny', ''], { log: (failure) => failures.push(failure) });
    assert.deepEqual(results.map((result) => result.tags), [['claim:a']]);
    assert.deepEqual(failures.map((failure) => failure.tags), [['has space', 'a,b', 'x\ny', '']]);
    assert.equal(await cacheState('/claims/a'), 'MISS');
  });

  test('many tags are sent in several purges, under Varnish\'s header limit', async () => {
    await warm('/claims/c');
    const tags = [...Array.from({ length: 600 }, (_, index) => `source:c${String(index).padStart(22, '0')}`), 'claim:c'];
    const results = await purgeVarnishNodes([varnish.url], tags);
    assert.ok(results.length > 1);
    assert.ok(results.every((result) => result.ok), JSON.stringify(results.filter((result) => !result.ok)));
    assert.equal(await cacheState('/claims/c'), 'MISS');
  });

  test('the write path reads ATTEST_VARNISH_URLS, never throws, and its second pass removes a page stored after the first', async () => {
    assert.deepEqual(env().ATTEST_VARNISH_URLS, [varnish.url, DEAD_NODE]);
    await warm('/claims/c');
    const before = varnishPurgeStats.succeeded;
    const failures: VarnishPurgeFailure[] = [];
    let purge: Promise<void> | undefined;
    assert.doesNotThrow(() => {
      purge = purgeVarnishAfterCommit(['claim:c', 'claims'], { backoffMs: 10, repurgeAfterMs: 1_500, log: (failure) => failures.push(failure) });
    });
    // First pass done on the live node: a page rendered from data read before
    // the commit lands in the cache now, as a fetch in flight would store it.
    const deadline = Date.now() + 5_000;
    while (varnishPurgeStats.succeeded === before) {
      assert.ok(Date.now() < deadline, 'the first purge did not reach Varnish');
      await sleep(20);
    }
    await warm('/claims/c');
    await settleVarnishPurges();
    await purge;
    assert.equal(await cacheState('/claims/c'), 'MISS');
    assert.equal(varnishPurgeStats.succeeded - before, 2);
    // The dead node: three tries in each of the two passes, logged, not thrown.
    assert.equal(failures.filter((failure) => failure.node === DEAD_NODE).length, 6);
  });

  test('with no node configured, nothing is sent and nothing fails', async () => {
    const before = { ...varnishPurgeStats };
    await purgeVarnishAfterCommit(['claims'], { nodes: [] });
    assert.deepEqual({ ...varnishPurgeStats }, before);
  });
});
