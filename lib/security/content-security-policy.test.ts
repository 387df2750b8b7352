import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, createNonce, parseContentSecurityPolicy, PUBLIC_SCRIPT_POLICY } from './content-security-policy';

const noncePolicy = (options = {}) => parseContentSecurityPolicy(contentSecurityPolicy({ kind: 'nonce', nonce: 'abc123==' }, options));
const publicPolicy = (options = {}) => parseContentSecurityPolicy(contentSecurityPolicy(PUBLIC_SCRIPT_POLICY, options));

test('the nonce policy runs only scripts carrying the nonce and what they load', () => {
  const policy = noncePolicy();
  assert.deepEqual(policy.get('script-src'), ["'nonce-abc123=='", "'strict-dynamic'"]);
  assert.deepEqual(policy.get('script-src-attr'), ["'none'"]);
});

test('both policies lock down plugins, <base>, framing and form targets', () => {
  for (const policy of [noncePolicy(), publicPolicy()]) {
    assert.deepEqual(policy.get('default-src'), ["'self'"]);
    assert.deepEqual(policy.get('object-src'), ["'none'"]);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
    assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(policy.get('form-action'), ["'self'"]);
    assert.deepEqual(policy.get('style-src'), ["'self'"]);
  }
});

test('the public policy allows this origin’s script files and inline payload scripts, never inline event handlers', () => {
  const policy = publicPolicy();
  assert.deepEqual(policy.get('script-src'), ["'self'", "'unsafe-inline'"]);
  assert.deepEqual(policy.get('script-src-attr'), ["'none'"]);
});

test('eval is allowed only for `next dev`', () => {
  for (const policy of [noncePolicy(), publicPolicy()]) {
    assert.ok(![...policy.values()].flat().includes("'unsafe-eval'"), 'a production policy never allows eval');
  }
  for (const policy of [noncePolicy({ development: true }), publicPolicy({ development: true })]) {
    assert.ok(policy.get('script-src')?.includes("'unsafe-eval'"));
  }
});

test('every nonce is 128 fresh random bits', () => {
  const nonces = new Set(Array.from({ length: 1000 }, createNonce));
  assert.equal(nonces.size, 1000);
  for (const nonce of nonces) {
    assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    assert.equal(Buffer.from(nonce, 'base64').length, 16);
  }
});
