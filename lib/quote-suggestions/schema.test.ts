import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newClaimFromSuggestionHref } from './links';
import { quoteOfPassage, readSuggestedPassage } from './schema';

// The link a suggested quote opens is a URL anyone can edit: what reads as a
// passage is kept, anything else is reported as malformed, never thrown.

const query = (href: string) => Object.fromEntries(new URL(href, 'http://attest.test').searchParams);

describe('reading a suggestion link', () => {
  test('reads back what the source page wrote', () => {
    const href = newClaimFromSuggestionHref('src_1', { start: 12, end: 40, stance: 'DENIES', speakerId: 'cl_1', speakerName: 'le Kremlin' });
    assert.deepEqual(readSuggestedPassage(query(href)), {
      kind: 'passage',
      passage: { source: 'src_1', start: 12, end: 40, stance: 'DENIES', speakerId: 'cl_1', speakerName: 'le Kremlin' },
    });
  });

  test('no offsets: no passage (a plain ?source= only picks the source)', () => {
    assert.deepEqual(readSuggestedPassage({}), { kind: 'none' });
    assert.deepEqual(readSuggestedPassage({ source: 'src_1' }), { kind: 'none' });
  });

  test('offsets that cannot be a passage are malformed', () => {
    for (const params of [
      { source: 'src_1', start: 'abc', end: '12' },
      { source: 'src_1', start: '10', end: '5' },
      { source: 'src_1', start: '5', end: '5' },
      { source: 'src_1', start: '-1', end: '5' },
      { source: 'src_1', start: '1.5', end: '5' },
      { source: 'src_1', start: '0', end: '2147483648' },
      { source: 'src_1', start: ['1', '2'], end: '9' },
      { source: '', start: '0', end: '5' },
      { source: 'a\u0000b', start: '0', end: '5' },
      { start: '0', end: '5' },
    ]) {
      assert.deepEqual(readSuggestedPassage(params), { kind: 'malformed' }, JSON.stringify(params));
    }
  });

  test('an unreadable stance, speaker or name falls back to the defaults, the passage is kept', () => {
    const read = readSuggestedPassage({ source: 'src_1', start: '0', end: '5', stance: 'LIES', speaker: ['a', 'b'], speakerName: 'x'.repeat(201) });
    assert.deepEqual(read, { kind: 'passage', passage: { source: 'src_1', start: 0, end: 5, stance: 'ASSERTS', speakerId: null, speakerName: null } });
    const blank = readSuggestedPassage({ source: 'src_1', start: '0', end: '5', speaker: '', speakerName: '  ' });
    assert.deepEqual(blank, { kind: 'passage', passage: { source: 'src_1', start: 0, end: 5, stance: 'ASSERTS', speakerId: null, speakerName: null } });
  });
});

describe('the quote a passage names in its source', () => {
  const text = '😀 « Nous ne céderons pas », a déclaré la ministre.';
  test('the source’s own characters at code-point offsets, with their context', () => {
    const quote = quoteOfPassage(text, { start: 4, end: 25 });
    assert.equal(quote?.exact, 'Nous ne céderons pas ');
    assert.equal(quote?.prefix, '😀 « ');
  });
  test('none past the end, for only spaces, or longer than an appearance takes (the save would refuse it)', () => {
    assert.equal(quoteOfPassage(text, { start: 4, end: 400 }), null);
    assert.equal(quoteOfPassage(text, { start: 1, end: 2 }), null);
    const long = 'mot '.repeat(2000);
    assert.equal(quoteOfPassage(long, { start: 0, end: 5001 }), null);
    assert.equal(quoteOfPassage(long, { start: 0, end: 5000 })?.exact.length, 5000);
  });
});
