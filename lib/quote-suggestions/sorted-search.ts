// The one binary search the quote-suggestion engine runs over its sorted lists (quote spans by closing mark, cues
// and candidates by start): every look-up of "what lies near this index" stays logarithmic, which is what keeps
// a 2 MB article or 100,000 quote marks fast.

/** Index of the first item whose position is at or after `index`, in items sorted by that position. */
export function firstAtOrAfter<T>(items: readonly T[], index: number, positionOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const item = items[middle];
    if ((item === undefined ? 0 : positionOf(item)) < index) low = middle + 1;
    else high = middle;
  }
  return low;
}
