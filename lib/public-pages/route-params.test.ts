import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultLocale, locales } from '../i18n/locales';
import { pageParam } from './route-params';

test('an unprefixed page decodes its still-encoded segment once; a prefixed page keeps it as handed over', () => {
  const other = locales.find((locale) => locale !== defaultLocale) ?? 'en';
  assert.equal(pageParam('%C3%89tats-Unis', defaultLocale), 'États-Unis');
  assert.equal(pageParam('troupes%20nord-cor%C3%A9ennes', defaultLocale), 'troupes nord-coréennes');
  assert.equal(pageParam('hausse de 5%', defaultLocale), 'hausse de 5%', 'a lone % is not an escape');
  assert.equal(pageParam('%E0%A4%A', defaultLocale), '%E0%A4%A');
  assert.equal(pageParam('États-Unis', other), 'États-Unis');
  assert.equal(pageParam('5%25', other), '5%25');
});
