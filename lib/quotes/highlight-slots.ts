import type { HighlightRange } from './highlight';

/**
 * How many slots the stylesheet knows (app/globals.css, "the quote a reader
 * followed"): a quote given a higher slot still shows its label when a link
 * targets it, but its marks are not outlined.
 */
export const TARGET_SLOTS = 4;

/**
 * Gives every quote a slot number (0, 1, 2…) that no quote overlapping it
 * has: the smallest free one, taking the quotes by where they start (the
 * greedy colouring, optimal for intervals: a text where at most n quotes
 * overlap at any point needs n slots). Quotes that only touch (one ends where
 * the other starts) do not overlap. The highlighted text uses it so that CSS
 * can tell the marks of the targeted quote from its neighbours'
 * (app/components/highlighted-text.tsx).
 */
export function highlightSlots(ranges: readonly HighlightRange[]): Map<string, number> {
  const valid = ranges.filter((range) => range.start >= 0 && range.end > range.start);
  const ordered = [...valid].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  /** Where each slot's last quote ends. */
  const slotEnds: number[] = [];
  const slots = new Map<string, number>();
  for (const range of ordered) {
    let slot = slotEnds.findIndex((end) => end <= range.start);
    if (slot === -1) slot = slotEnds.length;
    slotEnds[slot] = range.end;
    slots.set(range.id, slot);
  }
  return slots;
}
