import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageParam } from './route-params';

test('a page decodes a still-encoded segment once, and keeps a decoded one as it is', () => {
  assert.equal(pageParam('%C3%89tats-Unis'), 'États-Unis');
  assert.equal(pageParam('troupes%20nord-cor%C3%A9ennes'), 'troupes nord-coréennes');
  assert.equal(pageParam('États-Unis'), 'États-Unis');
  assert.equal(pageParam('hausse de 5%'), 'hausse de 5%', 'a lone % is not an escape');
  assert.equal(pageParam('%E0%A4%A'), '%E0%A4%A');
});
