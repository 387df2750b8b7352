// Character-level helpers every pass of the quote-suggestion engine (lib/quote-suggestions/detect.ts) shares:
// which characters are spaces (news text is full of no-break and narrow no-break spaces), word counts, trimming,
// and the apostrophe folding that lets "d’après" match "d'après". One definition each, so that no two passes
// disagree on where a word or a space is.

const SPACE_CHARS = /[\s\u00A0\u202F\u2007\u2009\u200A]/u;
export const isSpace = (char: string | undefined): boolean => char !== undefined && SPACE_CHARS.test(char);

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
export function countWords(value: string): number {
  return value.match(WORD)?.length ?? 0;
}

export function skipSpaces(text: string, from: number, limit: number): number {
  let index = from;
  while (index < limit && isSpace(text[index])) index += 1;
  return index;
}

export function trimEnd(text: string, start: number, end: number): number {
  let index = end;
  while (index > start && isSpace(text[index - 1])) index -= 1;
  return index;
}

export function lastNonSpace(text: string, from: number, to: number): string | undefined {
  const index = trimEnd(text, from, to);
  return index > from ? text[index - 1] : undefined;
}

export const foldApostrophes = (value: string): string => (value.includes('’') ? value.replace(/’/gu, "'") : value);

export const lower = (value: string): string => foldApostrophes(value.toLowerCase());
