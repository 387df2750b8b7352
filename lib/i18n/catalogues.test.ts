import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogueEntries } from '../testing/messages';
import { locales } from './locales';

// The message catalogues: the same keys in every language, and French
// typography in the French one (the UI's strings are written, not generated).

const catalogues = new Map(locales.map((locale) => [locale, catalogueEntries(locale)]));

describe('message catalogues', () => {
  test('every key exists in every language', () => {
    const [first, ...others] = locales;
    const reference = catalogues.get(first) ?? new Map<string, string>();
    for (const locale of others) {
      const keys = catalogues.get(locale) ?? new Map<string, string>();
      const missing = [...reference.keys()].filter((key) => !keys.has(key));
      const extra = [...keys.keys()].filter((key) => !reference.has(key));
      assert.deepEqual(missing, [], `keys in ${first}.json missing from ${locale}.json`);
      assert.deepEqual(extra, [], `keys in ${locale}.json missing from ${first}.json`);
    }
  });

  test('no message is empty', () => {
    for (const [locale, entries] of catalogues) {
      const empty = [...entries].filter(([, text]) => text.trim() === '').map(([key]) => key);
      assert.deepEqual(empty, [], `empty messages in ${locale}.json`);
    }
  });

  test('French messages use non-breaking spaces before ; : ! ? and inside « », and as thousands separators', () => {
    const problems: string[] = [];
    for (const [key, text] of catalogues.get('fr') ?? []) {
      // ICU placeholders and tags ({count}, <link>) are not typography.
      const prose = text.replace(/\{[^{}]*\}/g, 'X').replace(/<\/?[a-z]+>/g, '');
      if (/[^\s\u00a0\u202f][;!?]/.test(prose) && !/https?:/.test(prose)) problems.push(`${key}: no narrow no-break space before ; ! ?`);
      if (/ [;:!?]/.test(prose)) problems.push(`${key}: ordinary space before a high punctuation mark`);
      if (/[^\s\u00a0\u202f]:(?!\/\/)/.test(prose)) problems.push(`${key}: no no-break space before :`);
      if (/[«»]/.test(prose.replaceAll('«\u00a0', '').replaceAll('\u00a0»', ''))) problems.push(`${key}: guillemets need no-break spaces inside`);
      if (/\d \d{3}\b/.test(prose)) problems.push(`${key}: ordinary space as a thousands separator`);
    }
    assert.deepEqual(problems, []);
  });
});
