import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import {
  UNKNOWN_CLIENT_ADDRESS,
  clientAddressFromHeaders,
  normalizeAddress,
  parseTrustedProxies,
  resolveClientAddress,
  trustedProxiesFromEnv,
} from './client-address';

const none = parseTrustedProxies(undefined);

describe('normalizeAddress', () => {
  const cases: [string | undefined, string | null][] = [
    ['203.0.113.7', '203.0.113.7'],
    ['  203.0.113.7 ', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:cb00:7107', '203.0.113.7'],
    ['[::ffff:203.0.113.7]:443', '203.0.113.7'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['[2001:db8::1]:8443', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::1', '::1'],
    ['', null],
    [undefined, null],
    ['unknown', null],
    ['203.0.113.07', null],
    ['203.0.113', null],
    ['evil.example', null],
    ['203.0.113.7, 198.51.100.1', null],
  ];
  for (const [raw, expected] of cases) {
    test(`${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => assert.equal(normalizeAddress(raw), expected));
  }
});

describe('ATTEST_TRUSTED_PROXIES', () => {
  test('matches IPv4 and IPv6 addresses and CIDR ranges, IPv4-mapped IPv6 included', () => {
    const proxies = parseTrustedProxies(' 10.0.0.0/8, 192.168.1.10 ,2001:db8:aa::/48, ::1, ::ffff:172.16.0.0/108 ');
    for (const inside of ['10.0.0.1', '10.255.255.255', '192.168.1.10', '2001:db8:aa::1', '2001:db8:aa:ffff::9', '::1', '172.16.3.4', '172.31.255.255']) {
      assert.equal(proxies.includes(inside), true, inside);
    }
    for (const outside of ['11.0.0.1', '192.168.1.11', '2001:db8:ab::1', '::2', '172.32.0.1', '9.255.255.255']) {
      assert.equal(proxies.includes(outside), false, outside);
    }
    // An IPv4 range also covers the mapped form, once normalized as the resolver does.
    assert.equal(proxies.includes(normalizeAddress('::ffff:10.1.2.3') ?? ''), true);
  });

  test('unset or empty trusts nobody', () => {
    for (const value of [undefined, '', ' , ']) {
      const proxies = parseTrustedProxies(value);
      assert.equal(proxies.isEmpty, true);
      assert.equal(proxies.includes('127.0.0.1'), false);
    }
  });

  test('a malformed entry is refused with its text, rather than trusting nobody or everybody', () => {
    for (const entry of ['10.0.0.0/33', '10.0.0.0/', 'proxy.internal', '10.0.0.0/8/9', '2001:db8::/129', '::ffff:10.0.0.0/90', '10.0.0.0/abc']) {
      assert.throws(() => parseTrustedProxies(`127.0.0.1, ${entry}`), new RegExp(`ATTEST_TRUSTED_PROXIES: .*${entry.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    }
  });
});

describe('resolveClientAddress', () => {
  const proxies = parseTrustedProxies('10.0.0.0/8, 2001:db8::/32');

  test('without trusted proxies, the socket address wins over anything the client wrote', () => {
    assert.equal(resolveClientAddress('198.51.100.20', '203.0.113.1, 203.0.113.2', none), '198.51.100.20');
    assert.equal(resolveClientAddress('::ffff:198.51.100.20', null, none), '198.51.100.20');
  });

  test('behind trusted proxies, the right-most address that is not a proxy is the client', () => {
    // The client forged the left-most entry; the proxies appended the rest.
    assert.equal(resolveClientAddress('10.0.0.2', '1.1.1.1, 198.51.100.20, 10.0.0.3', proxies), '198.51.100.20');
    assert.equal(resolveClientAddress('2001:db8::5', '198.51.100.21', proxies), '198.51.100.21');
    assert.equal(resolveClientAddress('10.0.0.2', '2001:db9::1', proxies), '2001:db9::1');
  });

  test('an untrusted peer is the client even when it sends X-Forwarded-For', () => {
    assert.equal(resolveClientAddress('198.51.100.30', '10.0.0.9', proxies), '198.51.100.30');
  });

  test('when every hop is a trusted proxy, the left-most one is the client', () => {
    assert.equal(resolveClientAddress('10.0.0.2', '10.0.0.7', proxies), '10.0.0.7');
    assert.equal(resolveClientAddress('10.0.0.2', '', proxies), '10.0.0.2');
  });

  test('a missing peer or an unparseable hop is the shared unknown address, never none', () => {
    assert.equal(resolveClientAddress(undefined, '198.51.100.40', none), UNKNOWN_CLIENT_ADDRESS);
    assert.equal(resolveClientAddress('', '198.51.100.40', proxies), UNKNOWN_CLIENT_ADDRESS);
    assert.equal(resolveClientAddress('10.0.0.2', '198.51.100.40, garbage', proxies), UNKNOWN_CLIENT_ADDRESS);
    assert.equal(resolveClientAddress('10.0.0.2', '198.51.100.40, , 10.0.0.4', proxies), '198.51.100.40');
  });
});

describe('clientAddressFromHeaders', () => {
  const marker = Symbol.for('attest.peerAddressHeader');
  const globals = globalThis as Record<symbol, unknown>;
  afterEach(() => {
    delete globals[marker];
  });

  test('believes the peer-address header only when scripts/serve.mjs put it there', () => {
    const headers = new Headers({ 'x-attest-peer-address': '198.51.100.50', 'x-forwarded-for': '203.0.113.9' });
    assert.equal(clientAddressFromHeaders(headers, none), UNKNOWN_CLIENT_ADDRESS, 'another server: the header may come from the client');
    globals[marker] = 'x-attest-peer-address';
    assert.equal(clientAddressFromHeaders(headers, none), '198.51.100.50');
    assert.equal(clientAddressFromHeaders(new Headers({ 'x-forwarded-for': '203.0.113.9' }), none), UNKNOWN_CLIENT_ADDRESS);
  });

  test('reads ATTEST_TRUSTED_PROXIES from the environment', () => {
    globals[marker] = 'x-attest-peer-address';
    const headers = new Headers({ 'x-attest-peer-address': '127.0.0.1', 'x-forwarded-for': '203.0.113.9' });
    assert.equal(clientAddressFromHeaders(headers, trustedProxiesFromEnv({ ATTEST_TRUSTED_PROXIES: '127.0.0.1/32' })), '203.0.113.9');
    assert.equal(clientAddressFromHeaders(headers, trustedProxiesFromEnv({})), '127.0.0.1');
  });
});
