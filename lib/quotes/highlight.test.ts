import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentTextByQuotes } from './highlight';

test('splits text into plain and highlighted segments, overlaps included', () => {
  const text = 'Moscou dément. Washington affirme. Séoul aussi.';
  const segments = segmentTextByQuotes(text, [
    { id: 'a', start: 15, end: 34 },
    { id: 'b', start: 26, end: 47 },
  ]);
  assert.equal(segments.map((s) => s.text).join(''), text);
  assert.deepEqual(
    segments.map((s) => [s.text, s.quoteIds, s.startingQuoteIds]),
    [
      ['Moscou dément. ', [], []],
      ['Washington ', ['a'], ['a']],
      ['affirme.', ['a', 'b'], ['b']],
      [' Séoul aussi.', ['b'], []],
    ],
  );
});

test('ignores ranges that fall outside the text instead of cutting it wrongly', () => {
  const segments = segmentTextByQuotes('abc', [{ id: 'x', start: 2, end: 10 }]);
  assert.deepEqual(segments, [{ text: 'abc', quoteIds: [], startingQuoteIds: [] }]);
});
