import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { segmentTextByQuotes } from './highlight';
import { highlightSlots } from './highlight-slots';

/**
 * What the stylesheet outlines when #quote-<id> is the target: the marks
 * carrying the target's slot after its anchor, up to the next anchor of that
 * slot (app/globals.css). Replays the page's element order.
 */
function outlinedText(text: string, ranges: { id: string; start: number; end: number }[], target: string): string {
  const slots = highlightSlots(ranges);
  const slot = slots.get(target);
  let inside = false;
  let outlined = '';
  for (const segment of segmentTextByQuotes(text, ranges)) {
    for (const id of segment.startingQuoteIds) {
      if (slots.get(id) !== slot) continue;
      inside = id === target;
    }
    if (inside && segment.quoteIds.some((id) => slots.get(id) === slot)) outlined += segment.text;
  }
  return outlined;
}

describe('slots of the highlighted quotes', () => {
  test('overlapping quotes never share a slot; quotes that only touch may', () => {
    const slots = highlightSlots([
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 5, end: 15 },
      { id: 'c', start: 10, end: 20 },
      { id: 'd', start: 6, end: 8 },
    ]);
    assert.deepEqual(Object.fromEntries(slots), { a: 0, b: 1, d: 2, c: 0 });
  });

  test('the marks outlined for a target are exactly its text, however the quotes overlap', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    const ranges = [
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 5, end: 15 },
      { id: 'c', start: 10, end: 20 },
      { id: 'd', start: 6, end: 8 },
      { id: 'e', start: 5, end: 15 },
      { id: 'f', start: 22, end: 25 },
    ];
    for (const range of ranges) {
      assert.equal(outlinedText(text, ranges, range.id), text.slice(range.start, range.end), `quote ${range.id}`);
    }
  });

  test('an empty or negative range gets no slot', () => {
    assert.deepEqual([...highlightSlots([{ id: 'x', start: 4, end: 4 }, { id: 'y', start: -1, end: 3 }]).keys()], []);
  });
});
