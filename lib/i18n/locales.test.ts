import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultLocale, localeFromAcceptLanguage, localizedPath, splitLocalePrefix } from './locales';

describe('interface languages', () => {
  test('a browser language picks the interface language, by preference order and region', () => {
    assert.equal(localeFromAcceptLanguage('en-US,en;q=0.9'), 'en');
    assert.equal(localeFromAcceptLanguage('fr-CA,fr;q=0.9,en;q=0.5'), 'fr');
    assert.equal(localeFromAcceptLanguage('de-DE,en;q=0.7,fr;q=0.8'), 'fr');
    assert.equal(localeFromAcceptLanguage('de-DE'), null);
    assert.equal(localeFromAcceptLanguage('*'), null);
    assert.equal(localeFromAcceptLanguage(''), null);
    assert.equal(localeFromAcceptLanguage(null), null);
  });

  test('public paths are unprefixed in the default language and prefixed in the other', () => {
    const other = defaultLocale === 'fr' ? 'en' : 'fr';
    assert.equal(localizedPath('/claims/x', defaultLocale), '/claims/x');
    assert.equal(localizedPath('/', defaultLocale), '/');
    assert.equal(localizedPath('/claims/x', other), `/${other}/claims/x`);
    assert.equal(localizedPath('/', other), `/${other}`);
  });

  test('a public path is split into its language and the path without the prefix', () => {
    assert.deepEqual(splitLocalePrefix('/en/claims/x'), { locale: 'en', path: '/claims/x' });
    assert.deepEqual(splitLocalePrefix('/fr'), { locale: 'fr', path: '/' });
    assert.deepEqual(splitLocalePrefix('/claims/x'), { locale: defaultLocale, path: '/claims/x' });
    assert.deepEqual(splitLocalePrefix('/english/x'), { locale: defaultLocale, path: '/english/x' });
  });
});
