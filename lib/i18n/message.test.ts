import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeMessage, message } from './message';

describe('translatable messages from lib/', () => {
  test('a key with values survives the trip through a plain string', () => {
    const at = new Date('2026-12-01T09:30:00.000Z');
    const decoded = decodeMessage(message('errors.conflict', { what: 'claim', by: 'Rémi « R » Reviewer', at, count: 3 }));
    assert.deepEqual(decoded, { key: 'errors.conflict', values: { what: 'claim', by: 'Rémi « R » Reviewer', at, count: 3 } });
    assert.deepEqual(decodeMessage(message('errors.notFound')), { key: 'errors.notFound', values: {} });
  });

  test('a string that is not one is left as it is', () => {
    assert.equal(decodeMessage('This claim no longer exists.'), null);
  });
});
