import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLsn, lsnSortKey, parseLsn } from './lsn';

test('LSNs compare as 64-bit numbers, not as text or floats', () => {
  assert.ok(parseLsn('9/0') < parseLsn('10/0'), "'9/0' sorts after '10/0' as text");
  assert.ok(parseLsn('0/FFFFFFFF') < parseLsn('1/0'));
  // Past 2^53 a float could not tell these apart.
  assert.ok(parseLsn('FFFFFFFF/FFFFFFFE') < parseLsn('FFFFFFFF/FFFFFFFF'));
  assert.equal(formatLsn(parseLsn('16/B374D848')), '16/B374D848');
});

test('the fixed-width key sorts as text in the order of the positions', () => {
  const positions = ['10/0', '9/FFFFFFFF', '0/3000000', 'A/1'].map(parseLsn);
  const byKey = [...positions].sort((a, b) => (lsnSortKey(a) < lsnSortKey(b) ? -1 : 1));
  const byNumber = [...positions].sort((a, b) => (a < b ? -1 : 1));
  assert.deepEqual(byKey, byNumber);
});

test('anything else is refused', () => {
  for (const text of ['', '0', '0/', '/0', 'G/0', '0/123456789', '1/2/3']) assert.throws(() => parseLsn(text), /not a PostgreSQL LSN/);
});
