import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordVarnishPurge } from './metrics.mjs';
import { bearerTokenMatches, metricsResponse } from './scrape';

const TOKEN = 'metrics-token-0123456789abcdef';

describe('bearerTokenMatches', () => {
  test('accepts exactly "Bearer <token>"', () => {
    assert.equal(bearerTokenMatches(`Bearer ${TOKEN}`, TOKEN), true);
    assert.equal(bearerTokenMatches(`bearer ${TOKEN}`, TOKEN), true);
  });

  test('refuses anything else', () => {
    for (const header of [null, '', TOKEN, `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer  ${TOKEN} extra`, 'Bearer ', `Bearer ${'x'.repeat(10_000)}`]) {
      assert.equal(bearerTokenMatches(header, TOKEN), false, String(header).slice(0, 40));
    }
  });
});

describe('metricsResponse', () => {
  test('no token configured: 404, whatever the request sends', async () => {
    const response = await metricsResponse(`Bearer ${TOKEN}`, undefined);
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  test('wrong or missing token: 401 with a Bearer challenge', async () => {
    for (const header of [null, 'Bearer wrong-token-wrong-token']) {
      const response = await metricsResponse(header, TOKEN);
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="metrics"');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.doesNotMatch(await response.text(), new RegExp(TOKEN));
    }
  });

  test('the right token: the exposition text, with the purge counter and process metrics', async () => {
    recordVarnishPurge('ok');
    recordVarnishPurge('Not A Result\n');
    const response = await metricsResponse(`Bearer ${TOKEN}`, TOKEN);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    assert.match(text, /^attest_varnish_purges_total\{result="ok"\} 1$/m);
    assert.match(text, /^attest_varnish_purges_total\{result="other"\} 1$/m);
    assert.match(text, /^process_resident_memory_bytes \d+/m);
    assert.match(text, /^nodejs_eventloop_lag_seconds /m);
    assert.match(text, /^# TYPE http_request_duration_seconds histogram$/m);
  });
});
