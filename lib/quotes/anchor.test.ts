import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { anchorAt, locateQuote, sliceCodePoints, verifyAnchor } from './anchor';

const text = 'Le Kremlin a qualifié ces informations de « fausses nouvelles ». Le Kremlin l’a redit.';

describe('locateQuote', () => {
  test('finds a verbatim quote with its offsets and 32-character context', () => {
    const [anchor, ...others] = locateQuote(text, 'fausses nouvelles');
    assert.equal(others.length, 0);
    assert.ok(anchor);
    assert.equal(text.slice(anchor.start, anchor.end), 'fausses nouvelles');
    assert.equal(anchor.prefix, text.slice(Math.max(0, anchor.start - 32), anchor.start));
    assert.equal(anchor.suffix, text.slice(anchor.end, anchor.end + 32));
    assert.equal(verifyAnchor(text, anchor), null);
  });

  test('reports every occurrence so the editor can pick one', () => {
    const anchors = locateQuote(text, 'Le Kremlin');
    assert.deepEqual(anchors.map((a) => a.start), [0, 65]);
  });

  test('returns nothing for a quote that is not in the text', () => {
    assert.deepEqual(locateQuote(text, 'Pyongyang'), []);
    assert.deepEqual(locateQuote(text, '   '), []);
  });

  test('matches typed straight quotes and apostrophes but stores the source characters', () => {
    const [anchor] = locateQuote(text, 'de "fausses   nouvelles"');
    assert.ok(anchor);
    assert.equal(anchor.exact, 'de « fausses nouvelles »');
    const [apostrophe] = locateQuote(text, "Kremlin l'a redit");
    assert.equal(apostrophe?.exact, 'Kremlin l’a redit');
  });

  test('counts code points, not UTF-16 units, after astral characters', () => {
    const withEmoji = '🇰🇵 Pyongyang dément. 🇷🇺 Moscou aussi.';
    const [anchor] = locateQuote(withEmoji, 'Moscou aussi');
    assert.ok(anchor);
    assert.equal(sliceCodePoints(withEmoji, anchor.start, anchor.end), 'Moscou aussi');
    assert.notEqual(withEmoji.slice(anchor.start, anchor.end), 'Moscou aussi');
    assert.equal(verifyAnchor(withEmoji, anchor), null);
  });
});

describe('verifyAnchor', () => {
  test('detects a quote whose offsets no longer match the text', () => {
    const anchor = anchorAt(text, 3, 10);
    assert.equal(verifyAnchor(text, anchor), null);
    assert.equal(verifyAnchor(text, { ...anchor, start: 4, end: 11 }), 'EXACT_MISMATCH');
    assert.equal(verifyAnchor(text, { ...anchor, prefix: 'XX' }), 'PREFIX_MISMATCH');
    assert.equal(verifyAnchor(text, { ...anchor, suffix: 'nope' }), 'SUFFIX_MISMATCH');
    assert.equal(verifyAnchor(text, { ...anchor, end: 10_000 }), 'OUT_OF_RANGE');
  });
});
