// Pass 1 of the quote-suggestion engine: the quoted spans of a text — « », “ ”, „ “ and straight " pairs, with
// nesting, the French spaces inside guillemets and quotes continued over several paragraphs. Kept on its own
// because every later pass asks "is this index inside a quote?" and must get the same answer; the spans are
// sorted and disjoint, so that question is a binary search.

import { countWords, isSpace } from './characters';
import { firstAtOrAfter } from './sorted-search';

/** A straight " opens a quote after these (or at a line start); elsewhere ("9" wide") it is not a quote. */
const BEFORE_STRAIGHT_OPENER = /[\s([{«“—–\-/:;,]/u;

export type QuoteSpan = {
  /** UTF-16 index of the opening and of the closing mark. */
  open: number;
  close: number;
  /** The words inside: marks, padding spaces and an English trailing comma excluded. */
  innerStart: number;
  innerEnd: number;
  words: number;
  /** Closed by the line end because the next paragraph reopens the quote (a statement over several paragraphs). */
  continued: boolean;
};

/**
 * Top-level quote spans, in text order. A stack per line: inner marks (“…” inside «…», ‘…’, « » inside « ») only
 * nest; a mark left open at the line end is dropped, so a stray mark never swallows the rest of the article.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: { mark: string; index: number }[] = [];
  const openCount = new Map<string, number>([['«', 0], ['“', 0], ['"', 0]]);
  const push = (mark: string, index: number): void => {
    stack.push({ mark, index });
    openCount.set(mark, (openCount.get(mark) ?? 0) + 1);
  };
  const closeTo = (mark: string, index: number): void => {
    // Pop everything opened after the matching mark (unclosed inner marks), then the mark itself.
    for (;;) {
      const top = stack.pop();
      if (!top) return;
      openCount.set(top.mark, (openCount.get(top.mark) ?? 1) - 1);
      if (top.mark === mark) {
        if (stack.length === 0) spans.push({ ...makeSpan(text, top.index, index), continued: false });
        return;
      }
    }
  };
  const reset = (): void => {
    stack.length = 0;
    for (const mark of openCount.keys()) openCount.set(mark, 0);
  };

  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n') {
      // Press convention for a quote over several paragraphs: no closing mark at the end of a paragraph, an
      // opening mark again at the start of the next. The paragraph is then a quote of its own.
      const only = stack.length === 1 ? stack[0] : undefined;
      if (only && (only.mark === '«' || only.mark === '“') && nextLineOpensWith(text, i, only.mark)) {
        spans.push({ ...makeSpan(text, only.index, i), continued: true });
      }
      reset();
    } else if (char === '«') {
      push('«', i);
    } else if (char === '»') {
      if ((openCount.get('«') ?? 0) > 0) closeTo('«', i);
    } else if (char === '“' || char === '„') {
      push('“', i);
    } else if (char === '”') {
      if ((openCount.get('“') ?? 0) > 0) closeTo('“', i);
    } else if (char === '"') {
      const top = stack[stack.length - 1];
      if (top?.mark === '"') {
        closeTo('"', i);
      } else if ((openCount.get('"') ?? 0) > 0 && !isSpace(text[i - 1])) {
        closeTo('"', i);
      } else if ((i === 0 || BEFORE_STRAIGHT_OPENER.test(text[i - 1] ?? '')) && !isSpace(text[i + 1])) {
        push('"', i);
      }
    }
  }
  return spans;
}

function nextLineOpensWith(text: string, newline: number, mark: string): boolean {
  let index = newline + 1;
  while (index < text.length && (isSpace(text[index]) || text[index] === '\n')) index += 1;
  return text[index] === mark;
}

function makeSpan(text: string, open: number, close: number): Omit<QuoteSpan, 'continued'> {
  let innerStart = open + 1;
  let innerEnd = close;
  while (innerStart < innerEnd && isSpace(text[innerStart])) innerStart += 1;
  while (innerEnd > innerStart && isSpace(text[innerEnd - 1])) innerEnd -= 1;
  // English puts the sentence's comma inside the marks (“…first year,” she said): it is not the speaker's.
  if (text[innerEnd - 1] === ',') {
    innerEnd -= 1;
    while (innerEnd > innerStart && isSpace(text[innerEnd - 1])) innerEnd -= 1;
  }
  return { open, close, innerStart, innerEnd, words: countWords(text.slice(innerStart, innerEnd)) };
}

/** Index of the first span whose closing mark is at or after `index` (spans are sorted and disjoint). */
function firstSpanEndingAtOrAfter(spans: readonly QuoteSpan[], index: number): number {
  return firstAtOrAfter(spans, index, (span) => span.close);
}

/** The span whose marks enclose `index` (strictly inside), if any. */
export function spanAround(spans: readonly QuoteSpan[], index: number): QuoteSpan | null {
  const span = spans[firstSpanEndingAtOrAfter(spans, index)];
  return span && span.open < index && index < span.close ? span : null;
}

export function spansIn(spans: readonly QuoteSpan[], from: number, to: number): QuoteSpan[] {
  const found: QuoteSpan[] = [];
  for (let index = firstSpanEndingAtOrAfter(spans, from); index < spans.length; index += 1) {
    const span = spans[index];
    if (!span || span.open >= to) break;
    if (span.open >= from) found.push(span);
  }
  return found;
}
