import { codePointLength, sliceCodePoints } from './anchor';

export type HighlightRange = { id: string; start: number; end: number };

export type TextSegment = {
  text: string;
  /** Ids of the quotes covering this segment; empty for plain text. */
  quoteIds: string[];
  /** Quotes that begin exactly here: the segment carries their page anchors. */
  startingQuoteIds: string[];
};

/**
 * Cuts a text at every quote boundary so overlapping quotes can each be
 * highlighted and linked. Offsets are code points, like the stored anchors.
 */
export function segmentTextByQuotes(text: string, ranges: HighlightRange[]): TextSegment[] {
  const length = codePointLength(text);
  const valid = ranges.filter((r) => r.start >= 0 && r.end > r.start && r.end <= length);
  const boundaries = [...new Set([0, length, ...valid.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i < boundaries.length - 1; i++) {
    const start = boundaries[i] ?? 0;
    const end = boundaries[i + 1] ?? length;
    const covering = valid.filter((r) => r.start <= start && r.end >= end);
    segments.push({
      text: sliceCodePoints(text, start, end),
      quoteIds: covering.map((r) => r.id),
      startingQuoteIds: covering.filter((r) => r.start === start).map((r) => r.id),
    });
  }
  return segments;
}
